import type { GlanceImage, GlanceUsage } from "../schemas";

const MIB = 1024 * 1024;

/**
 * An RFC 6266 `attachment` disposition naming the file after the image, without control characters
 * or path separators: `filename` is a plain ASCII fallback (non-ASCII, quotes and `%` replaced),
 * `filename*` (RFC 8187, UTF-8) carries the name itself whenever the fallback had to change it.
 */
export function attachmentDisposition(imageName: unknown, imageId: string): string {
  const name = (typeof imageName === "string" ? imageName : "")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/[/\\]/g, "_")
    .trim()
    .replace(/^\.+/, "")
    .slice(0, 200);
  const fileName = name || imageId;
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["%]/g, "_");
  if (ascii === fileName) return `attachment; filename="${ascii}"`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

function encodeRfc8187(value: string) {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function hexToBase64(hex: string): string {
  let binary = "";
  for (let i = 0; i + 1 < hex.length; i += 2) binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(binary);
}

/** RFC 9530 `Repr-Digest` for a SHA-512 given in hex. */
export const sha512ReprDigest = (hex: string) => `sha-512=:${hexToBase64(hex)}:`;

/** Glance's own SHA-512 of the image's data, when that is the algorithm it used. */
export function glanceSha512(image: GlanceImage): string | undefined {
  return image.os_hash_algo === "sha512" && typeof image.os_hash_value === "string" && image.os_hash_value
    ? image.os_hash_value.toLowerCase()
    : undefined;
}

export type QuotaResource = "image_size_total" | "image_stage_total";

export interface QuotaVerdict {
  resource: QuotaResource;
  remainingBytes: number;
  limitMiB: number;
  usageMiB: number;
}

/**
 * Whether an upload of `bytes` would exceed what is left of the caller's quota, from Glance's
 * `GET /v2/info/usage` (MiB). Undefined when it fits or when Glance sets no limit (-1 or absent).
 */
export function quotaExceeded(usage: GlanceUsage, resource: QuotaResource, bytes: number): QuotaVerdict | undefined {
  const entry = usage.usage[resource];
  if (!entry || entry.limit < 0) return undefined;
  const remainingBytes = Math.max(0, (entry.limit - entry.usage) * MIB);
  if (bytes <= remainingBytes) return undefined;
  return { resource, remainingBytes, limitMiB: entry.limit, usageMiB: entry.usage };
}

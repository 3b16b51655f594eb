// The tus 1.0.0 resumable upload protocol's headers (https://tus.io/protocols/resumable-upload), read and
// written by pure functions: what the routes and the Durable Object share.

export const TUS_VERSION = "1.0.0";
export const TUS_EXTENSIONS = ["creation", "creation-with-upload", "termination", "checksum", "expiration"] as const;
export const OFFSET_OCTET_STREAM = "application/offset+octet-stream";

/** The Upload-Checksum algorithms this API verifies, by their tus names, with their WebCrypto digest names. */
export const CHECKSUM_ALGORITHMS = { sha1: "SHA-1", sha256: "SHA-256", sha512: "SHA-512", md5: "MD5" } as const;
export type ChecksumAlgorithm = keyof typeof CHECKSUM_ALGORITHMS;

/** The hand-off's stages as `Upload-Handoff` names them. */
export const HANDOFF_STATES = ["none", "pending", "running", "importing", "done", "failed"] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

/** A header that does not say what tus says it must; `header` names it. */
export class TusHeaderError extends Error {
  constructor(
    readonly header: string,
    message: string,
  ) {
    super(message);
  }
}

const WHOLE_NUMBER = /^\d{1,16}$/;

/** Upload-Offset, Upload-Length, Content-Length: a non-negative whole number of bytes (absent: undefined). */
export function parseByteCount(header: string, value: string | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  if (!WHOLE_NUMBER.test(trimmed) || Number(trimmed) > Number.MAX_SAFE_INTEGER)
    throw new TusHeaderError(header, "must be a non-negative whole number of bytes");
  return Number(trimmed);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// A key is ASCII without spaces and commas (tus); control characters are refused too.
const METADATA_KEY = /^[\x21-\x2b\x2d-\x7e]+$/;

export const MAX_METADATA_CHARS = 4096;

/**
 * Upload-Metadata: comma-separated `key base64value` pairs (the value may be absent), keys unique.
 * Returns the pairs with their values decoded as UTF-8 where they are, else kept as base64.
 */
export function parseUploadMetadata(value: string | undefined | null): Map<string, string> {
  const pairs = new Map<string, string>();
  if (value === undefined || value === null || value.trim() === "") return pairs;
  if (value.length > MAX_METADATA_CHARS)
    throw new TusHeaderError("Upload-Metadata", `is longer than ${MAX_METADATA_CHARS} characters`);
  for (const pair of value.split(",")) {
    const parts = pair.trim().split(" ");
    const [key, encoded = ""] = parts;
    if (parts.length > 2 || !key || !METADATA_KEY.test(key))
      throw new TusHeaderError("Upload-Metadata", `${JSON.stringify(pair.trim())} is not a "key base64value" pair`);
    if (!BASE64.test(encoded)) throw new TusHeaderError("Upload-Metadata", `the value of ${key} is not base64`);
    if (pairs.has(key)) throw new TusHeaderError("Upload-Metadata", `${key} is given more than once`);
    pairs.set(key, decodeBase64Text(encoded));
  }
  return pairs;
}

function decodeBase64Text(encoded: string): string {
  const bytes = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return encoded;
  }
}

export interface UploadChecksum {
  algorithm: ChecksumAlgorithm;
  digest: Uint8Array;
}

/** Upload-Checksum: `<algorithm> <base64 digest>` of the PATCH body; an algorithm not offered is a 400 (tus). */
export function parseUploadChecksum(value: string | undefined | null): UploadChecksum | undefined {
  if (value === undefined || value === null) return undefined;
  const match = /^\s*(\S+) (\S+)\s*$/.exec(value);
  if (!match) throw new TusHeaderError("Upload-Checksum", 'must be "<algorithm> <base64 digest>"');
  const algorithm = match[1].toLowerCase();
  if (!Object.hasOwn(CHECKSUM_ALGORITHMS, algorithm))
    throw new TusHeaderError(
      "Upload-Checksum",
      `algorithm ${JSON.stringify(match[1].slice(0, 32))} is not supported; use one of ${Object.keys(CHECKSUM_ALGORITHMS).join(", ")}`,
    );
  if (!BASE64.test(match[2])) throw new TusHeaderError("Upload-Checksum", "the digest is not base64");
  const digest = Uint8Array.from(atob(match[2]), (char) => char.charCodeAt(0));
  return { algorithm: algorithm as ChecksumAlgorithm, digest };
}

/** Whether the request's Tus-Resumable names the version this API speaks (every request but OPTIONS must send it). */
export function supportsTusVersion(value: string | undefined | null): boolean {
  return value?.trim() === TUS_VERSION;
}

/** The headers of an OPTIONS answer: what this server offers. */
export function tusCapabilities(maxUploadBytes: number, maxRequestBodyBytes: number): Record<string, string> {
  return {
    "tus-version": TUS_VERSION,
    "tus-extension": TUS_EXTENSIONS.join(","),
    "tus-checksum-algorithm": Object.keys(CHECKSUM_ALGORITHMS).join(","),
    // Not in tus: the largest PATCH body this API (and Cloudflare's plan in front of it) accepts; chunk below it.
    "tus-max-chunk-size": String(maxRequestBodyBytes),
    ...(maxUploadBytes > 0 ? { "tus-max-size": String(maxUploadBytes) } : {}),
  };
}

/** A value safe in a header: printable ASCII, at most `max` characters. */
export function headerSafe(text: string, max = 512): string {
  const printable = text.replace(/[^\x20-\x7e]/g, "?");
  return printable.length > max ? `${printable.slice(0, max - 3)}...` : printable;
}

import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import type { GlanceClient } from "../../glance/client";
import type { GlanceImage } from "../../glance/schemas";
import { checkedUploadHeaders, inspectionLogOf, sendImageData, uploadChecksFor } from "../../glance/image-upload";
import {
  attachmentDisposition,
  glanceSha512,
  hexToBase64,
  type QuotaResource,
  quotaExceeded,
  sha512ReprDigest,
} from "../../glance/transform/image-data";
import { toHorizonImage } from "../../glance/transform/images";
import { expectedDigests } from "../../lib/digest-fields";
import { badRequest, ProblemError } from "../../lib/problem";
import type { DownloadImageFileRoute, StageImageDataRoute, UploadImageFileRoute } from "./image-data.routes";

const OCTET_STREAM = "application/octet-stream";

/** The declared length of an upload, refused (415, 411, 400, 413) before anything is sent to Glance. */
function declaredLength(c: Context<AppEnv>, maxBytes: number): number {
  const contentType = c.req.header("content-type")?.split(";")[0].trim().toLowerCase();
  if (contentType !== OCTET_STREAM) {
    throw new ProblemError({
      code: "unsupported-media-type",
      status: 415,
      detail: `Image data must be sent as ${OCTET_STREAM}${contentType ? `, not ${contentType}` : " (no Content-Type was given)"}`,
    });
  }
  const lengthHeader = c.req.header("content-length");
  if (lengthHeader === undefined) {
    throw new ProblemError({
      code: "length-required",
      status: 411,
      detail: "Content-Length is required: image data is streamed to Glance with its length, not chunked",
    });
  }
  if (!/^\d{1,16}$/.test(lengthHeader.trim()))
    throw badRequest("Content-Length", "must be a whole number of bytes", "header");
  const length = Number(lengthHeader.trim());
  if (maxBytes > 0 && length > maxBytes) {
    throw new ProblemError({
      code: "content-too-large",
      status: 413,
      detail: `${length} bytes is more than this API accepts in one upload (MAX_UPLOAD_BYTES = ${maxBytes}); import it with web-download or upload it to Glance directly`,
    });
  }
  return length;
}

/** A 413 naming both numbers when the upload would not fit in what is left of the caller's quota. */
async function refuseOverQuota(glance: GlanceClient, resource: QuotaResource, length: number) {
  let usage;
  try {
    usage = await glance.usage();
  } catch (error) {
    // A Glance older than Xena has no usage API: its own quota checks still apply.
    if (error instanceof ProblemError && error.init.upstreamStatus === 404) return;
    throw error;
  }
  const exceeded = quotaExceeded(usage, resource, length);
  if (exceeded) {
    throw new ProblemError({
      code: "content-too-large",
      status: 413,
      detail:
        `${length} bytes is more than the ${exceeded.remainingBytes} bytes left of your ${resource} quota ` +
        `(${exceeded.usageMiB} of ${exceeded.limitMiB} MiB used)`,
    });
  }
}

/**
 * Glance takes data only for a `queued` image, and answers any other with a 409 before it reads the
 * body; workerd's fetch, still sending, then fails on the closed connection and the caller would see
 * a 502. The record read before the upload says so first.
 */
function refuseUnlessQueued(image: GlanceImage, target: "file" | "stage") {
  if (image.status === "queued") return;
  throw new ProblemError({
    code: "conflict",
    status: 409,
    detail: `Image ${image.id} is ${String(image.status)}; data can be ${target === "file" ? "uploaded" : "staged"} only while it is queued`,
  });
}

const emptyBody = () => new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });

/**
 * Streams the request body to Glance (file or stage) through its checks, then answers the image as
 * Glance holds it (its SHA-512 checked against ours). Before a byte moves: the length, the client's
 * digest headers, the quota, the image's status (queued) and (unless FORMAT_INSPECTION is off) its
 * disk_format, read from Glance. A refused format or digest aborts Glance's request before its last byte, so Glance keeps
 * nothing: a `file` image stays `queued`, a `stage` has its staged data removed.
 */
async function receiveImageData(c: Context<AppEnv>, imageId: string, target: "file" | "stage") {
  const glance = c.get("glance");
  const config = c.get("config");
  const length = declaredLength(c, config.MAX_UPLOAD_BYTES);
  const expected = expectedDigests(c.req.raw.headers);
  const [declared] = await Promise.all([
    glance.getImage(imageId),
    refuseOverQuota(glance, target === "file" ? "image_size_total" : "image_stage_total", length),
  ]);
  refuseUnlessQueued(declared, target);
  const checks = uploadChecksFor(config.FORMAT_INSPECTION === "off" ? undefined : declared, expected, config);
  const data = { body: c.req.raw.body ?? emptyBody(), contentLength: length, signal: c.req.raw.signal };
  let image: GlanceImage;
  try {
    image = await sendImageData(glance, imageId, target, data, checks);
  } catch (error) {
    c.set("imageFormat", inspectionLogOf(checks, error));
    throw error;
  }
  c.set("imageFormat", inspectionLogOf(checks));
  return { image: toHorizonImage(image, "detail"), headers: checkedUploadHeaders(checks) };
}

export const uploadImageFile: RouteHandler<UploadImageFileRoute, AppEnv> = async (c) => {
  const { image_id: imageId } = c.req.valid("param");
  const { image, headers } = await receiveImageData(c, imageId, "file");
  return c.json(image, 200, headers);
};

export const stageImageData: RouteHandler<StageImageDataRoute, AppEnv> = async (c) => {
  const { image_id: imageId } = c.req.valid("param");
  const { image, headers } = await receiveImageData(c, imageId, "stage");
  return c.json(image, 200, headers);
};

function dataHeaders(image: GlanceImage) {
  const headers = new Headers({
    "content-type": OCTET_STREAM,
    "content-disposition": attachmentDisposition(image.name, image.id),
    "cache-control": "private, no-store",
    "accept-ranges": "bytes",
  });
  const sha512 = glanceSha512(image);
  if (sha512) headers.set("repr-digest", sha512ReprDigest(sha512));
  return headers;
}

/** RFC 1864 Content-MD5 of the whole image: Glance's `checksum` (an MD5 in hex) as base64. */
function contentMd5(image: GlanceImage): string | undefined {
  return typeof image.checksum === "string" && /^[0-9a-f]{32}$/i.test(image.checksum)
    ? hexToBase64(image.checksum)
    : undefined;
}

const hasData = (image: GlanceImage) => typeof image.size === "number" && image.status !== "queued";

/** HEAD: Glance has no HEAD on `/file`, so the headers come from the image's own record. */
async function headImageFile(c: Context<AppEnv>, imageId: string) {
  const image = await c.get("glance").getImage(imageId);
  if (!hasData(image)) return new Response(null, { status: 204 });
  const headers = dataHeaders(image);
  headers.set("content-length", String(image.size));
  const md5 = contentMd5(image);
  if (md5) headers.set("content-md5", md5);
  return new Response(null, { status: 200, headers });
}

export const downloadImageFile: RouteHandler<DownloadImageFileRoute, AppEnv> = async (c) => {
  const { image_id: imageId } = c.req.valid("param");
  if (c.req.method === "HEAD") return headImageFile(c, imageId);
  const { range } = c.req.valid("header");
  const glance = c.get("glance");
  const [record, data] = await Promise.allSettled([
    glance.getImage(imageId),
    glance.downloadImageData(imageId, { range, signal: c.req.raw.signal }),
  ]);
  if (data.status === "rejected") {
    const error = data.reason as unknown;
    if (error instanceof ProblemError && error.init.upstreamStatus === 416 && record.status === "fulfilled") {
      const size = typeof record.value.size === "number" ? record.value.size : 0;
      throw new ProblemError({ ...error.init, headers: { "content-range": `bytes */${size}` } });
    }
    throw error;
  }
  if (record.status === "rejected") {
    await data.value.body?.cancel();
    throw record.reason;
  }
  const upstream = data.value;
  if (upstream.status === 204 || !upstream.body) {
    await upstream.body?.cancel();
    return c.body(null, 204);
  }
  const headers = dataHeaders(record.value);
  for (const name of ["content-length", "content-range"]) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // Glance's Content-MD5 is the whole image's hex digest, on a 206 too; RFC 1864 wants the base64 of
  // the MD5 of the body sent, which is that digest only when the whole image is sent.
  const md5 = upstream.status === 200 ? contentMd5(record.value) : undefined;
  if (md5) headers.set("content-md5", md5);
  return new Response(upstream.body, { status: upstream.status, headers });
};

import { ProblemError } from "../lib/problem";
import { sha512Tap } from "../streams/sha512-tap";
import type { GlanceClient } from "./client";
import type { GlanceImage } from "./schemas";
import { bytesToHex, glanceSha512 } from "./transform/image-data";

export interface ImageData {
  body: ReadableStream<Uint8Array>;
  /** Sent as Content-Length; without it the body goes chunked. */
  contentLength?: number;
  /** The caller's request signal: a client that hangs up aborts the upload. */
  signal?: AbortSignal;
}

/**
 * Every upload path's one way to Glance: streams `data` to the image's `file` (or `stage`) with
 * its SHA-512 computed on the way, runs `afterSent` (a check of the source that may throw), then
 * reads the image back and compares Glance's digest with ours.
 */
export async function sendImageData(
  glance: GlanceClient,
  imageId: string,
  target: "file" | "stage",
  { body, contentLength, signal }: ImageData,
  afterSent?: () => void,
): Promise<{ image: GlanceImage; sentSha512: string }> {
  const { tap, digest } = sha512Tap();
  if (target === "file") await glance.uploadImageData(imageId, body, contentLength, signal, tap);
  else await glance.stageImageData(imageId, body, contentLength, signal, tap);
  afterSent?.();
  const sentSha512 = bytesToHex(await digest);
  return { image: await readBackUploadedImage(glance, imageId, sentSha512), sentSha512 };
}

/**
 * The image as Glance holds it after an upload, checked against the SHA-512 of what passed through
 * the Worker: Glance storing other bytes is a 502 naming both digests.
 */
async function readBackUploadedImage(glance: GlanceClient, imageId: string, sentSha512: string): Promise<GlanceImage> {
  const image = await glance.getImage(imageId);
  const storedSha512 = glanceSha512(image);
  if (storedSha512 && storedSha512 !== sentSha512) {
    throw new ProblemError({
      code: "bad-gateway",
      status: 502,
      detail: `Glance stored data whose SHA-512 is ${storedSha512}, but the data sent through had ${sentSha512}`,
    });
  }
  return image;
}

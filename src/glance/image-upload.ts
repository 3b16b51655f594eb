import { ProblemError } from "../lib/problem";
import type { GlanceClient } from "./client";
import type { GlanceImage } from "./schemas";
import { glanceSha512 } from "./transform/image-data";

/**
 * The image as Glance holds it after an upload, checked against the SHA-512 of what passed through
 * the Worker: Glance storing other bytes is a 502 naming both digests.
 */
export async function readBackUploadedImage(
  glance: GlanceClient,
  imageId: string,
  sentSha512: string,
): Promise<GlanceImage> {
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

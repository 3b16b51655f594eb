import type { Config } from "../config";
import { digestMember, type ExpectedDigest, WANT_REPR_DIGEST } from "../lib/digest-fields";
import { ProblemError } from "../lib/problem";
import { UploadChecks } from "../streams/upload-checks";
import type { GlanceClient } from "./client";
import { formatCheckFor, imageFormatField } from "./image-format-rules";
import type { GlanceImage } from "./schemas";
import { glanceSha512 } from "./transform/image-data";

export interface ImageData {
  body: ReadableStream<Uint8Array>;
  /** Sent as Content-Length; without it the body goes chunked. */
  contentLength?: number;
  /** The caller's request signal: a client that hangs up aborts the upload. */
  signal?: AbortSignal;
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * The checks an upload to `image` passes: the client's digests, and unless FORMAT_INSPECTION is
 * off (then no image is given) its format against the image's disk_format and container_format.
 */
export function uploadChecksFor(
  image: GlanceImage | undefined,
  expected: ExpectedDigest[],
  config: Pick<Config, "FORMAT_INSPECTION" | "MAX_VIRTUAL_SIZE_BYTES">,
): UploadChecks {
  const declared = image && { disk_format: text(image.disk_format), container_format: text(image.container_format) };
  return new UploadChecks({ expected, format: declared && formatCheckFor(declared, config) });
}

/**
 * Every upload path's one way to Glance: streams `data` to the image's `file` (or `stage`) through
 * `checks` (its SHA-512, the client's digests, its format: a refusal aborts Glance's request before
 * its last byte, so Glance keeps nothing), runs `afterSent` (a check of the source that may throw),
 * then reads the image back and compares Glance's digest with ours.
 */
export async function sendImageData(
  glance: GlanceClient,
  imageId: string,
  target: "file" | "stage",
  { body, contentLength, signal }: ImageData,
  checks: UploadChecks,
  afterSent?: () => void,
): Promise<GlanceImage> {
  if (target === "file") await glance.uploadImageData(imageId, body, contentLength, signal, checks);
  else await glance.stageImageData(imageId, body, contentLength, signal, checks);
  afterSent?.();
  return await readBackUploadedImage(glance, imageId, checks.sha512);
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

/**
 * The answer headers that describe data that passed its checks: `Repr-Digest` with every digest
 * computed (sha-512 always, sha-256 when the client sent one), `Want-Repr-Digest` (what this API
 * checks an upload against), and `X-Image-Format` when the format was inspected.
 */
export function checkedUploadHeaders(checks: UploadChecks): Record<string, string> {
  const { digests, finding, wouldRefuse } = checks.outcome;
  const members = (["sha-512", "sha-256"] as const).flatMap((algorithm) => {
    const value = digests.get(algorithm);
    return value ? [digestMember(algorithm, value)] : [];
  });
  return {
    "repr-digest": members.join(", "),
    "want-repr-digest": WANT_REPR_DIGEST,
    ...(finding ? { "x-image-format": imageFormatField(finding, wouldRefuse) } : {}),
  };
}

const FORMAT_REFUSALS = new Set(["unsafe-image", "image-format-mismatch"]);

/** The access log's view of an upload's inspection: the format found, and why it was (or would have been) refused. */
export function inspectionLogOf(
  checks: UploadChecks,
  error?: unknown,
): { format: string; refusal?: string } | undefined {
  const finding = checks.finding;
  if (!finding) return undefined;
  if (error instanceof ProblemError && FORMAT_REFUSALS.has(error.init.code)) {
    return { format: finding.format, refusal: error.init.detail };
  }
  const wouldRefuse = error === undefined ? checks.outcome.wouldRefuse : undefined;
  return { format: finding.format, ...(wouldRefuse ? { refusal: wouldRefuse.finding } : {}) };
}

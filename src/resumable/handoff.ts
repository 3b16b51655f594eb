import type { Config } from "../config";
import { GlanceClient } from "../glance/client";
import { uploadChecksFor } from "../glance/image-upload";
import type { GlanceImage } from "../glance/schemas";
import { glanceSha512 } from "../glance/transform/image-data";
import { type ProblemCode, ProblemError } from "../lib/problem";
import { readStored, type StoredSegment } from "./stored-bytes";
import { webDownloadHandoff } from "./web-download-handoff";

export type HandoffMode = Config["UPLOAD_HANDOFF"];

/**
 * What the Durable Object needs to hand an upload to Glance, sent by the request that completed it (or
 * asked for a retry): the caller's token is held in the object's memory only, never stored or logged.
 */
export interface HandoffRequest {
  mode: HandoffMode;
  token: string;
  glance: {
    url: string;
    openstackRequestId: string;
    timeoutMs: number;
    idleTimeoutMs: number;
    maxResponseBytes: number;
  };
  inspection: Pick<Config, "FORMAT_INSPECTION" | "MAX_VIRTUAL_SIZE_BYTES">;
  /** PUBLIC_BASE_URL: where Glance reaches this API (web-download). */
  publicBaseUrl?: string;
  /** How long the import may take to make the image active, and how often to look (ms). */
  importWaitMs?: number;
  importPollMs?: number;
}

/** The upload as a hand-off sees it, and how it reports its progress to the Durable Object. */
export interface HandoffUpload {
  bucket: R2Bucket;
  uploadId: string;
  imageId: string;
  length: number;
  segments: StoredSegment[];
  /** The SHA-512 (hex) of bytes already staged in Glance by an earlier try, if one got that far. */
  stagedSha512?: string;
  /** Records that Glance holds the staged bytes (with their SHA-512), before the import is started. */
  staged(sha512: string): void;
  importing(): void;
}

export interface HandoffOutcome {
  /** The SHA-512 (hex) of every byte, as computed on the way to Glance and checked against its os_hash_value. */
  sha512?: string;
}

export interface HandoffProblem {
  code: ProblemCode;
  status: number;
  detail: string;
}

/** The hand-off when the last byte has landed, by UPLOAD_HANDOFF: `stage` here, `web-download` in its own module. */
export function runHandoff(upload: HandoffUpload, request: HandoffRequest): Promise<HandoffOutcome> {
  return request.mode === "stage" ? stageHandoff(upload, request) : webDownloadHandoff(upload, request);
}

/** The glance client of a hand-off: the caller's token, the region's Glance it chose when uploading. */
export function handoffGlanceClient(request: HandoffRequest): GlanceClient {
  return new GlanceClient({
    baseUrl: request.glance.url,
    timeoutMs: request.glance.timeoutMs,
    openstackRequestId: request.glance.openstackRequestId,
    getToken: () => request.token,
    dataIdleTimeoutMs: request.glance.idleTimeoutMs,
    maxResponseBytes: request.glance.maxResponseBytes,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const FAILED_IMPORT_STATES = new Set(["queued", "killed", "deleted", "pending_delete", "deactivated"]);

/**
 * Waits for Glance's import to make the image active, then checks Glance's os_hash_value against the
 * SHA-512 of the bytes sent (when Glance hashes with sha512). A status that means the import failed,
 * or no `active` within `importWaitMs`, is a problem.
 */
export async function awaitActiveImage(
  glance: GlanceClient,
  imageId: string,
  sentSha512: string | undefined,
  request: HandoffRequest,
): Promise<GlanceImage> {
  const deadline = Date.now() + (request.importWaitMs ?? 10 * 60_000);
  for (;;) {
    const image = await glance.getImage(imageId);
    const status = String(image.status);
    if (status === "active") {
      const stored = glanceSha512(image);
      if (stored && sentSha512 && stored !== sentSha512) {
        throw new ProblemError({
          code: "bad-gateway",
          status: 502,
          detail: `Glance stored data whose SHA-512 is ${stored}, but the uploaded bytes have ${sentSha512}`,
        });
      }
      return image;
    }
    if (FAILED_IMPORT_STATES.has(status)) {
      throw new ProblemError({
        code: "bad-gateway",
        status: 502,
        detail: `Glance's import did not make the image active: it is ${status} (its tasks/ say why)`,
      });
    }
    if (Date.now() >= deadline) {
      throw new ProblemError({
        code: "gateway-timeout",
        status: 504,
        detail: `Glance's import has not made the image active yet (it is ${status}); follow it with tasks/`,
      });
    }
    await sleep(request.importPollMs ?? 1000);
  }
}

/**
 * `stage`: the stored bytes, read from R2 segment after segment, go to Glance's `PUT /v2/images/{id}/stage`
 * with their Content-Length through the same checks as every upload path (SHA-512, format inspection:
 * a refusal aborts Glance's request before its last byte, so it keeps nothing), then a `glance-direct`
 * import. An earlier try that got the bytes staged (the image `uploading`) goes straight to the import.
 */
async function stageHandoff(upload: HandoffUpload, request: HandoffRequest): Promise<HandoffOutcome> {
  const glance = handoffGlanceClient(request);
  const image = await glance.getImage(upload.imageId);
  let sha512 = upload.stagedSha512;
  if (!(sha512 && image.status === "uploading")) {
    if (image.status !== "queued") {
      throw new ProblemError({
        code: "conflict",
        status: 409,
        detail: `Image ${upload.imageId} is ${String(image.status)}; its data can be staged only while it is queued`,
      });
    }
    const inspected = request.inspection.FORMAT_INSPECTION === "off" ? undefined : image;
    const checks = uploadChecksFor(inspected, [], request.inspection);
    const body = readStored(upload.bucket, upload.segments);
    await glance.stageImageData(upload.imageId, body, upload.length, undefined, checks);
    sha512 = checks.sha512;
    upload.staged(sha512);
  }
  upload.importing();
  await glance.importImage(upload.imageId, { name: "glance-direct" });
  await awaitActiveImage(glance, upload.imageId, sha512, request);
  return { sha512 };
}

/** A hand-off's failure as the upload reports it (HEAD's Upload-Handoff-Problem, GET's `handoff.problem`). */
export function handoffProblemOf(error: unknown): HandoffProblem {
  if (error instanceof ProblemError) {
    return { code: error.init.code, status: error.init.status, detail: error.init.detail };
  }
  return { code: "internal-error", status: 500, detail: `the hand-off to Glance failed: ${String(error)}` };
}

import type { GlanceClient } from "../glance/client";
import { uploadChecksFor } from "../glance/image-upload";
import type { GlanceImage } from "../glance/schemas";
import { ProblemError } from "../lib/problem";
import {
  checkStoredDigest,
  handoffGlanceClient,
  nextLook,
  type HandoffOutcome,
  type HandoffProblem,
  type HandoffRequest,
  type HandoffUpload,
} from "./handoff";
import { signedUploadUrl } from "./signed-url";
import { readStored } from "./stored-bytes";

/** Whether this build can hand uploads off in `web-download` mode. */
export const WEB_DOWNLOAD_AVAILABLE = true;

/**
 * How long the signed URL stays valid. Glance starts the download as soon as its import task runs (a
 * signature is checked when a request starts, so a long download is not cut off), so minutes suffice.
 */
export const GRANT_SECONDS = 15 * 60;

/** The inspector settles every format within its first MiB (a VMDK descriptor is the largest part it reads). */
const HEAD_BYTES = 2 * 1024 * 1024;

/** How long a refused or broken download may leave Glance `importing` before the failure is reported anyway. */
const SETTLE_MS = 60_000;

/**
 * What the signed byte route needs while Glance pulls the bytes (kept by the Durable Object in memory
 * while the hand-off runs): the declared format the bytes are checked against on their way.
 */
export interface WebDownloadServing {
  disk_format?: string;
  container_format?: string;
  inspection: HandoffRequest["inspection"];
}

/** What the byte route reports after serving every byte to Glance: their SHA-512, or why it stopped. */
export type ServedOutcome = { sha512: string } | { problem: HandoffProblem };

/** The hand-off's view of the serving, given by the Durable Object. */
export interface WebDownloadUpload extends HandoffUpload {
  /** Opens (or, undefined, closes) the serving of the bytes to Glance; a new one forgets what an earlier one reported. */
  serve(serving: WebDownloadServing | undefined): void;
  served(): ServedOutcome | undefined;
}

function text(value: unknown): string | undefined;
function text(value: unknown, fallback: string): string;
function text(value: unknown, fallback?: string) {
  return typeof value === "string" ? value : fallback;
}

/**
 * The format check of the stored bytes' head, before Glance is asked for anything: an image the
 * inspector can already refuse whatever follows (a qcow2 with a backing file, qcow2 bytes for a `raw`
 * image) fails the hand-off with the same 400 problem every upload path answers, and Glance never sees it.
 * What only the whole stream settles is checked again while the bytes are served.
 */
async function inspectHead(upload: HandoffUpload, image: GlanceImage, request: HandoffRequest): Promise<void> {
  if (request.inspection.FORMAT_INSPECTION !== "enforce" || upload.length === 0) return;
  const checks = uploadChecksFor(image, [], request.inspection);
  const end = Math.min(upload.length, HEAD_BYTES) - 1;
  const reader = readStored(upload.bucket, upload.segments, { start: 0, end }).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await checks.chunk(value);
    }
    // The head is the whole upload: the inspector's verdict is final.
    if (end === upload.length - 1) await checks.end();
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Glance's refusal of the import call, said so that the operator knows where to look. */
function importRefused(error: unknown, publicBaseUrl: string): never {
  if (error instanceof ProblemError && error.init.status === 400) {
    throw new ProblemError({
      code: "bad-gateway",
      status: 502,
      detail:
        `Glance refused to import from ${publicBaseUrl} with web-download (${error.init.detail}): Glance must offer ` +
        "web-download and its [import_filtering_opts] must allow PUBLIC_BASE_URL's scheme, host and port",
    });
  }
  throw error;
}

const FAILED_STATES = new Set(["queued", "killed", "deleted", "pending_delete", "deactivated"]);

/**
 * Whether Glance's import of a `queued` image is still to run: the import call takes the image's import lock
 * (`os_glance_import_task`) at once, but the image turns `importing` only when the task starts; the lock is dropped
 * when the task ends, so a `queued` image without it has seen its import fail.
 */
const importRunning = (image: GlanceImage) => typeof image.os_glance_import_task === "string";

/** What Glance's newest failed task of the image says, for the hand-off's problem (empty when it says nothing). */
async function taskFailure(glance: GlanceClient, imageId: string): Promise<string> {
  try {
    const failed = (await glance.listImageTasks(imageId))
      .filter((task) => task.status === "failure")
      .sort((a, b) => text(b.updated_at, "").localeCompare(text(a.updated_at, "")));
    const message = failed[0]?.message;
    return typeof message === "string" && message
      ? ` (Glance's task: ${message.slice(0, 500)})`
      : " (its tasks/ say why)";
  } catch {
    return " (its tasks/ say why)";
  }
}

/**
 * Follows Glance's web-download import until the image is active and checks its `os_hash_value` against
 * the SHA-512 the byte route computed while serving (it is recorded before Glance receives the last
 * byte, so an active image always finds it). A download the route stopped (a format refusal, R2 failing)
 * fails the hand-off with its reason once Glance has let go of the image.
 */
async function followImport(glance: GlanceClient, upload: WebDownloadUpload, request: HandoffRequest): Promise<string> {
  const deadline = Date.now() + (request.importWaitMs ?? 10 * 60_000);
  let settleBy: number | undefined;
  for (;;) {
    const served = upload.served();
    const image = await glance.getImage(upload.imageId);
    const status = String(image.status);
    if (served && "problem" in served) {
      settleBy ??= Date.now() + SETTLE_MS;
      if (status !== "importing" || Date.now() >= settleBy) throw new ProblemError(served.problem);
    } else if (status === "active") {
      if (!served) {
        throw new ProblemError({
          code: "bad-gateway",
          status: 502,
          detail: "Glance made the image active without having read every byte of the upload's signed URL",
        });
      }
      checkStoredDigest(image, served.sha512);
      return served.sha512;
    } else if (FAILED_STATES.has(status) && !(status === "queued" && importRunning(image))) {
      throw new ProblemError({
        code: "bad-gateway",
        status: 502,
        detail: `Glance's web-download import did not make the image active: it is ${status}${await taskFailure(glance, upload.imageId)}`,
      });
    }
    await nextLook(deadline, status, request);
  }
}

/**
 * `web-download`: the head of the stored bytes is inspected, then Glance is asked to import the image
 * from a short-lived signed URL of this API under PUBLIC_BASE_URL. Glance pulls the bytes through the
 * signed byte route, which reads them from R2, computes their SHA-512 and runs the format inspector in
 * that one pass (a refusal stops the stream before the last byte, so Glance keeps nothing), and tells
 * the Durable Object. Glance's `os_hash_value` is checked against that digest once the image is active.
 */
export async function webDownloadHandoff(upload: HandoffUpload, request: HandoffRequest): Promise<HandoffOutcome> {
  const serving = upload as WebDownloadUpload;
  const { publicBaseUrl, signingKey } = request;
  if (!publicBaseUrl || !signingKey) {
    throw new ProblemError({
      code: "configuration-error",
      status: 500,
      detail: "UPLOAD_HANDOFF=web-download needs PUBLIC_BASE_URL and UPLOAD_SIGNING_KEY",
    });
  }
  const glance = handoffGlanceClient(request);
  const image = await glance.getImage(upload.imageId);
  if (image.status !== "queued") {
    throw new ProblemError({
      code: "conflict",
      status: 409,
      detail: `Image ${upload.imageId} is ${String(image.status)}; its data can be imported only while it is queued`,
    });
  }
  await inspectHead(upload, image, request);
  const expiresAt = Math.floor(Date.now() / 1000) + GRANT_SECONDS;
  const uri = await signedUploadUrl(signingKey, publicBaseUrl, {
    uploadId: upload.uploadId,
    imageId: upload.imageId,
    expiresAt,
  });
  serving.serve({
    disk_format: text(image.disk_format),
    container_format: text(image.container_format),
    inspection: request.inspection,
  });
  try {
    upload.importing();
    await glance
      .importImage(upload.imageId, { name: "web-download", uri })
      .catch((error: unknown) => importRefused(error, publicBaseUrl));
    return { sha512: await followImport(glance, serving, request) };
  } finally {
    serving.serve(undefined);
  }
}

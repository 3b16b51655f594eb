import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import { missingHandoffConfig } from "../../config";
import type { AppEnv } from "../../env";
import { resumableUploadUrl } from "../../glance-endpoint/self-links";
import { badRequest, ProblemError, problemType } from "../../lib/problem";
import type { HandoffRequest } from "../../resumable/handoff";
import { receiveSegment } from "../../resumable/receive-segment";
import {
  headerSafe,
  OFFSET_OCTET_STREAM,
  parseByteCount,
  parseUploadChecksum,
  parseUploadMetadata,
  TusHeaderError,
  tusCapabilities,
  type UploadChecksum,
} from "../../resumable/tus-headers";
import type { UploadObject, UploadRecord } from "../../resumable/upload-object";
import { uploadOwnerOf } from "../../resumable/upload-owner";
import { WEB_DOWNLOAD_AVAILABLE } from "../../resumable/web-download-handoff";
import type {
  CreateUploadRoute,
  DeleteUploadRoute,
  GetUploadRoute,
  PatchUploadRoute,
  RetryHandoffRoute,
  UploadOptionsRoute,
  UploadResourceOptionsRoute,
} from "./uploads.routes";
import type { UploadStatus } from "./uploads.schemas";

/** A tus header read through its pure parser; what it says is wrong becomes a 400 naming the header. */
function readHeader<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof TusHeaderError) throw badRequest(error.header, error.message, "header");
    throw error;
  }
}

const capabilities = (c: Context<AppEnv>) => {
  const config = c.get("config");
  return tusCapabilities(config.MAX_UPLOAD_BYTES, config.MAX_REQUEST_BODY_BYTES);
};

export const uploadOptions: RouteHandler<UploadOptionsRoute, AppEnv> = (c) => c.body(null, 204, capabilities(c));

export const uploadResourceOptions: RouteHandler<UploadResourceOptionsRoute, AppEnv> = (c) =>
  c.body(null, 204, capabilities(c));

const notFound = () =>
  new ProblemError({ code: "not-found", status: 404, detail: "No such upload for this image, region and owner" });

/** The upload named by the path, if it is the caller's (owner, image and region all match): else 404, or 410 once expired. */
async function callersUpload(c: Context<AppEnv>, imageId: string, uploadId: string) {
  if (!/^[0-9a-f]{64}$/.test(uploadId)) throw notFound();
  let id: DurableObjectId;
  try {
    id = c.env.UPLOADS.idFromString(uploadId);
  } catch {
    throw notFound();
  }
  const stub = c.env.UPLOADS.get(id) as DurableObjectStub<UploadObject>;
  const [record, owner] = await Promise.all([stub.describe(), uploadOwnerOf(c)]);
  if (!record || record.imageId !== imageId || record.region !== (c.get("region") ?? "") || record.owner !== owner)
    throw notFound();
  if (record.state === "terminated") throw notFound();
  if (record.state === "expired" || (record.expiresAt <= Date.now() && record.handoff !== "running"))
    throw new ProblemError({
      code: "gone",
      status: 410,
      detail: `The upload expired at ${new Date(record.expiresAt).toUTCString()}; its bytes were freed`,
    });
  return { stub, record };
}

/** The headers that say where an upload stands (PATCH, POST and HEAD answers). */
function stateHeaders(record: Pick<UploadRecord, "offset" | "expiresAt" | "handoff">): Record<string, string> {
  return {
    "upload-offset": String(record.offset),
    "upload-expires": new Date(record.expiresAt).toUTCString(),
    "upload-handoff": record.handoff,
  };
}

function statusOf(record: UploadRecord): UploadStatus {
  return {
    upload_id: record.uploadId,
    image_id: record.imageId,
    region: record.region || null,
    offset: record.offset,
    length: record.length,
    metadata: Object.fromEntries(parseUploadMetadata(record.metadata)),
    expires_at: new Date(record.expiresAt).toISOString(),
    handoff: {
      state: record.handoff,
      ...(record.handoffProblem
        ? {
            problem: {
              type: problemType(record.handoffProblem.code),
              status: record.handoffProblem.status,
              detail: record.handoffProblem.detail,
            },
          }
        : {}),
      ...(record.sha512 ? { sha512: record.sha512 } : {}),
    },
  };
}

/** The request's chunk: its length (411 without one, 413 over MAX_REQUEST_BODY_BYTES) and checksum. */
function chunkOf(c: Context<AppEnv>): { length: number; checksum?: UploadChecksum } {
  const length = readHeader(() => parseByteCount("Content-Length", c.req.header("content-length")));
  if (length === undefined) {
    throw new ProblemError({
      code: "length-required",
      status: 411,
      detail: "Content-Length is required: a chunk is stored whole, with its length",
    });
  }
  const max = c.get("config").MAX_REQUEST_BODY_BYTES;
  if (length > max) {
    throw new ProblemError({
      code: "content-too-large",
      status: 413,
      detail: `a chunk of ${length} bytes is more than one request may carry (MAX_REQUEST_BODY_BYTES = ${max}); send smaller chunks`,
    });
  }
  const checksum = readHeader(() => parseUploadChecksum(c.req.header("upload-checksum")));
  return { length, checksum };
}

const mediaTypeOf = (c: Context<AppEnv>) => c.req.header("content-type")?.split(";")[0].trim().toLowerCase();

function refuseOtherMediaType(c: Context<AppEnv>) {
  const type = mediaTypeOf(c);
  if (type === OFFSET_OCTET_STREAM) return;
  throw new ProblemError({
    code: "unsupported-media-type",
    status: 415,
    detail: `a chunk must be sent as ${OFFSET_OCTET_STREAM}${type ? `, not ${type}` : " (no Content-Type was given)"}`,
  });
}

/** What the Durable Object needs to hand the upload to this request's Glance (the token in its memory only). */
function handoffRequestOf(c: Context<AppEnv>): HandoffRequest {
  const config = c.get("config");
  return {
    mode: config.UPLOAD_HANDOFF,
    token: c.get("token") ?? "",
    glance: {
      url: c.get("glance").baseUrl,
      openstackRequestId: c.get("openstackRequestId"),
      timeoutMs: config.GLANCE_TIMEOUT_MS,
      idleTimeoutMs: config.UPLOAD_IDLE_TIMEOUT_MS,
      maxResponseBytes: config.MAX_UPSTREAM_JSON_BYTES,
    },
    inspection: { FORMAT_INSPECTION: config.FORMAT_INSPECTION, MAX_VIRTUAL_SIZE_BYTES: config.MAX_VIRTUAL_SIZE_BYTES },
    ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
  };
}

/** Stores one chunk at `offset`, and starts the hand-off when it was the last. */
async function appendChunk(
  c: Context<AppEnv>,
  stub: DurableObjectStub<UploadObject>,
  uploadId: string,
  offset: number,
  chunk: { length: number; checksum?: UploadChecksum },
): Promise<UploadRecord> {
  const stored = await receiveSegment(
    stub,
    c.env.UPLOAD_BYTES,
    uploadId,
    offset,
    { body: c.req.raw.body, ...chunk },
    { idleTimeoutMs: c.get("config").UPLOAD_IDLE_TIMEOUT_MS },
  );
  if (stored.complete) await stub.startHandoff(handoffRequestOf(c));
  return (await stub.describe()) as UploadRecord;
}

/** Refuses what this deployment cannot hand off before anything is stored: 500 naming missing vars, 501 where unbuilt. */
function refuseUnavailableHandoff(c: Context<AppEnv>) {
  const config = c.get("config");
  const missing = missingHandoffConfig(config);
  if (missing.length) {
    throw new ProblemError({
      code: "configuration-error",
      status: 500,
      detail: `Resumable uploads are misconfigured: ${missing.map((m) => `${m.name} (${m.message})`).join("; ")}`,
    });
  }
  if (config.UPLOAD_HANDOFF === "web-download" && !WEB_DOWNLOAD_AVAILABLE) {
    throw new ProblemError({
      code: "not-implemented",
      status: 501,
      detail: "UPLOAD_HANDOFF=web-download is not available in this build; set UPLOAD_HANDOFF=stage",
    });
  }
}

export const createUpload: RouteHandler<CreateUploadRoute, AppEnv> = async (c) => {
  const { image_id: imageId } = c.req.valid("param");
  const config = c.get("config");
  if (c.req.header("upload-defer-length") !== undefined)
    throw badRequest("Upload-Defer-Length", "is not offered: give Upload-Length (Glance needs the size)", "header");
  const length = readHeader(() => parseByteCount("Upload-Length", c.req.header("upload-length")));
  if (length === undefined) throw badRequest("Upload-Length", "is required: the upload's size in bytes", "header");
  if (config.MAX_UPLOAD_BYTES > 0 && length > config.MAX_UPLOAD_BYTES) {
    throw new ProblemError({
      code: "content-too-large",
      status: 413,
      detail: `${length} bytes is more than this API accepts in one upload (MAX_UPLOAD_BYTES = ${config.MAX_UPLOAD_BYTES})`,
    });
  }
  const metadata = c.req.header("upload-metadata") ?? "";
  readHeader(() => parseUploadMetadata(metadata));
  const declared = readHeader(() => parseByteCount("Content-Length", c.req.header("content-length")));
  const withData =
    mediaTypeOf(c) !== undefined || (declared ?? 0) > 0 || c.req.header("transfer-encoding") !== undefined;
  if (withData) refuseOtherMediaType(c);
  const chunk = withData ? chunkOf(c) : undefined;
  if (chunk && chunk.length > length)
    throw new ProblemError({ code: "content-too-large", status: 413, detail: "the body is longer than Upload-Length" });
  refuseUnavailableHandoff(c);

  const [owner, image] = await Promise.all([uploadOwnerOf(c), c.get("glance").getImage(imageId)]);
  if (image.status !== "queued") {
    throw new ProblemError({
      code: "conflict",
      status: 409,
      detail: `Image ${imageId} is ${String(image.status)}; data can be uploaded only while it is queued`,
    });
  }
  const id = c.env.UPLOADS.newUniqueId();
  const uploadId = id.toString();
  const stub = c.env.UPLOADS.get(id) as DurableObjectStub<UploadObject>;
  let record: UploadRecord = await stub.create({
    uploadId,
    imageId,
    region: c.get("region") ?? "",
    owner,
    length,
    metadata,
    expirySeconds: config.UPLOAD_EXPIRY_SECONDS,
  });
  const location = resumableUploadUrl(c.req.url, imageId, uploadId, c.get("region"));
  if (chunk) {
    try {
      record = await appendChunk(c, stub, uploadId, 0, chunk);
    } catch (error) {
      if (error instanceof ProblemError)
        throw new ProblemError({ ...error.init, headers: { ...error.init.headers, location, "upload-offset": "0" } });
      throw error;
    }
  } else if (length === 0) {
    await stub.startHandoff(handoffRequestOf(c));
    record = (await stub.describe()) as UploadRecord;
  }
  return c.body(null, 201, { location, ...stateHeaders(record) });
};

export const getUpload: RouteHandler<GetUploadRoute, AppEnv> = async (c) => {
  const { image_id: imageId, upload_id: uploadId } = c.req.valid("param");
  const { record } = await callersUpload(c, imageId, uploadId);
  if (c.req.method !== "HEAD") return c.json(statusOf(record), 200, stateHeaders(record));
  const headers: Record<string, string> = { ...stateHeaders(record), "upload-length": String(record.length) };
  if (record.metadata) headers["upload-metadata"] = record.metadata;
  if (record.handoffProblem) {
    headers["upload-handoff-problem"] = problemType(record.handoffProblem.code);
    headers["upload-handoff-detail"] = headerSafe(record.handoffProblem.detail);
  }
  // Hono answers HEAD through this GET handler and drops the body.
  return c.json(statusOf(record), 200, headers);
};

export const patchUpload: RouteHandler<PatchUploadRoute, AppEnv> = async (c) => {
  const { image_id: imageId, upload_id: uploadId } = c.req.valid("param");
  refuseOtherMediaType(c);
  const offset = readHeader(() => parseByteCount("Upload-Offset", c.req.header("upload-offset")));
  if (offset === undefined) throw badRequest("Upload-Offset", "is required: where this chunk starts", "header");
  const chunk = chunkOf(c);
  const { stub, record } = await callersUpload(c, imageId, uploadId);
  if (offset === record.offset && offset + chunk.length > record.length) {
    throw new ProblemError({
      code: "content-too-large",
      status: 413,
      detail: `the chunk would end at ${offset + chunk.length}, past Upload-Length ${record.length}; nothing was stored`,
    });
  }
  const after = await appendChunk(c, stub, uploadId, offset, chunk);
  return c.body(null, 204, stateHeaders(after));
};

export const deleteUpload: RouteHandler<DeleteUploadRoute, AppEnv> = async (c) => {
  const { image_id: imageId, upload_id: uploadId } = c.req.valid("param");
  const { stub } = await callersUpload(c, imageId, uploadId);
  if (!(await stub.terminate())) {
    throw new ProblemError({
      code: "conflict",
      status: 409,
      detail: "the upload's hand-off to Glance is running; terminate it once that has ended",
    });
  }
  return c.body(null, 204);
};

export const retryHandoff: RouteHandler<RetryHandoffRoute, AppEnv> = async (c) => {
  const { image_id: imageId, upload_id: uploadId } = c.req.valid("param");
  const { stub, record } = await callersUpload(c, imageId, uploadId);
  if (record.offset !== record.length) {
    throw new ProblemError({
      code: "conflict",
      status: 409,
      detail: `the upload is not complete (${record.offset} of ${record.length} bytes); PATCH the rest first`,
    });
  }
  if (record.handoff !== "failed" && record.handoff !== "none" && record.handoff !== "pending") {
    throw new ProblemError({ code: "conflict", status: 409, detail: `the hand-off is ${record.handoff}` });
  }
  const started = await stub.startHandoff(handoffRequestOf(c));
  if (!started || started.handoff !== "pending")
    throw new ProblemError({ code: "conflict", status: 409, detail: `the hand-off is ${started?.handoff ?? "gone"}` });
  return c.json(statusOf(started), 202, stateHeaders(started));
};

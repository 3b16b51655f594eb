import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { waitUntilOf } from "../../lib/wait-until";
import { contentRange, parseRange } from "../../resumable/byte-range";
import { servedForHandoff, storedRange } from "../../resumable/serve-bytes";
import { verifyGrant } from "../../resumable/signed-url";
import type { UploadObject } from "../../resumable/upload-object";
import type { GetUploadBytesRoute } from "./upload-bytes.routes";

const refused = () =>
  new ProblemError({
    code: "forbidden",
    status: 403,
    detail: "The signature does not match this upload, image and expiry",
  });

const notFound = () => new ProblemError({ code: "not-found", status: 404, detail: "No such upload for this image" });

const FREED = {
  "handed-off": "its bytes were handed to Glance and freed",
  expired: "the upload expired and its bytes were freed",
  terminated: "the upload was terminated and its bytes were freed",
} as const;

function uploadStub(namespace: DurableObjectNamespace, uploadId: string) {
  if (!/^[0-9a-f]{64}$/.test(uploadId)) throw notFound();
  try {
    return namespace.get(namespace.idFromString(uploadId)) as DurableObjectStub<UploadObject>;
  } catch {
    throw notFound();
  }
}

export const getUploadBytes: RouteHandler<GetUploadBytesRoute, AppEnv> = async (c) => {
  const { image_id: imageId, upload_id: uploadId } = c.req.valid("param");
  const { expires, signature } = c.req.valid("query");
  const key = c.get("config").UPLOAD_SIGNING_KEY;
  const verdict = key
    ? await verifyGrant(key, { uploadId, imageId, expires }, signature, Date.now() / 1000)
    : "invalid";
  if (verdict === "invalid") throw refused();
  if (verdict === "expired")
    throw new ProblemError({ code: "gone", status: 410, detail: "This signed URL has expired" });

  const stub = uploadStub(c.env.UPLOADS, uploadId);
  const bytes = await stub.bytesForGlance();
  if (!bytes || bytes.imageId !== imageId) throw notFound();
  if (bytes.freed)
    throw new ProblemError({ code: "gone", status: 410, detail: `Nothing to serve: ${FREED[bytes.freed]}` });
  if (!bytes.complete)
    throw new ProblemError({ code: "conflict", status: 409, detail: "The upload has not received every byte yet" });

  const headers: Record<string, string> = {
    "content-type": "application/octet-stream",
    "accept-ranges": "bytes",
    "cache-control": "private, no-store",
  };
  const range = parseRange(c.req.valid("header").range, bytes.length);
  if (range.kind === "unsatisfiable") {
    throw new ProblemError({
      code: "range-not-satisfiable",
      status: 416,
      detail: `The upload has ${bytes.length} bytes`,
      headers: { "content-range": contentRange(bytes.length) },
    });
  }
  if (c.req.method === "HEAD") return c.body(null, 200, { ...headers, "content-length": String(bytes.length) });
  if (range.kind === "partial") {
    const length = range.end - range.start + 1;
    return c.body(storedRange(c.env.UPLOAD_BYTES, bytes, range), 206, {
      ...headers,
      "content-length": String(length),
      "content-range": contentRange(bytes.length, range),
    });
  }
  const whole = { start: 0, end: bytes.length - 1 };
  const { serving } = bytes;
  const body = serving
    ? servedForHandoff(
        c.env.UPLOAD_BYTES,
        { ...bytes, serving },
        (outcome) => stub.reportServed(outcome),
        waitUntilOf(c),
      )
    : storedRange(c.env.UPLOAD_BYTES, bytes, whole);
  return c.body(body, 200, { ...headers, "content-length": String(bytes.length) });
};

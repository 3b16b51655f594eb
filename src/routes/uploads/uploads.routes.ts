import { createRoute, z } from "@hono/zod-openapi";
import { authenticated } from "../../glance-endpoint/route-access";
import { jsonContent } from "../../lib/create-router";
import { ProblemSchema } from "../../lib/problem";
import { problemResponses } from "../../lib/problem-responses";
import { requireToken } from "../../middleware/require-token";
import { tusResumable, tusVersionCheck } from "../../resumable/tus-middleware";
import { selectGlance } from "../../glance-endpoint/select-glance";
import { BinarySchema } from "../image-data/image-data.routes";
import { ImageIdParamsSchema } from "../images/images.schemas";
import {
  CreateUploadHeadersSchema,
  PatchUploadHeadersSchema,
  TUS_RESUMABLE_HEADER,
  TusRequestHeadersSchema,
  UploadParamsSchema,
  UploadStateHeaders,
  UploadStatusSchema,
} from "./uploads.schemas";

const COLLECTION = "/api/glance/images/{image_id}/uploads/";
const RESOURCE = "/api/glance/images/{image_id}/uploads/{upload_id}/";
const TAGS = ["resumable uploads"];

const problem = (description: string) => ({
  description,
  headers: z.object({ "Tus-Resumable": TUS_RESUMABLE_HEADER }),
  content: { "application/problem+json": { schema: ProblemSchema } },
});

const PRECONDITION = problem(
  "`Tus-Resumable` is missing or not `1.0.0` (`unsupported-protocol-version`); `Tus-Version` says which is",
);
const NOT_FOUND = problem(
  "No such upload for this image, region and owner (another project's or another token's upload, a terminated one), or Glance does not show the image to this token",
);
const GONE = problem("The upload expired (`gone`): its bytes were freed; create a new one");

/** Tus routes: the protocol header on every answer (problems included); the token, the tus version, then the region. */
const tusAuthenticated = { ...authenticated, middleware: [tusResumable, requireToken, tusVersionCheck, selectGlance] };

const protocolRules = [
  "**tus 1.0.0** (https://tus.io/protocols/resumable-upload): core, and the extensions creation, creation-with-upload,",
  "termination, checksum (sha1, sha256, sha512, md5) and expiration. Every answer carries `Tus-Resumable: 1.0.0`; every",
  "request but OPTIONS must send it (else 412). Browsers: with `CORS_ALLOWED_ORIGINS` set, the tus request headers are",
  "allowed and its answer headers exposed, so tus-js-client and Uppy work from a page.",
  "",
  "**Chunk below `MAX_REQUEST_BODY_BYTES`** (default 104857600, Cloudflare Free/Pro's request body limit; OPTIONS answers it",
  "as `Tus-Max-Chunk-Size`): a larger PATCH (or creation body) is a 413 before a byte is stored. A chunk needs",
  "`Content-Length`; it is stored whole or not at all (a body that breaks off, stalls for `UPLOAD_IDLE_TIMEOUT_MS` or fails",
  "its `Upload-Checksum` leaves the offset where it was).",
  "",
  "The upload belongs to the image, the region and the caller: with `KEYSTONE_URL` the token's project (any token of that",
  "project may resume it), without it the token that created it. Anyone else gets a 404.",
].join("\n");

const handoffRules = [
  "**Hand-off.** When the last byte lands, the upload is handed to Glance by `UPLOAD_HANDOFF`: `stage` streams the bytes to",
  "`PUT /v2/images/{image_id}/stage` (with their SHA-512 and the format inspection of every upload path: an unsafe image or a",
  "`disk_format` mismatch fails the hand-off before Glance keeps the data) and starts a `glance-direct` import, then checks",
  "Glance's `os_hash_value` once the image is active. It runs in the upload's Durable Object, not in the request. `HEAD` (or",
  "`GET`) says where it stands; the bytes are deleted once it is done, kept after a failure so that",
  "`POST …/uploads/{upload_id}/handoff/` can retry it, and freed when the upload expires.",
].join("\n");

export const uploadOptions = createRoute({
  method: "options",
  path: COLLECTION,
  operationId: "resumableUploadOptions",
  tags: TAGS,
  summary: "What the resumable uploads offer (tus discovery)",
  description: [
    "No token needed. `Tus-Version`, `Tus-Extension`, `Tus-Checksum-Algorithm`, `Tus-Max-Size` (`MAX_UPLOAD_BYTES`, when",
    "set) and `Tus-Max-Chunk-Size` (`MAX_REQUEST_BODY_BYTES`: the largest chunk one request may carry).",
  ].join("\n"),
  security: [{}],
  middleware: [tusResumable],
  request: { params: ImageIdParamsSchema },
  responses: {
    204: {
      description: "The protocol's capabilities",
      headers: z.object({
        "Tus-Resumable": TUS_RESUMABLE_HEADER,
        "Tus-Version": z.string().openapi({ example: "1.0.0" }),
        "Tus-Extension": z
          .string()
          .openapi({ example: "creation,creation-with-upload,termination,checksum,expiration" }),
        "Tus-Checksum-Algorithm": z.string().openapi({ example: "sha1,sha256,sha512,md5" }),
        "Tus-Max-Size": z.string().optional().openapi({ description: "MAX_UPLOAD_BYTES, when set", example: "0" }),
        "Tus-Max-Chunk-Size": z.string().openapi({
          description: "Not in tus: MAX_REQUEST_BODY_BYTES, the largest body of one request; chunk below it",
          example: "104857600",
        }),
      }),
    },
    ...problemResponses(400),
  },
});

export const uploadResourceOptions = createRoute({
  ...uploadOptions,
  path: RESOURCE,
  operationId: "resumableUploadResourceOptions",
  request: { params: UploadParamsSchema },
});

export const createUpload = createRoute({
  method: "post",
  path: COLLECTION,
  operationId: "createResumableUpload",
  tags: TAGS,
  summary: "Create a resumable upload of an image's data (tus creation)",
  description: [
    "Creates a tus upload for a `queued` image (read from Glance with the caller's token; another status is a 409) and",
    "answers 201 with its `Location` (absolute, keeping the region). With a body (`Content-Type:",
    "application/offset+octet-stream`, creation-with-upload) the first chunk is stored at once; if that chunk fails, the",
    "answer is the chunk's problem with the upload's `Location`, so the client resumes there.",
    "",
    protocolRules,
    "",
    handoffRules,
    "",
    "`UPLOAD_HANDOFF=web-download` needs `PUBLIC_BASE_URL` and the `UPLOAD_SIGNING_KEY` secret (else a 500",
    "`configuration-error` naming them); where this build has no `web-download` hand-off, it is a 501 before anything is stored.",
  ].join("\n"),
  ...tusAuthenticated,
  request: {
    params: ImageIdParamsSchema,
    headers: CreateUploadHeadersSchema,
    body: {
      required: false,
      description: "creation-with-upload: the first chunk (`Content-Length` required)",
      content: { "application/offset+octet-stream": { schema: BinarySchema } },
    },
  },
  responses: {
    201: {
      description: "The upload was created; follow `Location` with HEAD and PATCH",
      headers: UploadStateHeaders.extend({
        Location: z.string().openapi({
          example:
            "https://edge.example.net/api/glance/images/6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10/uploads/0000018f4a3c2b1d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d/?region=RegionOne",
        }),
      }),
    },
    ...problemResponses(400, 401, 403, 404, 408, 409, 411, 413, 415),
    409: problem("The image is not `queued`: it takes no data"),
    412: PRECONDITION,
    413: problem(
      "`Upload-Length` over `MAX_UPLOAD_BYTES`, or the body over `MAX_REQUEST_BODY_BYTES`: nothing was stored",
    ),
    460: problem(
      "creation-with-upload: the first chunk does not match its `Upload-Checksum` (discarded; `Location` given)",
    ),
    501: problem("`UPLOAD_HANDOFF=web-download`, which this build cannot hand off: nothing was stored"),
  },
});

export const getUpload = createRoute({
  method: "get",
  path: RESOURCE,
  operationId: "getResumableUpload",
  tags: TAGS,
  summary: "A resumable upload's state, with its hand-off to Glance (JSON)",
  description: [
    "The upload as JSON (offset, length, metadata, expiry, and the hand-off with the problem of a failed one). `HEAD` is tus's",
    "answer: the same in headers. No `Tus-Resumable` is needed on `GET`.",
    "",
    handoffRules,
  ].join("\n"),
  ...tusAuthenticated,
  request: { params: UploadParamsSchema },
  responses: {
    200: { ...jsonContent(UploadStatusSchema, "The upload"), headers: UploadStateHeaders },
    ...problemResponses(400, 401, 403),
    404: NOT_FOUND,
    410: GONE,
  },
});

/** Documentation only: Hono answers HEAD with the GET route's handler, which answers tus's headers. */
export const headUpload = {
  method: "head" as const,
  path: RESOURCE,
  operationId: "headResumableUpload",
  tags: TAGS,
  summary: "A resumable upload's offset (tus HEAD)",
  description: [
    "tus HEAD: `Upload-Offset`, `Upload-Length`, `Upload-Metadata`, `Upload-Expires`, `Cache-Control: no-store`, and where",
    "the hand-off stands: `Upload-Handoff`, with `Upload-Handoff-Problem` (the problem type) and `Upload-Handoff-Detail`",
    "after a failure.",
  ].join("\n"),
  security: tusAuthenticated.security,
  parameters: tusAuthenticated.parameters,
  request: { params: UploadParamsSchema, headers: TusRequestHeadersSchema },
  responses: {
    200: {
      description: "The upload",
      headers: UploadStateHeaders.extend({
        "Upload-Length": z.string().openapi({ example: "1073741824" }),
        "Upload-Metadata": z.string().optional().openapi({ example: "filename Y2lycm9zLmltZw==" }),
        "Cache-Control": z.string().openapi({ example: "private, no-store" }),
        "Upload-Handoff-Problem": z
          .string()
          .optional()
          .openapi({ description: "A failed hand-off's problem type", example: "urn:glance-edge:problem:bad-gateway" }),
        "Upload-Handoff-Detail": z
          .string()
          .optional()
          .openapi({ description: "A failed hand-off's detail (printable ASCII)", example: "Glance answered 503" }),
      }),
    },
    ...problemResponses(400, 401, 403),
    404: NOT_FOUND,
    410: GONE,
    412: PRECONDITION,
  },
};

export const patchUpload = createRoute({
  method: "patch",
  path: RESOURCE,
  operationId: "patchResumableUpload",
  tags: TAGS,
  summary: "Append a chunk to a resumable upload (tus PATCH)",
  description: [
    "Stores the body at `Upload-Offset`, which must be the upload's offset (else 409, as is a second PATCH while one is",
    "writing: one wins, the other gets the 409, nothing is corrupted). The chunk streams into R2 and is committed once whole;",
    "204 with the new `Upload-Offset`. The chunk that completes the upload starts the hand-off (`Upload-Handoff: pending`).",
    "",
    protocolRules,
  ].join("\n"),
  ...tusAuthenticated,
  request: {
    params: UploadParamsSchema,
    headers: PatchUploadHeadersSchema,
    body: {
      required: true,
      description: "The chunk; `Content-Length` required, at most `MAX_REQUEST_BODY_BYTES`",
      content: { "application/offset+octet-stream": { schema: BinarySchema } },
    },
  },
  responses: {
    204: { description: "The chunk is stored", headers: UploadStateHeaders },
    ...problemResponses(400, 401, 403, 408, 409, 411, 413, 415),
    404: NOT_FOUND,
    409: problem(
      "`Upload-Offset` is not the upload's offset, another PATCH is writing, or the upload is complete (`conflict`)",
    ),
    410: GONE,
    412: PRECONDITION,
    413: problem("The body is over `MAX_REQUEST_BODY_BYTES`, or goes past `Upload-Length`: nothing was stored"),
    415: problem("`Content-Type` is not `application/offset+octet-stream`"),
    460: problem(
      "The chunk does not match its `Upload-Checksum` (`checksum-mismatch`): it was discarded, the offset is unchanged",
    ),
  },
});

export const deleteUpload = createRoute({
  method: "delete",
  path: RESOURCE,
  operationId: "deleteResumableUpload",
  tags: TAGS,
  summary: "Terminate a resumable upload (tus termination)",
  description:
    "Frees the upload's stored bytes at once; the upload then answers 404. Refused (409) while its hand-off to Glance runs.",
  ...tusAuthenticated,
  request: { params: UploadParamsSchema, headers: TusRequestHeadersSchema },
  responses: {
    204: { description: "Terminated", headers: z.object({ "Tus-Resumable": TUS_RESUMABLE_HEADER }) },
    ...problemResponses(400, 401, 403),
    404: NOT_FOUND,
    409: problem("The hand-off to Glance is running"),
    410: GONE,
    412: PRECONDITION,
  },
});

export const retryHandoff = createRoute({
  method: "post",
  path: "/api/glance/images/{image_id}/uploads/{upload_id}/handoff/",
  operationId: "retryResumableUploadHandoff",
  tags: TAGS,
  summary: "Retry a complete upload's hand-off to Glance",
  description: [
    "Starts the hand-off again with the caller's token, after it failed (Glance down, say) or was interrupted: the bytes are",
    "kept until the upload expires. 202 with the upload; follow it with HEAD or GET. A hand-off in progress or done, or an",
    "upload not yet complete, is a 409.",
  ].join("\n"),
  ...tusAuthenticated,
  request: { params: UploadParamsSchema, headers: TusRequestHeadersSchema },
  responses: {
    202: { ...jsonContent(UploadStatusSchema, "The hand-off was started"), headers: UploadStateHeaders },
    ...problemResponses(400, 401, 403),
    404: NOT_FOUND,
    409: problem("The upload is not complete, or its hand-off is in progress or done"),
    410: GONE,
    412: PRECONDITION,
  },
});

export type CreateUploadRoute = typeof createUpload;
export type GetUploadRoute = typeof getUpload;
export type PatchUploadRoute = typeof patchUpload;
export type DeleteUploadRoute = typeof deleteUpload;
export type RetryHandoffRoute = typeof retryHandoff;
export type UploadOptionsRoute = typeof uploadOptions;
export type UploadResourceOptionsRoute = typeof uploadResourceOptions;

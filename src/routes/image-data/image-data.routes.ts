import { createRoute, z } from "@hono/zod-openapi";
import { authenticated } from "../../glance-endpoint/route-access";
import { jsonContent } from "../../lib/create-router";
import { ProblemSchema } from "../../lib/problem";
import { problemResponses } from "../../lib/problem-responses";
import { ImageIdParamsSchema, ImageSchema } from "../images/images.schemas";

export const BinarySchema = z
  .any()
  .openapi({ type: "string", format: "binary", description: "The image's data, as it is" });

const ReprDigestHeader = z.string().openapi({
  description: "RFC 9530: the SHA-512 of the image's data (`sha-512=:<base64>:`)",
  example: "sha-512=:z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==:",
});

const uploadRefusals = {
  ...problemResponses(400, 401, 403, 404, 408, 409, 410, 411, 413),
  413: {
    description:
      "Content-Length over MAX_UPLOAD_BYTES or over the caller's remaining quota (nothing was sent to Glance), or Glance refused the size or a quota",
    content: { "application/problem+json": { schema: ProblemSchema } },
  },
  415: {
    description: "Content-Type is not application/octet-stream",
    content: { "application/problem+json": { schema: ProblemSchema } },
  },
};

const uploadRules = [
  "The body is streamed to Glance as it arrives: never held in the Worker, never retried. A transfer that stalls for",
  "`UPLOAD_IDLE_TIMEOUT_MS` is aborted: 408 when the client stopped sending, 504 when Glance stopped taking the data or",
  "answering; a client that hangs up aborts Glance's request at once, and Glance puts the image",
  "back to `queued`.",
  "",
  "Refused before a byte moves and with no Glance write: a Content-Type other than `application/octet-stream` (415), no",
  "`Content-Length` (411; Glance is always sent the length, never chunked input), a length over `MAX_UPLOAD_BYTES` when it is",
  "set (413), a length over what is left of the caller's quota when `GET /v2/info/usage` reports one (413 naming both numbers).",
  "",
  "While streaming, the SHA-512 of what passed through is computed; when Glance reports an `os_hash_value` (sha512) that differs,",
  "the answer is a 502 naming both digests. The digest is answered as `Repr-Digest`.",
  "Glance's 403, 404, 409 (wrong status), 410 and 413 (size or quota) keep their status, with Glance's message in `detail`.",
  "Do not send this through a Cloudflare plan limit: request bodies are capped at 100 MB (Free, Pro), 200 MB (Business),",
  "500 MB (Enterprise); import larger images with `web-download` or upload them to Glance directly.",
];

const dataBody = {
  required: true,
  description: "The image's data; `Content-Length` is required",
  content: { "application/octet-stream": { schema: BinarySchema } },
} as const;

export const uploadImageFile = createRoute({
  method: "put",
  path: "/api/glance/images/{image_id}/file/",
  operationId: "uploadImageFile",
  tags: ["image data"],
  summary: "Upload an image's data",
  description: [
    "Streams the body to `PUT /v2/images/{image_id}/file`. Glance stores it and makes the image `active`; the answer is the",
    "image re-read after Glance's 204 (detail variant), so `status`, `size` and checksums are there at once.",
    "",
    ...uploadRules,
    "Differs from Horizon: Horizon spools the upload to its own disk and answers before Glance has the data (failures are only logged).",
  ].join("\n"),
  ...authenticated,
  request: { params: ImageIdParamsSchema, body: dataBody },
  responses: {
    200: {
      ...jsonContent(ImageSchema, "The image after the upload, detail variant"),
      headers: z.object({ "Repr-Digest": ReprDigestHeader }),
    },
    ...uploadRefusals,
  },
});

export const stageImageData = createRoute({
  method: "put",
  path: "/api/glance/images/{image_id}/stage/",
  operationId: "stageImageData",
  tags: ["image data"],
  summary: "Stage an image's data for a glance-direct import",
  description: [
    "Streams the body to `PUT /v2/images/{image_id}/stage`; the image becomes `uploading` until a `glance-direct` import.",
    "The answer is the image re-read after Glance's 204 (detail variant). The quota checked is `image_stage_total`.",
    "",
    ...uploadRules,
  ].join("\n"),
  ...authenticated,
  request: { params: ImageIdParamsSchema, body: dataBody },
  responses: {
    200: {
      ...jsonContent(ImageSchema, "The image after staging, detail variant"),
      headers: z.object({ "Repr-Digest": ReprDigestHeader }),
    },
    ...uploadRefusals,
  },
});

export const RangeHeaderSchema = z.object({
  range: z
    .string()
    .optional()
    .openapi({
      param: { name: "range", in: "header" },
      description: "One byte range, passed to Glance as it is",
      example: "bytes=0-1048575",
    }),
});

const binaryContent = { "application/octet-stream": { schema: BinarySchema } };

const downloadHeaders = z.object({
  "Content-Length": z.string().openapi({ description: "Bytes in this answer", example: "13267968" }),
  "Content-MD5": z.string().optional().openapi({
    description:
      "RFC 1864: the base64 of the MD5 of the body, i.e. of the whole image (Glance's `checksum`, which is hex). Not on a 206: a range has another MD5",
    example: "RDt2I+J+zwPcngHuk/Z6/g==",
  }),
  "Content-Disposition": z.string().openapi({
    description: "RFC 6266 attachment named after the image (`filename*` for non-ASCII names)",
    example: 'attachment; filename="cirros-0.6.2"',
  }),
  "Cache-Control": z.string().openapi({ example: "private, no-store" }),
  "Repr-Digest": ReprDigestHeader.optional(),
});

const downloadDescription = [
  "Streams the image's data from `GET /v2/images/{image_id}/file` (never held in the Worker), with `Content-Length`,",
  "`Content-MD5` (RFC 1864, base64; not on a 206), `Content-Type: application/octet-stream`, `Content-Disposition: attachment` named after the image,",
  "`Cache-Control: private, no-store` and, when Glance hashed it with sha512, `Repr-Digest` (RFC 9530) of the whole image.",
  "A `Range` is passed to Glance: 206 with `Content-Range`, or a 416 problem whose `Content-Range` gives the size.",
  "An image without data answers 204. A deactivated image is a 403 for everyone but an admin, as Glance says.",
  "Glance must start answering within `UPLOAD_IDLE_TIMEOUT_MS` (else 504); the data then flows until it ends or the client hangs up.",
].join("\n");

const downloadResponses = {
  200: { description: "The image's data", headers: downloadHeaders, content: binaryContent },
  204: { description: "The image has no data" },
  206: {
    description: "The requested range",
    headers: downloadHeaders
      .omit({ "Content-MD5": true })
      .extend({ "Content-Range": z.string().openapi({ example: "bytes 0-1048575/13267968" }) }),
    content: binaryContent,
  },
  ...problemResponses(400, 401, 403, 404, 410, 416),
};

export const downloadImageFile = createRoute({
  method: "get",
  path: "/api/glance/images/{image_id}/file/",
  operationId: "downloadImageFile",
  tags: ["image data"],
  summary: "Download an image's data",
  description: [downloadDescription, "`HEAD` answers the same headers without the data."].join("\n"),
  ...authenticated,
  request: { params: ImageIdParamsSchema, headers: RangeHeaderSchema },
  responses: downloadResponses,
});

/** Documentation only: Hono answers HEAD with the GET route's handler (which asks Glance for HEAD). */
export const headImageFile = {
  method: "head" as const,
  path: "/api/glance/images/{image_id}/file/",
  operationId: "headImageFile",
  tags: ["image data"],
  summary: "An image's data headers, without the data",
  description:
    "The headers `GET` would answer (size, MD5, disposition, digest), from Glance's `HEAD /v2/images/{image_id}/file`.",
  security: authenticated.security,
  parameters: authenticated.parameters,
  request: { params: ImageIdParamsSchema, headers: RangeHeaderSchema },
  responses: {
    200: { description: "The image has data", headers: downloadHeaders },
    204: { description: "The image has no data" },
    ...problemResponses(400, 401, 403, 404, 410),
  },
};

export type UploadImageFileRoute = typeof uploadImageFile;
export type StageImageDataRoute = typeof stageImageData;
export type DownloadImageFileRoute = typeof downloadImageFile;

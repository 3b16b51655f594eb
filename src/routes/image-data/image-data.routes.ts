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

const uploadAnswerHeaders = z.object({
  "Repr-Digest": z.string().openapi({
    description:
      "RFC 9530: the digests of the data that passed, `sha-512` always, `sha-256` too when the request sent one",
    example: "sha-512=:z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==:",
  }),
  "Want-Repr-Digest": z.string().openapi({
    description: "RFC 9530: the digests this API checks an upload against, by preference (send one as `Repr-Digest`)",
    example: "sha-512=10, sha-256=9",
  }),
  "X-Image-Format": z
    .string()
    .optional()
    .openapi({
      description:
        "The format the data's bytes are in and the virtual size its header declares (an RFC 8941 item); with " +
        "`FORMAT_INSPECTION=report`, `would-refuse` says what `enforce` would have refused. Absent when inspection is off.",
      example: "qcow2;virtual-size=1073741824",
    }),
});

const digestHeader = (name: string, description: string, example: string) =>
  z
    .string()
    .optional()
    .openapi({ param: { name: name.toLowerCase(), in: "header" }, description, example });

export const UploadDigestHeadersSchema = z.object({
  "repr-digest": digestHeader(
    "Repr-Digest",
    "RFC 9530: the `sha-256` and/or `sha-512` of the data (`sha-256=:<base64>:`). Checked in the same pass as the " +
      "upload; a mismatch aborts it before Glance keeps anything (400 naming both values). Other algorithms are " +
      "skipped when a checkable one is given, else a 400.",
    "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:",
  ),
  "content-digest": digestHeader(
    "Content-Digest",
    "RFC 9530: the same for the content sent (the same bytes here: this API applies no content coding)",
    "sha-512=:z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==:",
  ),
  "content-md5": digestHeader(
    "Content-MD5",
    "The data's MD5, base64 (RFC 1864) or hex (as Glance's `checksum`); checked like `Repr-Digest`",
    "1B2M2Y8AsgTpgAmY7PhCfg==",
  ),
});

const uploadRefusals = {
  ...problemResponses(400, 401, 403, 404, 408, 409, 410, 411, 413),
  400: {
    description:
      "A malformed parameter or digest header (before a byte moves); or, with the upload aborted before Glance kept " +
      "anything: data whose format does not match the image's `disk_format` (`image-format-mismatch`), an unsafe " +
      "disk image (`unsafe-image`: a backing or external data file, extents outside the file, a virtual size over " +
      "`MAX_VIRTUAL_SIZE_BYTES`), or data that does not match a digest the request sent (`digest-mismatch`)",
    content: { "application/problem+json": { schema: ProblemSchema } },
  },
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
  "",
  "**End-to-end integrity.** Send the data's `Repr-Digest` or `Content-Digest` (RFC 9530, `sha-256` or `sha-512`; this API",
  "prefers them as `Want-Repr-Digest: sha-512=10, sha-256=9` says) and/or `Content-MD5`: they are computed in the same pass,",
  "and the last chunk is held back until they are known, so a mismatch aborts Glance's request before it has every byte (400",
  "`digest-mismatch` naming both values; the image stays `queued`). A malformed digest header is a 400 before any byte moves.",
  "",
  "**Format inspection** (`FORMAT_INSPECTION`, default `enforce`). The image's `disk_format` is read before a byte moves, and",
  "the leading bytes are inspected in the same pass: raw, qcow2, vmdk, vhd, vhdx, vdi, iso, qed, luks, gpt/mbr. Refused with",
  "a 400 naming what was found, the upload aborted before Glance keeps anything: data in another format than `disk_format`",
  "(Glance's `require_image_format_match` rules: `raw` takes anything that is not another known format, `iso` an ISO,",
  "`ami`/`ari`/`aki` anything; checked for `bare` containers), and unsafe images in any format: a qcow2 with a backing file,",
  "an external data file or unknown incompatible features, a vmdk that is not one self-contained monolithicSparse or",
  "streamOptimized file, a differencing vhd/vhdx, qed, and a declared virtual size over `MAX_VIRTUAL_SIZE_BYTES`. The answer",
  "names the format as `X-Image-Format`. `report` lets such data through and says what `enforce` would refuse in",
  "`X-Image-Format` and the access log; `off` inspects nothing.",
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
  request: { params: ImageIdParamsSchema, headers: UploadDigestHeadersSchema, body: dataBody },
  responses: {
    200: {
      ...jsonContent(ImageSchema, "The image after the upload, detail variant"),
      headers: uploadAnswerHeaders,
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
  request: { params: ImageIdParamsSchema, headers: UploadDigestHeadersSchema, body: dataBody },
  responses: {
    200: {
      ...jsonContent(ImageSchema, "The image after staging, detail variant"),
      headers: uploadAnswerHeaders,
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

import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../../lib/problem-responses";
import { BinarySchema, RangeHeaderSchema } from "../image-data/image-data.routes";
import { UploadParamsSchema } from "../uploads/uploads.schemas";

const PATH = "/api/glance/images/{image_id}/uploads/{upload_id}/bytes/";
const TAGS = ["resumable uploads"];

export const SignedUrlQuerySchema = z.object({
  expires: z
    .string()
    .optional()
    .openapi({
      param: { name: "expires", in: "query" },
      description: "When the URL stops working, in Unix seconds; part of what the signature covers",
      example: "1798761600",
    }),
  signature: z
    .string()
    .optional()
    .openapi({
      param: { name: "signature", in: "query" },
      description: "HMAC-SHA256 (base64url) under `UPLOAD_SIGNING_KEY` of the upload id, the image id and `expires`",
      example: "q2A9dZV4a3u8mO6o5y3H0n7w8l1d2c3b4a5Z6Y7X8W9",
    }),
});

const bytesHeaders = z.object({
  "Content-Length": z.string().openapi({ description: "Bytes in this answer", example: "268435456" }),
  "Accept-Ranges": z.string().openapi({ example: "bytes" }),
  "Cache-Control": z.string().openapi({ example: "private, no-store" }),
});

const binaryContent = { "application/octet-stream": { schema: BinarySchema } };

const description = [
  "**For Glance, not for users:** what Glance's `web-download` import fetches when a resumable upload is handed off with",
  "`UPLOAD_HANDOFF=web-download`. The Worker signs a URL of this route under `PUBLIC_BASE_URL` (the address at which Glance",
  "reaches this API) for one upload, valid for 15 minutes, and passes it to `POST /v2/images/{image_id}/import`.",
  "",
  "No `X-Auth-Token`: the signature is the only credential, and the URL carries no token. A signature that does not match",
  "the upload, the image and the expiry (or no `UPLOAD_SIGNING_KEY` in this deployment) is a 403; a genuine URL past its",
  "expiry is a 410. Neither answer carries a byte of the upload.",
  "",
  "Serves the upload's assembled bytes from R2 as they are read (never held in the Worker), with `Content-Length`,",
  "`Accept-Ranges: bytes` and one `Range` (206 with `Content-Range`; a range past the end is a 416 problem whose",
  "`Content-Range` gives the size; several ranges are answered with the whole body). While the hand-off waits for Glance, a",
  "whole-body GET is the hand-off's one read of the bytes: their SHA-512 (checked against Glance's `os_hash_value`) and",
  "the format inspection of every upload path run in that pass, and a refused image stops short of its last byte, so",
  "Glance keeps nothing. An upload still receiving bytes is a 409; one already handed off, expired or terminated, a 410.",
].join("\n");

export const getUploadBytes = createRoute({
  method: "get",
  path: PATH,
  operationId: "getResumableUploadBytes",
  tags: TAGS,
  summary: "A complete upload's bytes, by signed URL (Glance's web-download)",
  description,
  security: [{}],
  request: { params: UploadParamsSchema, query: SignedUrlQuerySchema, headers: RangeHeaderSchema },
  responses: {
    200: { description: "Every byte of the upload", headers: bytesHeaders, content: binaryContent },
    206: {
      description: "The requested range",
      headers: bytesHeaders.extend({ "Content-Range": z.string().openapi({ example: "bytes 0-1048575/268435456" }) }),
      content: binaryContent,
    },
    ...problemResponses(400, 403, 404, 409, 410, 416),
  },
});

/** Documentation only: Hono answers HEAD with the GET route's handler (headers, no bytes). */
export const headUploadBytes = {
  method: "head" as const,
  path: PATH,
  operationId: "headResumableUploadBytes",
  tags: TAGS,
  summary: "A complete upload's size, by signed URL",
  description: "The headers `GET` would answer, without the bytes; the same signature rules.",
  security: [{}],
  request: { params: UploadParamsSchema, query: SignedUrlQuerySchema },
  responses: {
    200: { description: "The upload's bytes can be served", headers: bytesHeaders },
    ...problemResponses(400, 403, 404, 409, 410),
  },
};

export type GetUploadBytesRoute = typeof getUploadBytes;

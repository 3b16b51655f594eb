import { z } from "@hono/zod-openapi";
import { HANDOFF_STATES } from "../../resumable/tus-headers";
import { ImageIdParamsSchema } from "../images/images.schemas";

export const UploadParamsSchema = ImageIdParamsSchema.extend({
  upload_id: z
    .string()
    .max(256)
    .openapi({
      param: { name: "upload_id", in: "path" },
      description: "The upload's id, from the creation's `Location` (64 hexadecimal digits); any other is a 404",
      example: "0000018f4a3c2b1d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d",
    }),
});

const header = (description: string, example: string) => z.string().openapi({ description, example });

export const TUS_RESUMABLE_HEADER = header("The tus protocol version, on every answer", "1.0.0");

/** The request headers of tus requests, as documented parameters (read by the handlers, which answer tus's codes). */
export const TusRequestHeadersSchema = z.object({
  "tus-resumable": z
    .string()
    .optional()
    .openapi({
      param: { name: "tus-resumable", in: "header" },
      description: "Required: `1.0.0`. Missing or another version: 412 with `Tus-Version`",
      example: "1.0.0",
    }),
});

export const CreateUploadHeadersSchema = TusRequestHeadersSchema.extend({
  "upload-length": z
    .string()
    .optional()
    .openapi({
      param: { name: "upload-length", in: "header" },
      description:
        "Required: the upload's total size in bytes (`Upload-Defer-Length` is not offered: the hand-off to Glance needs the size). Over `MAX_UPLOAD_BYTES` (when set): 413",
      example: "1073741824",
    }),
  "upload-metadata": z
    .string()
    .optional()
    .openapi({
      param: { name: "upload-metadata", in: "header" },
      description:
        "tus: comma-separated `key base64value` pairs (at most 4096 characters), kept with the upload and answered on HEAD; not sent to Glance",
      example: "filename Y2lycm9zLmltZw==,filetype YXBwbGljYXRpb24vb2N0ZXQtc3RyZWFt",
    }),
});

export const PatchUploadHeadersSchema = TusRequestHeadersSchema.extend({
  "upload-offset": z
    .string()
    .optional()
    .openapi({
      param: { name: "upload-offset", in: "header" },
      description: "Required: where this chunk starts; it must be the upload's offset (else 409)",
      example: "0",
    }),
  "upload-checksum": z
    .string()
    .optional()
    .openapi({
      param: { name: "upload-checksum", in: "header" },
      description:
        "tus checksum: `<algorithm> <base64 digest>` of this chunk (sha1, sha256, sha512, md5); a mismatch is a 460 and the chunk is discarded",
      example: "sha256 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    }),
});

export const UploadStateHeaders = z.object({
  "Tus-Resumable": TUS_RESUMABLE_HEADER,
  "Upload-Offset": header("Bytes stored so far", "8388608"),
  "Upload-Expires": header(
    "RFC 9110 date after which the upload (and the bytes of a failed hand-off) is freed; moved on by every chunk",
    "Wed, 25 Jun 2026 10:00:00 GMT",
  ),
  "Upload-Handoff": header(
    `Where the hand-off to Glance stands: ${HANDOFF_STATES.join(", ")} (none until the last byte lands)`,
    "pending",
  ),
});

export const HandoffProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:glance-edge:problem:bad-gateway" }),
    status: z.number().int().openapi({ example: 502 }),
    detail: z.string().openapi({ example: "Glance answered 503" }),
  })
  .openapi("UploadHandoffProblem");

export const UploadStatusSchema = z
  .object({
    upload_id: z.string(),
    image_id: z.string(),
    region: z.string().nullable().openapi({ description: "The region whose Glance takes the bytes" }),
    offset: z.number().int().openapi({ example: 8388608 }),
    length: z.number().int().openapi({ example: 1073741824 }),
    metadata: z.record(z.string(), z.string()).openapi({
      description: "Upload-Metadata's pairs, values decoded (UTF-8; else kept as base64)",
      example: { filename: "cirros.img" },
    }),
    expires_at: z.string().openapi({ example: "2026-06-25T10:00:00.000Z" }),
    handoff: z.object({
      state: z.enum(HANDOFF_STATES),
      problem: HandoffProblemSchema.optional().openapi({ description: "Why the last hand-off failed" }),
      sha512: z
        .string()
        .optional()
        .openapi({ description: "The SHA-512 (hex) of the bytes, checked against Glance's os_hash_value" }),
    }),
  })
  .openapi("ResumableUpload");

export type UploadStatus = z.infer<typeof UploadStatusSchema>;

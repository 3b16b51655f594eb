import { createRoute, z } from "@hono/zod-openapi";
import { authenticated } from "../../glance-endpoint/route-access";
import { jsonContent } from "../../lib/create-router";
import { problemResponses } from "../../lib/problem-responses";
import { refuseProtoKeys } from "../../middleware/refuse-proto-keys";
import { CreatedImageSchema, CreateImageBodySchema } from "./image-create.schemas";

const description = [
  "Creates an image from JSON, in Horizon's shape: Horizon's defaults (`name` `\"\"`, `raw`/`bare`, `private`, not protected,",
  "`min_disk`/`min_ram` 0) and disk format fix-ups apply, `kernel`/`ramdisk` become `kernel_id`/`ramdisk_id`, and every",
  "other key is a custom property.",
  "",
  "Glance calls:",
  "- `source_type: url` with `import_data: true`: `GET /v2/info/import` first (a 400 and nothing created when Glance does",
  "  not offer `web-download`), then `POST /v2/images`, `POST /v2/images/{id}/import` with",
  '  `{"method": {"name": "web-download", "uri": image_url}}`, and `GET /v2/images/{id}` for the answer.',
  "- `source_type: url` with `import_data` false or absent: `POST /v2/images`, then the json-patch",
  '  `[{"op": "add", "path": "/locations/-", "value": {"url": image_url, "metadata": {}}}]`, whose answer is the image.',
  "- otherwise: `POST /v2/images` only; the image stays `queued` until its data is uploaded to Glance.",
  "If the second step fails, the image just created is deleted (its `protected` flag is cleared first when set) and",
  "Glance's error is returned, so a failed create leaves nothing behind.",
  "",
  "Answers 201, `Location: /api/glance/images/{id}/`, and the image as Glance has it after the last step, in the same",
  "detail shape as `GET` on that Location.",
  "",
  "Differs from Horizon:",
  "- Validated as Glance's image schema would, before any Glance call, every problem named in `errors[]` with a 400:",
  "  `visibility`, formats, `name` length, `min_disk`/`min_ram` non-negative integers, `kernel`/`ramdisk` UUIDs, custom",
  "  property names (at most 255 characters; not reserved: `os_glance_*`, `location`, `deleted`, `deleted_at`; not",
  "  read-only: `self`, `file`, `schema`, `direct_url`, `stores`, `status`, `checksum`, `size`, `virtual_size`,",
  "  `created_at`, `updated_at`, `os_hash_algo`, `os_hash_value`, `locations`) and values (strings of at most 255",
  "  characters). Horizon answers 500 or lets Glance refuse. An empty body or `{}` is a 400.",
  "- Keys Horizon silently ignores are honoured or refused: `tags`, `owner`, `id` and `os_hidden` go to Glance;",
  "  `is_public`, `properties`, `kernel_id` and `ramdisk_id` are 400s naming the field to use instead.",
  "- `import_data: true` really imports the data (Horizon sends a `copy_from` property that Glance v2 ignores, and the",
  "  image stays queued forever).",
  "- Direct upload (`data` names a file) answers with `upload_url`, this API's own `PUT /api/glance/images/{id}/file/` for",
  "  the new image (with `?region=` the region that created it), and never a `token_id` (Horizon hands the caller's Keystone token",
  "  back in the body, with Glance's own URL). Send the bytes there with your X-Auth-Token header.",
  "- `Location` is the id-based URL of the new image (Horizon uses the unencoded name, `None` for null), with",
  "  `?region=` naming the region whose Glance holds it whenever a region served the request.",
  "- The body is the detail variant after the last step (Horizon: the list variant of the POST answer, still queued",
  "  and without the location).",
  "- POST and PUT are the same operation for JSON (Horizon's POST is its multipart upload; JSON there silently created an",
  "  empty image).",
].join("\n");

const legacyUploadDescription = [
  "",
  "**POST with `multipart/form-data`** is Horizon's legacy upload (`CreateImageForm`): the text fields are the JSON",
  "create's, typed from their strings (or Horizon's `$$originalJSON` field, which replaces them), and checked with the same",
  "rules and 400s before any Glance call. The `data` file part must be the last part; it is streamed to Glance within the",
  "request, never held: `POST /v2/images`, then `PUT /v2/images/{id}/file` (chunked, as a file part has no length) and",
  "`GET /v2/images/{id}`. The SHA-512 of the data is computed as it passes and compared with Glance's `os_hash_value`",
  "(a mismatch is a 502 naming both), and answered as `Repr-Digest`. The answer is 201 once Glance has the data (the image",
  "`active`), or the upload's real error (Glance's 4xx with its status, 400 for a malformed form, 413 over `MAX_UPLOAD_BYTES`",
  "or a Glance quota, 408 when the client stops sending the data part for `UPLOAD_IDLE_TIMEOUT_MS`, 502/504 for Glance)",
  "with the new image deleted; the clean-up is registered before Glance's create, so a caller who hangs up at any point",
  "(during the create too) leaves no image behind. The data's format is inspected in the same pass as for `PUT …/file/`",
  "(`FORMAT_INSPECTION`): data in another format than the form's `disk_format`, or an unsafe disk image (a qcow2 with a",
  "backing file, say), is a 400 (`image-format-mismatch`, `unsafe-image`) naming what was found, the upload aborted before",
  "Glance keeps it and the new image deleted; the answer names the format as `X-Image-Format`. Digest headers are not read",
  "here (they would describe the whole form): to check the data end to end, create the image, then `PUT …/file/` with",
  "`Repr-Digest`. An empty `data` part",
  "is a 400 (send no part for an image without data). Horizon answers 201 before uploading from its disk in a background",
  "thread whose failures are only logged, and turns every error into an HTML 500.",
].join("\n");

const createImageConfig = {
  path: "/api/glance/images/" as const,
  tags: ["images"],
  description,
  request: {
    body: {
      required: true,
      description: "The image to create",
      content: { "application/json": { schema: CreateImageBodySchema } },
    },
  },
  ...authenticated,
  middleware: [...authenticated.middleware, refuseProtoKeys],
  responses: {
    201: {
      ...jsonContent(CreatedImageSchema, "The created image, as Glance has it after the last step"),
      headers: z.object({
        Location: z.string().openapi({
          description:
            "The new image's URL in this API; `?region=` names the region whose Glance holds it, when one served the request",
          example: "/api/glance/images/6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10/",
        }),
        "Repr-Digest": z.string().optional().openapi({
          description:
            "Legacy multipart upload only. RFC 9530: the SHA-512 of the data part as it passed through, which Glance's `os_hash_value` matched",
          example: "sha-512=:z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==:",
        }),
        "Want-Repr-Digest": z.string().optional().openapi({
          description: "Legacy multipart upload only. RFC 9530: the digests `PUT …/file/` checks an upload against",
          example: "sha-512=10, sha-256=9",
        }),
        "X-Image-Format": z.string().optional().openapi({
          description:
            "Legacy multipart upload only, unless `FORMAT_INSPECTION` is off: the data's format and declared virtual size (see `PUT …/file/`)",
          example: "qcow2;virtual-size=1073741824",
        }),
      }),
    },
    ...problemResponses(400, 401, 403, 408, 409, 413, 415),
  },
};

/** Where the legacy form's schema is registered (see image-writes.index.ts); a $ref, so no form validator reads the body. */
export const CREATE_IMAGE_FORM_REF = "CreateImageForm";

const createImageJson = createRoute({
  ...createImageConfig,
  description: `${description}\n${legacyUploadDescription}`,
  method: "post",
  operationId: "createImage",
  summary: "Create an image (POST: JSON, or Horizon's legacy multipart upload)",
});

/**
 * Typed as the JSON contract: @hono/zod-openapi cannot type a body with two media types (the JSON
 * input would become `never`), and the multipart one is answered before its validators run.
 */
export const createImage = {
  ...createImageJson,
  request: {
    body: {
      ...createImageJson.request.body,
      description: "The image to create: JSON, or Horizon's legacy multipart form with the image's bytes",
      content: {
        ...createImageJson.request.body.content,
        "multipart/form-data": { schema: { $ref: `#/components/schemas/${CREATE_IMAGE_FORM_REF}` } },
      },
    },
  },
} as typeof createImageJson;

export const createImageWithPut = createRoute({
  ...createImageConfig,
  method: "put",
  operationId: "createImageWithPut",
  summary: "Create an image (PUT, as Horizon's UI sends it)",
});

export type CreateImageRoute = typeof createImage;
export type CreateImageWithPutRoute = typeof createImageWithPut;

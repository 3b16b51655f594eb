import { createRoute, z } from "@hono/zod-openapi";
import { authenticated, jsonContent } from "../../lib/create-router";
import { problemResponses } from "../../lib/problem-responses";
import { refuseProtoKeys } from "../../middleware/refuse-proto-keys";
import { ImageSchema } from "./images.schemas";
import { CreateImageBodySchema } from "./image-create.schemas";

const description = [
  "Creates an image from JSON, in Horizon's shape: Horizon's defaults (`name` `\"\"`, `raw`/`bare`, `private`, not protected,",
  "`min_disk`/`min_ram` 0) and disk format fix-ups apply, `kernel`/`ramdisk` become `kernel_id`/`ramdisk_id`, and every",
  "other key is a custom property.",
  "",
  "Glance calls:",
  "- `source_type: url` with `import_data: true`: `GET /v2/info/import` first (a 400 and nothing created when Glance does",
  "  not offer `web-download`), then `POST /v2/images`, `POST /v2/images/{id}/import` with",
  "  `{\"method\": {\"name\": \"web-download\", \"uri\": image_url}}`, and `GET /v2/images/{id}` for the answer.",
  "- `source_type: url` with `import_data` false or absent: `POST /v2/images`, then the json-patch",
  "  `[{\"op\": \"add\", \"path\": \"/locations/-\", \"value\": {\"url\": image_url, \"metadata\": {}}}]`, whose answer is the image.",
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
  "- Direct upload is not offered: a non-empty `data` is a 400, and the answer never holds `upload_url` or `token_id`",
  "  (Horizon hands the caller's Keystone token back in the body). Upload the data to Glance after creating the image.",
  "- `Location` is the id-based URL of the new image (Horizon uses the unencoded name, `None` for null).",
  "- The body is the detail variant after the last step (Horizon: the list variant of the POST answer, still queued",
  "  and without the location).",
  "- POST and PUT are the same operation (Horizon's POST is its multipart upload; JSON there silently created an",
  "  empty image).",
].join("\n");

const createImageConfig = {
  path: "/api/glance/images/" as const,
  tags: ["images"],
  description,
  request: {
    body: { required: true, description: "The image to create", content: { "application/json": { schema: CreateImageBodySchema } } },
  },
  ...authenticated,
  middleware: [...authenticated.middleware, refuseProtoKeys],
  responses: {
    201: {
      ...jsonContent(ImageSchema, "The created image, as Glance has it after the last step"),
      headers: z.object({
        Location: z.string().openapi({ description: "The new image's URL in this API", example: "/api/glance/images/6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10/" }),
      }),
    },
    ...problemResponses(400, 401, 403, 409, 413, 415),
  },
};

export const createImage = createRoute({
  ...createImageConfig,
  method: "post",
  operationId: "createImage",
  summary: "Create an image (POST)",
});

export const createImageWithPut = createRoute({
  ...createImageConfig,
  method: "put",
  operationId: "createImageWithPut",
  summary: "Create an image (PUT, as Horizon's UI sends it)",
});

export type CreateImageRoute = typeof createImage;
export type CreateImageWithPutRoute = typeof createImageWithPut;

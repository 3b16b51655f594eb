import { createRoute } from "@hono/zod-openapi";
import { authenticated } from "../../glance-endpoint/route-access";
import { jsonContent } from "../../lib/create-router";
import { problemResponses } from "../../lib/problem-responses";
import { refuseProtoKeys } from "../../middleware/refuse-proto-keys";
import { ImageIdParamsSchema, ImagePropertiesSchema } from "../images/images.schemas";
import { UpdateImagePropertiesBodySchema } from "./image-properties.schemas";

const path = "/api/glance/images/{image_id}/properties/";

export const getImageProperties = createRoute({
  method: "get",
  path,
  operationId: "getImageProperties",
  tags: ["image-properties"],
  summary: "An image's custom properties",
  description: [
    "One `GET /v2/images/{id}`; answers every key of Glance's image except the 16 core attributes of Horizon's image",
    "document (`name`, `size`, `architecture`, …), `self`, `file`, `schema`, `locations`, `tags`, `virtual_size`,",
    "`kernel_id`, `ramdisk_id` and `image_url`: the custom properties plus `os_hidden`, `os_hash_algo`, `os_hash_value`,",
    "and `direct_url`, `stores` and `os_glance_*` keys when Glance shows them. The same object as Horizon's.",
    "",
    "Differs from Horizon: only the exact path matches (Horizon also answers `…/properties/anything`), and no schema is",
    "fetched.",
  ].join("\n"),
  request: { params: ImageIdParamsSchema },
  ...authenticated,
  responses: {
    200: jsonContent(ImagePropertiesSchema, "The image's properties, as a flat object"),
    ...problemResponses(400, 401, 403, 404),
  },
});

export const updateImageProperties = createRoute({
  method: "patch",
  path,
  operationId: "updateImageProperties",
  tags: ["image-properties"],
  summary: "Set and remove an image's custom properties",
  description: [
    "One `GET /v2/images/{id}`, then one `PATCH /v2/images/{id}` (`application/openstack-images-v2.1-json-patch`) with",
    "only the real changes: `remove` for each name in `removed` that the image has and that is not also in `updated`,",
    "`replace` for an updated property the image has (unless its value is unchanged), `add` for a new one. No change, no",
    "PATCH. Answers 204.",
    "",
    "Differs from Horizon:",
    "- `updated` is required with a 400 (Horizon: 500 `\"'updated'\"`); values must be strings of at most 255 characters",
    "  (Horizon: 500), and `kernel_id`/`ramdisk_id` UUIDs. Unknown top-level fields are 400s.",
    '- `os_hidden` accepts JSON booleans and `"true"`/`"false"` and is sent as a boolean (Horizon turned a JSON `true`',
    "  into false).",
    "- Keys Glance would refuse are 400s before any Glance call, in `updated` and in `removed`: base properties",
    "  (`name`, `visibility`, `protected`, `disk_format`, `container_format`, `min_disk`, `min_ram`, `tags`, `owner`; change",
    "  them with `PATCH /api/glance/images/{image_id}/`), `os_glance_*`, `location`, `deleted`, `deleted_at`, `self`, `file`,",
    "  `schema`, `direct_url`, `stores`, `os_hash_algo`, `os_hash_value` and the other read-only keys. `os_hidden` cannot",
    "  be removed. Horizon passes them on and Glance refuses the whole patch with 403.",
    "- No `replace /tags` op, no schema fetches, no re-read after the PATCH.",
  ].join("\n"),
  request: {
    params: ImageIdParamsSchema,
    body: {
      required: true,
      description: "Properties to set and to remove",
      content: { "application/json": { schema: UpdateImagePropertiesBodySchema } },
    },
  },
  ...authenticated,
  middleware: [...authenticated.middleware, refuseProtoKeys],
  responses: {
    204: { description: "Updated (or nothing to change)" },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

export type GetImagePropertiesRoute = typeof getImageProperties;
export type UpdateImagePropertiesRoute = typeof updateImageProperties;

import { createRoute } from "@hono/zod-openapi";
import { authenticated } from "../../glance-endpoint/route-access";
import { problemResponses } from "../../lib/problem-responses";
import { refuseProtoKeys } from "../../middleware/refuse-proto-keys";
import { ImageIdParamsSchema } from "./images.schemas";
import { UpdateImageBodySchema } from "./image-update.schemas";

export const updateImage = createRoute({
  method: "patch",
  path: "/api/glance/images/{image_id}/",
  operationId: "updateImage",
  tags: ["images"],
  summary: "Update an image's fields and custom properties",
  description: [
    "One `GET /v2/images/{id}`, then one `PATCH /v2/images/{id}` (`application/openstack-images-v2.1-json-patch`) holding",
    "only the real changes: `replace` for a base field or a property the image has, `add` for a new custom property,",
    "`remove` for a custom property set to null that the image has. No change, no PATCH. Answers 204.",
    "The disk format fix-ups of create apply (`ami`/`aki`/`ari`, `docker`, `vhd`, `ova` decide the container format).",
    "",
    "Differs from Horizon:",
    "- A partial update: `name`, `disk_format`, `visibility` and `protected` are required, every other field changes only",
    '  when present. Horizon resets omitted fields to its create defaults (`{"name": "x"}` made a public image private',
    "  and `raw`).",
    "- null removes a custom property (`description`, `architecture`, `kernel`, `ramdisk` included); `min_disk`/`min_ram`",
    "  null means 0. `tags` replaces the image's tags.",
    "- Horizon's image document cannot be echoed back: read-only keys (`id`, `status`, `size`, `checksum`, `created_at`, …),",
    "  reserved ones (`os_glance_*`, `location`, `deleted`, `deleted_at`), `is_public`, `properties`, `kernel_id`,",
    "  `ramdisk_id` and the create-only fields (`source_type`, `image_url`, `import_data`, `data`, `is_copying`) are 400s",
    "  naming each key, before any Glance call, as are invalid values (Horizon: 500s, or silently dropped).",
    "- No `replace /tags` is appended to every patch, no schema fetches, and no re-read after the PATCH.",
    "- An unknown image is Glance's 404 from the GET, with no PATCH.",
  ].join("\n"),
  request: {
    params: ImageIdParamsSchema,
    body: {
      required: true,
      description: "The fields to change",
      content: { "application/json": { schema: UpdateImageBodySchema } },
    },
  },
  ...authenticated,
  middleware: [...authenticated.middleware, refuseProtoKeys],
  responses: {
    204: { description: "Updated (or nothing to change)" },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

export type UpdateImageRoute = typeof updateImage;

import { createRoute, z } from "@hono/zod-openapi";
import { authenticated } from "../../glance-endpoint/route-access";
import { jsonContent } from "../../lib/create-router";
import { problemResponses } from "../../lib/problem-responses";
import { refuseProtoKeys } from "../../middleware/refuse-proto-keys";
import { ImageIdParamsSchema, ImageSchema } from "../images/images.schemas";
import { ImageTaskListSchema, ImportImageBodySchema } from "./image-actions.schemas";

export const importImage = createRoute({
  method: "post",
  path: "/api/glance/images/{image_id}/import/",
  operationId: "importImage",
  tags: ["image-import"],
  summary: "Import an image's data (interoperable import)",
  description: [
    "Starts Glance's interoperable import of the image's data and answers **202** with the image as Glance has it right",
    "after and `Location: /api/glance/images/{id}/`. Glance imports in a background thread, so that image may still be",
    "`uploading`/`queued` or already `importing` (or `active` for copy-image): follow",
    "the image until it is `active`, or `GET /api/glance/images/{image_id}/tasks/` to see the import's progress or why it",
    "failed (`os_glance_failed_import` on the image names the stores that failed).",
    "",
    "Glance calls: `GET /v2/info/import`; `GET /v2/info/stores` only when `stores` or `all_stores: true` is sent; then",
    '`POST /v2/images/{id}/import` with `{"method": {"name": method, "uri"?, "glance_image_id"?, "glance_region"?,',
    '"glance_service_interface"?}, "stores"?, "all_stores"?, "all_stores_must_succeed"?}`; then `GET /v2/images/{id}`.',
    "",
    "Refused with a 400 before the import call (nothing changes in Glance), in this order:",
    "- before any Glance call: a body that is not an object, an unknown field, a missing or unknown `method`, a field",
    "  of the wrong shape (`uri` not http(s), `glance_image_id` not a UUID, an empty or repeated `stores`);",
    "- a method Glance does not offer here (`GET /v2/info/import`; the problem names the ones it offers), whatever",
    "  else the body lacks;",
    "- the offered method's own fields missing or sent with another method: `web-download` needs `uri`,",
    "  `glance-download` needs `glance_image_id` and `glance_region`; `copy-image` needs `stores` or",
    "  `all_stores: true`; `stores` cannot be combined with `all_stores: true`;",
    "- `stores`/`all_stores: true` on a single-store Glance (it would silently ignore them), or a store id Glance does",
    "  not have.",
    "",
    "Glance's own refusals keep their status: 409 when the image is in the wrong status for the method (glance-direct",
    "needs `uploading`, i.e. staged data; web-download and glance-download need `queued`; copy-image needs `active`) or",
    "an import is already running, 403 when the caller may not import into it, 404, 413 over quota.",
    "",
    "Not in Horizon (its UI uploads through the web server instead).",
  ].join("\n"),
  request: {
    params: ImageIdParamsSchema,
    body: {
      required: true,
      description: "The import method and its fields",
      content: { "application/json": { schema: ImportImageBodySchema } },
    },
  },
  ...authenticated,
  middleware: [...authenticated.middleware, refuseProtoKeys],
  responses: {
    202: {
      ...jsonContent(ImageSchema, "Glance accepted the import; the image as Glance has it now (detail variant)"),
      headers: z.object({
        Location: z.string().openapi({
          description:
            "The image's URL in this API; `?region=` names the region whose Glance holds it, when one served the request",
          example: "/api/glance/images/6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10/",
        }),
      }),
    },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

export const listImageTasks = createRoute({
  method: "get",
  path: "/api/glance/images/{image_id}/tasks/",
  operationId: "listImageTasks",
  tags: ["image-import"],
  summary: "An image's tasks (imports and their progress)",
  description: [
    "One `GET /v2/images/{id}/tasks`: the tasks that worked on the image, such as its imports, with their status",
    "(`pending`, `processing`, `success`, `failure`), progress or failure `message`, `input` (the import request) and",
    "`result`. Glance's database-only keys (`deleted`, `deleted_at`) are left out. An image the caller cannot see is a",
    "404. Not in Horizon.",
  ].join("\n"),
  request: { params: ImageIdParamsSchema },
  ...authenticated,
  responses: {
    200: jsonContent(ImageTaskListSchema, "The image's tasks"),
    ...problemResponses(400, 401, 404),
  },
});

const activationRoute = (action: "deactivate" | "reactivate", path: string, hide: boolean) =>
  createRoute({
    method: "post",
    path,
    hide,
    operationId: `${action}Image`,
    tags: ["image-actions"],
    summary:
      action === "deactivate"
        ? "Deactivate an image (its data can no longer be downloaded)"
        : "Reactivate a deactivated image",
    description: [
      `One \`POST /v2/images/{id}/actions/${action}\`; answers 204.`,
      action === "deactivate"
        ? "A deactivated image keeps its data, but nobody but an admin can download it (Glance answers 403); `reactivate` undoes it."
        : "The image becomes `active` again and its data can be downloaded.",
      "Glance's refusals keep their status: 403 under its policy or for an image in another status than `active` or",
      "`deactivated` (Glance 25 answers 403 for a `queued` one; newer releases 400), 404.",
      "",
      "Also answered without the trailing slash, the path Horizon's UI calls (Horizon master's",
      `\`/api/glance/images/{id}/actions/${action}\`), with no 308 in between.`,
      "",
      "Differs from Horizon: 204 with no body (Horizon answers 200 `[[], null]`, a serialised Python tuple).",
    ].join("\n"),
    request: { params: ImageIdParamsSchema },
    ...authenticated,
    responses: {
      204: { description: action === "deactivate" ? "Deactivated" : "Reactivated" },
      ...problemResponses(400, 401, 403, 404),
    },
  });

export const deactivateImage = activationRoute(
  "deactivate",
  "/api/glance/images/{image_id}/actions/deactivate/",
  false,
);
export const reactivateImage = activationRoute(
  "reactivate",
  "/api/glance/images/{image_id}/actions/reactivate/",
  false,
);
/** Horizon's UI calls the actions without the trailing slash; answered directly, not documented twice. */
export const deactivateImageHorizonPath = activationRoute(
  "deactivate",
  "/api/glance/images/{image_id}/actions/deactivate",
  true,
);
export const reactivateImageHorizonPath = activationRoute(
  "reactivate",
  "/api/glance/images/{image_id}/actions/reactivate",
  true,
);

export type ImportImageRoute = typeof importImage;
export type ListImageTasksRoute = typeof listImageTasks;
export type ActivationRoute = typeof deactivateImage;

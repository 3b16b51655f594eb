import { z } from "@hono/zod-openapi";
import { GLANCE_UUID } from "../../glance/transform/image-metadata";
import { GLANCE_SERVICE_INTERFACES, IMPORT_METHODS } from "../../glance/transform/image-import";
import { isJsonObject, NOT_AN_OBJECT } from "../images/image-write.schemas";

const EXAMPLE_IMAGE_ID = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";

const boolean = () => z.boolean({ error: "must be a boolean" });

const importFields = {
  method: z
    .enum(IMPORT_METHODS, {
      error: (issue) => (issue.input === undefined ? "is required" : `must be one of ${IMPORT_METHODS.join(", ")}`),
    })
    .openapi({
      description:
        "`glance-direct`: the data staged with `PUT …/stage/` (image `uploading`). `web-download`: Glance downloads `uri` (image `queued`). `copy-image`: an `active` image's data copied to more `stores`. `glance-download`: the image `glance_image_id` of another region's Glance (image `queued`). Only the methods `GET /api/glance/info/import/` lists are accepted.",
      example: "glance-direct",
    }),
  uri: z
    .url({ protocol: /^https?$/, error: "must be an absolute http or https URL" })
    .optional()
    .openapi({
      description: "web-download only, and required there: where Glance downloads the data from",
      example: "https://cloud-images.example.org/jammy.qcow2",
    }),
  glance_image_id: z
    .string({ error: "must be the id (a UUID) of the image in the other region" })
    .regex(GLANCE_UUID, "must be the id (a UUID) of the image in the other region")
    .optional()
    .openapi({
      description: "glance-download only, and required there: the image to copy from the other region's Glance",
      example: EXAMPLE_IMAGE_ID,
    }),
  glance_region: z
    .string({ error: "must be a region name" })
    .min(1, "must be a region name")
    .max(255, "is at most 255 characters")
    .optional()
    .openapi({
      description: "glance-download only, and required there: the Keystone region of the other Glance",
      example: "RegionTwo",
    }),
  glance_service_interface: z
    .enum(GLANCE_SERVICE_INTERFACES, { error: `must be one of ${GLANCE_SERVICE_INTERFACES.join(", ")}` })
    .optional()
    .openapi({
      description: "glance-download only: the catalog interface of the other Glance (Glance's default: `public`)",
      example: "public",
    }),
  stores: z
    .array(z.string({ error: "a store id must be a string" }).min(1, "a store id cannot be empty"), {
      error: "must be an array of store ids",
    })
    .min(1, "must name at least one store")
    .refine((stores) => new Set(stores).size === stores.length, "names a store more than once")
    .optional()
    .openapi({
      description:
        "Multi-store Glance only: the stores to put the data in (ids from `GET /api/glance/info/stores/`); required for copy-image unless `all_stores`",
      example: ["fast", "cheap"],
    }),
  all_stores: boolean().optional().openapi({
    description: "Multi-store Glance only: put the data in every store (not with `stores`)",
    example: false,
  }),
  all_stores_must_succeed: boolean().optional().openapi({
    description: "Multi-store Glance: false keeps the stores that succeeded when others fail (Glance's default: true)",
    example: true,
  }),
};

export const ImportImageBodySchema = z
  .object(importFields, { error: NOT_AN_OBJECT })
  .catchall(z.unknown())
  .superRefine(
    (body, ctx) => {
      for (const key of Object.keys(body)) {
        if (!Object.hasOwn(importFields, key))
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `unknown field; accepted: ${Object.keys(importFields).join(", ")}`,
          });
      }
    },
    { when: isJsonObject },
  )
  .openapi("ImportImageRequest", {
    additionalProperties: false,
    description:
      "Glance's import call, flattened: the method's own fields (`uri`, `glance_*`) beside `method`. Each field's shape is checked before any Glance call; then a method Glance does not offer is a 400 naming the offered ones, and only for an offered method are its own fields required (`uri` for web-download, …), all before the import call.",
    example: { method: "web-download", uri: "https://cloud-images.example.org/jammy.qcow2" },
  });

export const ImageTaskSchema = z
  .object({
    id: z.string().openapi({ example: "390a8bbe-3582-4fd4-a882-daf1f195fe73" }),
    type: z.string().openapi({ description: "`api_image_import` for an import", example: "api_image_import" }),
    status: z.string().openapi({ description: "pending, processing, success or failure", example: "success" }),
    message: z
      .string()
      .openapi({ description: "Progress (`Copied 15 MiB`) or why the task failed", example: "Copied 0 MiB" }),
    image_id: z.string().nullable().openapi({ example: EXAMPLE_IMAGE_ID }),
    owner: z
      .string()
      .nullable()
      .openapi({ description: "The project that ran the task", example: "aba0ffb55d29409d90c2f7cedac73b07" }),
    user_id: z
      .string()
      .nullable()
      .openapi({ description: "The user that ran the task", example: "57f47ba57b7f4e0f8ef212e60bb626dd" }),
    request_id: z.string().nullable().openapi({
      description: "The request id of the call that started the task",
      example: "req-437585fc-ae41-4630-aa7a-862bc5e3fabc",
    }),
    input: z.unknown().openapi({
      description: "What the task was asked to do (for an import: Glance's import request)",
      example: { image_id: EXAMPLE_IMAGE_ID, import_req: { method: { name: "glance-direct" } } },
    }),
    result: z
      .unknown()
      .openapi({ description: "What the task produced; null until it ends", example: { image_id: EXAMPLE_IMAGE_ID } }),
    created_at: z.string().nullable().openapi({ example: "2026-11-29T18:55:54.236876" }),
    updated_at: z.string().nullable().openapi({ example: "2026-11-29T18:55:55.258650" }),
    expires_at: z.string().nullable().openapi({
      description: "When Glance forgets the task (null while it runs)",
      example: "2026-12-01T18:55:55.256108",
    }),
  })
  .openapi("ImageTask", { description: "One Glance task that worked on the image" });

export const ImageTaskListSchema = z
  .object({ items: z.array(ImageTaskSchema) })
  .openapi("ImageTaskList", { description: "The image's tasks, as Glance lists them" });

import { z } from "@hono/zod-openapi";
import {
  createSourceIssues,
  type CreateImageRequest,
  GLANCE_UUID,
  SOURCE_TYPES,
} from "../../glance/transform/image-metadata";
import { ImageSchema } from "./images.schemas";
import {
  customPropertiesOpenApi,
  DISK_FORMAT_DESCRIPTION,
  ImageFields,
  isJsonObject,
  NOT_AN_OBJECT,
  REQUIRES_BODY,
  undeclaredKeyIssues,
} from "./image-write.schemas";

const EXAMPLE_IMAGE_ID = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";

/** The create body's declared keys (the legacy form has the same ones as text, but `data`). */
export const createFields = {
  id: z.string({ error: "must be a UUID" }).regex(GLANCE_UUID, "must be a UUID").optional().openapi({
    description: "Choose the new image's id (Glance answers 409 if it is taken); Glance picks one when absent",
    example: EXAMPLE_IMAGE_ID,
  }),
  name: ImageFields.name
    .optional()
    .openapi({ description: 'At most 255 characters; null for an unnamed image. Default `""`.' }),
  description: ImageFields.description.optional(),
  architecture: ImageFields.architecture.optional(),
  source_type: z
    .enum(SOURCE_TYPES, { error: `must be one of ${SOURCE_TYPES.join(", ")}` })
    .nullable()
    .optional()
    .openapi({
      description:
        "`url`: the data comes from `image_url`. `file` (Horizon's UI sends `file-direct` or `file-legacy`), null or absent: a queued image whose data is uploaded afterwards.",
      example: "url",
    }),
  image_url: z.url({ error: "image_url must be an absolute URL" }).optional().openapi({
    description: "Required with source_type `url`, refused otherwise",
    example: "https://cloud-images.example.org/jammy.qcow2",
  }),
  import_data: z.boolean({ error: "must be a boolean" }).optional().openapi({
    description:
      "With source_type `url`: true makes Glance download the data (interoperable import, `web-download`); false (the default) registers `image_url` as the image's location.",
    example: true,
  }),
  is_copying: z.boolean({ error: "must be a boolean" }).optional().openapi({
    description: "Horizon's UI sends `false`; accepted with no effect. `true` is refused: use `import_data`.",
    example: false,
  }),
  data: z.unknown().optional().openapi({
    description:
      'Horizon\'s "direct" upload: the name of the file the caller will upload (a non-empty string) makes the answer carry `upload_url`, where to PUT the data. Empty (`{}`, as Horizon\'s UI sends, null, `""`) or absent: no upload is announced. Image data itself is never sent in this body.',
    example: "jammy.qcow2",
  }),
  disk_format: ImageFields.disk_format
    .optional()
    .openapi({ description: `Default \`raw\`. ${DISK_FORMAT_DESCRIPTION}` }),
  container_format: ImageFields.container_format
    .optional()
    .openapi({ description: "Default `bare`; overridden by the disk format fix-ups" }),
  kernel: ImageFields.kernel.optional(),
  ramdisk: ImageFields.ramdisk.optional(),
  min_disk: ImageFields.min_disk.optional(),
  min_ram: ImageFields.min_ram.optional(),
  visibility: ImageFields.visibility
    .optional()
    .openapi({ description: "public, private, shared or community. Default `private`." }),
  protected: ImageFields.protected
    .optional()
    .openapi({ description: "A protected image cannot be deleted. Default false." }),
  tags: ImageFields.tags.optional(),
  owner: ImageFields.owner.optional(),
  os_hidden: ImageFields.os_hidden.optional(),
};

export const CreateImageBodySchema = z
  .object(createFields, { error: NOT_AN_OBJECT })
  .catchall(z.unknown())
  .superRefine(
    (body, ctx) => {
      if (Object.keys(body).length === 0) {
        ctx.addIssue({ code: "custom", path: [], message: REQUIRES_BODY });
        return;
      }
      const issues = [
        ...undeclaredKeyIssues(body, createFields, "image", false),
        ...createSourceIssues(body as CreateImageRequest),
      ];
      for (const { field, message } of issues) ctx.addIssue({ code: "custom", path: [field], message });
    },
    { when: isJsonObject },
  )
  .openapi("CreateImageRequest", {
    ...customPropertiesOpenApi(false),
    description:
      "Image fields; every other key is a custom property whose value must be a string of at most 255 characters (names at most 255 characters, not reserved or read-only).",
    example: {
      name: "ubuntu-22.04",
      description: "Ubuntu 22.04 LTS",
      source_type: "url",
      image_url: "https://cloud-images.example.org/jammy.qcow2",
      import_data: true,
      disk_format: "qcow2",
      min_disk: 10,
      min_ram: 512,
      visibility: "shared",
      protected: false,
      hw_disk_bus: "virtio",
    },
  });

/** Direct mode's addition to the created image. */
export const CreatedImageSchema = ImageSchema.extend({
  upload_url: z.url().optional().openapi({
    description:
      "Only when the body's `data` named a file (Horizon's direct mode): the absolute URL of this API's `PUT /api/glance/images/{image_id}/file/` for the new image, with `?region=` the region whose Glance created it (when there is one), so the upload reaches the same Glance. PUT the bytes there with your own X-Auth-Token header; no token is ever returned.",
    example: "https://glance-edge.example.org/api/glance/images/6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10/file/",
  }),
}).openapi("CreatedImage", { description: "The created image; with `upload_url` for a direct upload" });

import { z } from "@hono/zod-openapi";
import { ORIGINAL_JSON_FIELD } from "../../glance/transform/image-form";
import { ImageSchema } from "./images.schemas";
import {
  CONTAINER_FORMATS,
  createSourceIssues,
  type CreateImageRequest,
  customPropertyKeyProblem,
  customPropertyValueProblem,
  type FieldIssue,
  GLANCE_UUID,
  MAX_VALUE_LENGTH,
  REQUEST_DISK_FORMATS,
  SOURCE_TYPES,
  VISIBILITIES,
} from "../../glance/transform/image-metadata";

const EXAMPLE_IMAGE_ID = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";
const EXAMPLE_KERNEL_ID = "0a0b0c0d-0000-4000-8000-000000000001";
const EXAMPLE_RAMDISK_ID = "0a0b0c0d-0000-4000-8000-000000000002";

const DISK_FORMAT_DESCRIPTION =
  "Glance's disk formats, plus Horizon's `docker` (sent as disk `raw`, container `docker`) and `ova` (disk `vmdk`, container `ova`). `ami`/`aki`/`ari` set the container format to the same value, `vhd` sets it to `ovf`.";

const requiredOr = (message: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? "is required" : message;
const quoted = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
const requiredOrVisibility = (issue: { input: unknown }) =>
  issue.input === undefined ? "is required" : `invalid visibility option: ${quoted(issue.input)}`;

// Not .int(): its failure aborts the object's checks, so the key rules would go unreported.
const nonNegativeInteger = () =>
  z
    .number({ error: "must be a non-negative integer" })
    .min(0, "must be a non-negative integer")
    .refine(Number.isInteger, "must be a non-negative integer");

const NULLABLE_NON_NEGATIVE_INTEGER = { type: ["integer", "null"] as ("integer" | "null")[], minimum: 0 };

const imageReference = (what: string, glanceKey: string, example: string) =>
  z
    .string({ error: `must be the id (a UUID) of ${what}` })
    .regex(GLANCE_UUID, `must be the id (a UUID) of ${what}`)
    .nullable()
    .openapi({ description: `Id of ${what}; stored as Glance's \`${glanceKey}\`. null means none.`, example });

/** The image fields shared by create and update, each as Glance's image schema would check it. */
export const ImageFields = {
  name: z
    .string({ error: requiredOr("must be a string or null") })
    .max(255, "name is at most 255 characters")
    .nullable()
    .openapi({ description: "At most 255 characters; null for an unnamed image", example: "ubuntu-22.04" }),
  description: z
    .string({ error: "must be a string" })
    .max(MAX_VALUE_LENGTH, `description is at most ${MAX_VALUE_LENGTH} characters`)
    .openapi({ description: "The `description` custom property", example: "Ubuntu 22.04 LTS" }),
  architecture: z
    .string({ error: "must be a string" })
    .max(MAX_VALUE_LENGTH, `architecture is at most ${MAX_VALUE_LENGTH} characters`)
    .openapi({ description: "The `architecture` custom property", example: "x86_64" }),
  disk_format: z
    .enum(REQUEST_DISK_FORMATS, {
      error: (issue) =>
        issue.input === undefined
          ? "is required"
          : `invalid disk_format: ${quoted(issue.input)}; one of ${REQUEST_DISK_FORMATS.join(", ")}`,
    })
    .openapi({ description: DISK_FORMAT_DESCRIPTION, example: "qcow2" }),
  container_format: z
    .enum(CONTAINER_FORMATS, {
      error: (issue) => `invalid container_format: ${quoted(issue.input)}; one of ${CONTAINER_FORMATS.join(", ")}`,
    })
    .openapi({ description: "Glance's container formats; overridden by the disk format fix-ups", example: "bare" }),
  kernel: imageReference("the kernel image", "kernel_id", EXAMPLE_KERNEL_ID),
  ramdisk: imageReference("the ramdisk image", "ramdisk_id", EXAMPLE_RAMDISK_ID),
  min_disk: nonNegativeInteger()
    .nullable()
    .openapi({ ...NULLABLE_NON_NEGATIVE_INTEGER, description: "GiB needed to boot; null means 0", example: 10 }),
  min_ram: nonNegativeInteger()
    .nullable()
    .openapi({ ...NULLABLE_NON_NEGATIVE_INTEGER, description: "MiB needed to boot; null means 0", example: 512 }),
  visibility: z
    .enum(VISIBILITIES, { error: requiredOrVisibility })
    .openapi({ description: "public, private, shared or community", example: "shared" }),
  protected: z
    .boolean({ error: requiredOr("must be a boolean") })
    .openapi({ description: "A protected image cannot be deleted", example: false }),
  tags: z
    .array(
      z
        .string({ error: "a tag must be a string" })
        .min(1, "a tag must not be empty")
        .max(255, "a tag is at most 255 characters"),
      {
        error: "must be an array of strings",
      },
    )
    .openapi({ description: "Glance's image tags (Horizon ignores them)", example: ["lts"] }),
  owner: z
    .string({ error: "must be a string" })
    .min(1, "must not be empty")
    .max(255, "owner is at most 255 characters")
    .openapi({
      description: "Owning project id; Glance's policy decides who may set it",
      example: "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
    }),
  os_hidden: z
    .union([z.boolean(), z.enum(["true", "false"])], { error: 'must be a boolean, "true" or "false"' })
    .openapi({
      description: 'Hide the image from default lists; a boolean, or "true"/"false" (sent to Glance as a boolean)',
      example: false,
    }),
};

/** How the undeclared keys of an image body are documented (they are checked by {@link undeclaredKeyIssues}). */
export const customPropertiesOpenApi = (nullRemoves: boolean) => ({
  additionalProperties: nullRemoves
    ? { type: ["string", "null"] as ("string" | "null")[], maxLength: MAX_VALUE_LENGTH }
    : { type: "string" as const, maxLength: MAX_VALUE_LENGTH },
});

export const isJsonObject = (payload: { value: unknown }) =>
  typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value);

export const NOT_AN_OBJECT = "the body must be a JSON object";
export const REQUIRES_BODY = "request requires JSON body";

/** One issue per undeclared key of `body` that cannot be written as a custom property: its name, else its value. */
export function undeclaredKeyIssues(
  body: object,
  declared: object,
  where: "image" | "properties",
  nullRemoves: boolean,
): FieldIssue[] {
  return Object.entries(body).flatMap(([key, value]) => {
    if (Object.hasOwn(declared, key)) return [];
    const problem = customPropertyKeyProblem(key, where) ?? customPropertyValueProblem(value, nullRemoves);
    return problem ? [{ field: key, message: problem }] : [];
  });
}

const createFields = {
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

/** The legacy form's file part. */
export const FORM_DATA_FIELD = "data";

/** Everything before the form's file part (the fields, with `$$originalJSON` holding them a second time) is capped. */
export const MAX_FORM_FIELD_BYTES = 256 * 1024;

const { data: _jsonData, ...formFields } = createFields;

/**
 * Horizon's legacy multipart create, for the document only: the route never validates a form
 * with it (that would buffer the file), the handler reads the form as a stream.
 */
export const CreateImageFormSchema = z
  .object({
    ...formFields,
    [ORIGINAL_JSON_FIELD]: z
      .string()
      .optional()
      .openapi({
        description:
          "Horizon's Angular client: every field again as one JSON object, with its JSON types. When present it replaces the other text fields (which are then not read), and its `data` must be empty or absent.",
        example: JSON.stringify({ name: "cirros", disk_format: "qcow2", min_disk: 1, protected: false, data: {} }),
      }),
    [FORM_DATA_FIELD]: z.any().optional().openapi({
      type: "string",
      format: "binary",
      description:
        "The image's bytes: a file part (with a filename, or Content-Type application/octet-stream), which must be the last part of the form. Streamed to Glance within the request; without it the image is created without data (queued).",
    }),
  })
  .catchall(z.string())
  .openapi("CreateImageForm", {
    ...customPropertiesOpenApi(false),
    description: [
      "The fields of the JSON create, as text: `min_disk`/`min_ram` are decimal integers (empty means 0), `protected`,",
      "`import_data`, `is_copying` and `os_hidden` are `true` or `false`, `kernel`/`ramdisk`/`source_type` empty mean null,",
      "`tags` may be repeated (one tag each); any other field given twice is a 400. Every other field is a custom property.",
      `Everything before the \`data\` part is at most ${MAX_FORM_FIELD_BYTES} bytes (413 otherwise).`,
    ].join(" "),
  });

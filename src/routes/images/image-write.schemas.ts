import { z } from "@hono/zod-openapi";
import {
  CONTAINER_FORMATS,
  customPropertyKeyProblem,
  customPropertyValueProblem,
  type FieldIssue,
  GLANCE_UUID,
  MAX_VALUE_LENGTH,
  REQUEST_DISK_FORMATS,
  VISIBILITIES,
} from "../../glance/transform/image-metadata";

const EXAMPLE_KERNEL_ID = "0a0b0c0d-0000-4000-8000-000000000001";
const EXAMPLE_RAMDISK_ID = "0a0b0c0d-0000-4000-8000-000000000002";

export const DISK_FORMAT_DESCRIPTION =
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

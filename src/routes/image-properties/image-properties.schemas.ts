import { z } from "@hono/zod-openapi";
import { customPropertyKeyProblem, GLANCE_UUID } from "../../glance/transform/image-metadata";
import {
  customPropertiesOpenApi,
  ImageFields,
  isJsonObject,
  NOT_AN_OBJECT,
  undeclaredKeyIssues,
} from "../images/image-write.schemas";

const IMAGE_REFERENCE_KEYS: ReadonlySet<string> = new Set(["kernel_id", "ramdisk_id"]);

const updatedFields = { os_hidden: ImageFields.os_hidden.optional() };

const UpdatedPropertiesSchema = z
  .object(updatedFields, {
    error: (issue) => (issue.input === undefined ? "is required" : "must be an object of property names and values"),
  })
  .catchall(z.unknown())
  .superRefine(
    (updated, ctx) => {
      for (const { field, message } of undeclaredKeyIssues(updated, updatedFields, "properties", false)) {
        ctx.addIssue({ code: "custom", path: [field], message });
      }
      for (const key of IMAGE_REFERENCE_KEYS) {
        const value = updated[key];
        if (typeof value === "string" && !GLANCE_UUID.test(value)) {
          ctx.addIssue({ code: "custom", path: [key], message: `${key} must be the id (a UUID) of an image` });
        }
      }
    },
    { when: isJsonObject },
  )
  .openapi({
    ...customPropertiesOpenApi(false),
    description:
      'Properties to set. Values are strings of at most 255 characters, except `os_hidden`: a boolean or `"true"`/`"false"`, sent to Glance as a boolean. Base properties (`name`, `visibility`, …), read-only and reserved keys are refused.',
    example: { hw_disk_bus: "scsi", os_distro: "ubuntu", os_hidden: false },
  });

const RemovedPropertiesSchema = z
  .array(z.string({ error: "a property name must be a string" }), {
    error: "removed must be an array of property names",
  })
  .superRefine((removed, ctx) => {
    removed.forEach((key, index) => {
      const problem =
        key === "os_hidden"
          ? "'os_hidden' is a base property and cannot be removed; set it to false"
          : customPropertyKeyProblem(key, "properties");
      if (problem) ctx.addIssue({ code: "custom", path: [index], message: problem });
    });
  })
  .openapi({
    description:
      "Custom properties to remove. Names the image does not have, or that are also in `updated`, are skipped.",
    example: ["os_distro", "not_there"],
  });

const bodyFields = { updated: UpdatedPropertiesSchema, removed: RemovedPropertiesSchema.optional() };

// Not .strict(): it reports unknown keys at the root, and its failure would hide them behind the other issues.
export const UpdateImagePropertiesBodySchema = z
  .object(bodyFields, { error: NOT_AN_OBJECT })
  .catchall(z.unknown())
  .superRefine(
    (body, ctx) => {
      for (const key of Object.keys(body)) {
        if (!Object.hasOwn(bodyFields, key))
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "unknown field; only updated and removed are accepted",
          });
      }
    },
    { when: isJsonObject },
  )
  .openapi("UpdateImagePropertiesRequest", {
    additionalProperties: false,
    description: "`updated` is required (it may be `{}`); `removed` is optional.",
    example: { updated: { hw_disk_bus: "scsi", os_hidden: "true" }, removed: ["os_distro"] },
  });

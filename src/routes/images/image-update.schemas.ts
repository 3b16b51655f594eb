import { z } from "@hono/zod-openapi";
import { CREATE_ONLY_FIELDS } from "../../glance/transform/image-metadata";
import {
  customPropertiesOpenApi,
  ImageFields,
  isJsonObject,
  NOT_AN_OBJECT,
  REQUIRES_BODY,
  undeclaredKeyIssues,
} from "./image-write.schemas";

const nullRemoves = (what: string) => `null removes the ${what} property`;

const updateFields = {
  name: ImageFields.name,
  disk_format: ImageFields.disk_format,
  visibility: ImageFields.visibility,
  protected: ImageFields.protected,
  container_format: ImageFields.container_format.optional(),
  description: ImageFields.description
    .nullable()
    .optional()
    .openapi({ description: `The \`description\` custom property; ${nullRemoves("description")}` }),
  architecture: ImageFields.architecture
    .nullable()
    .optional()
    .openapi({ description: `The \`architecture\` custom property; ${nullRemoves("architecture")}` }),
  kernel: ImageFields.kernel
    .optional()
    .openapi({ description: "Id of the kernel image (Glance's `kernel_id`); null removes it" }),
  ramdisk: ImageFields.ramdisk
    .optional()
    .openapi({ description: "Id of the ramdisk image (Glance's `ramdisk_id`); null removes it" }),
  min_disk: ImageFields.min_disk.optional(),
  min_ram: ImageFields.min_ram.optional(),
  tags: ImageFields.tags.optional().openapi({ description: "Replaces the image's tags (order does not matter)" }),
  owner: ImageFields.owner.optional(),
  os_hidden: ImageFields.os_hidden.optional(),
};

export const UpdateImageBodySchema = z
  .object(updateFields, { error: NOT_AN_OBJECT })
  .catchall(z.unknown())
  .superRefine(
    (body, ctx) => {
      if (Object.keys(body).length === 0) {
        ctx.addIssue({ code: "custom", path: [], message: REQUIRES_BODY });
        return;
      }
      const createOnly = Object.keys(body)
        .filter((key) => CREATE_ONLY_FIELDS.has(key))
        .map((key) => ({ field: key, message: `${key} applies only when an image is created` }));
      for (const { field, message } of [...createOnly, ...undeclaredKeyIssues(body, updateFields, "image", true)]) {
        ctx.addIssue({ code: "custom", path: [field], message });
      }
    },
    { when: isJsonObject },
  )
  .openapi("UpdateImageRequest", {
    ...customPropertiesOpenApi(true),
    description:
      "`name`, `disk_format`, `visibility` and `protected` are required; every other field changes only when present. Any other key is a custom property: a string of at most 255 characters sets it, null removes it.",
    example: {
      name: "ubuntu-22.04",
      disk_format: "qcow2",
      visibility: "shared",
      protected: false,
      min_disk: 10,
      description: "Ubuntu 22.04 LTS",
      hw_disk_bus: "virtio",
      obsolete_note: null,
    },
  });

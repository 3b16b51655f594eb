import { z } from "@hono/zod-openapi";
import { GLANCE_UUID } from "../../glance/transform/image-metadata";
import { notFoundForInvalidParam } from "../../lib/create-router";

const nullableString = (description: string, example: string) =>
  z.string().nullable().openapi({ description, example });

export const ImageSchema = z
  .object({
    id: z.string().openapi({ example: "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10" }),
    name: nullableString("Null for an unnamed image", "ubuntu-22.04"),
    status: nullableString("Glance status: queued, saving, importing, active, killed, deleted, deactivated", "active"),
    visibility: nullableString("public, private, shared or community", "public"),
    owner: nullableString("Owning project id", "0a1b2c3d4e5f40718293a4b5c6d7e8f9"),
    checksum: nullableString("MD5 of the data; null until data is uploaded", "2f0a8e6b0e5f3c1d8c9a7b6e5d4c3b2a"),
    container_format: nullableString("Null if never set", "bare"),
    disk_format: nullableString("Null if never set", "qcow2"),
    created_at: nullableString("ISO 8601", "2026-11-20T10:01:02Z"),
    updated_at: nullableString("ISO 8601", "2026-11-20T10:03:44Z"),
    min_disk: z.number().int().nullable().openapi({ description: "GiB", example: 0 }),
    min_ram: z.number().int().nullable().openapi({ description: "MiB", example: 0 }),
    protected: z.boolean().nullable().openapi({ example: false }),
    architecture: nullableString("The `architecture` custom property, lifted to the top level", "x86_64"),
    size: z
      .number()
      .int()
      .openapi({ description: "Bytes; 0 while Glance has no data (Glance says null)", example: 683606016 }),
    is_public: z.boolean().openapi({ description: '`visibility == "public"`', example: true }),
    tags: z.array(z.string()).openapi({ description: "Not in Horizon's list variant; added here", example: ["lts"] }),
    virtual_size: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Not in Horizon's list variant; added here", example: 2361393152 }),
    properties: z.record(z.string(), z.unknown()).openapi({
      description:
        "Every other Glance key except `self`: custom properties, `os_hidden`, `os_hash_*`, … The detail variant also holds `file`, `schema`, `tags`, `virtual_size`, `locations`, `kernel_id`, `ramdisk_id`, `image_url`.",
      example: { os_hidden: false, os_hash_algo: "sha512", description: "Ubuntu 22.04 LTS", hw_disk_bus: "virtio" },
    }),
  })
  .openapi("Image", {
    description: "An image in Horizon's shape (16 core attributes + properties, plus tags and virtual_size)",
  });

export type Image = z.infer<typeof ImageSchema>;

/** The flat object of `GET /api/glance/images/{image_id}/properties/`. */
export const ImagePropertiesSchema = z.record(z.string(), z.unknown()).openapi("ImageProperties", {
  description:
    "Custom properties plus os_hidden, os_hash_algo, os_hash_value, direct_url, stores and visible os_glance_* keys",
  example: { description: "Ubuntu 22.04 LTS", hw_disk_bus: "virtio", os_hidden: false, os_hash_algo: "sha512" },
});

/**
 * The `{image_id}` of every image route. Glance's image ids are UUIDs; anything else never reaches
 * Glance (so `..` or `%2E%2E` cannot name another Glance path). The routes Horizon has answer such an
 * id with its 404 (`imageIdNotFound`), the others with this schema's 400.
 */
export const ImageIdParamsSchema = z.object({
  image_id: z
    .string()
    .regex(GLANCE_UUID, "must be an image id: a UUID (8-4-4-4-12 hexadecimal digits)")
    .openapi({
      param: { name: "image_id", in: "path" },
      description:
        "The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`.",
      example: "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10",
    }),
});

/** Horizon answers an id Glance does not know with Glance's 404; a route it has keeps that answer for a non-UUID id. */
export const imageIdNotFound = notFoundForInvalidParam(
  "image_id",
  (id) => `No image found with ID ${id}: image ids are UUIDs`,
);

export const ImageListSchema = z
  .object({
    items: z.array(ImageSchema),
    has_more_data: z.boolean().openapi({
      description:
        "There are images after this page (in the requested order): ask again with `marker` = the last item's id",
      example: true,
    }),
    has_prev_data: z.boolean().openapi({
      description:
        "There are images before this page: a marker was given (Horizon's meaning), or, with `reversed_order`, Glance had more images before this page",
      example: false,
    }),
  })
  .openapi("ImageList", { description: "A page of images (list variant) with Horizon's paging flags" });

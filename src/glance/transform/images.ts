import type { GlanceImage } from "../schemas";

/** Horizon's 13 attributes copied from Glance as they are (null when Glance lacks them). */
const COPIED_CORE_KEYS = [
  "id",
  "name",
  "status",
  "visibility",
  "owner",
  "checksum",
  "container_format",
  "disk_format",
  "created_at",
  "updated_at",
  "min_disk",
  "min_ram",
  "protected",
] as const;

/** Keys that never appear inside `properties`: the 16 core attributes and `self`. */
export const CORE_IMAGE_KEYS: ReadonlySet<string> = new Set([
  ...COPIED_CORE_KEYS,
  "architecture",
  "size",
  "is_public",
  "self",
]);

/** Kept out of `properties` in Horizon's list variant (and so out of the properties endpoint). */
export const DETAIL_ONLY_KEYS: ReadonlySet<string> = new Set([
  "file",
  "locations",
  "schema",
  "tags",
  "virtual_size",
  "kernel_id",
  "ramdisk_id",
  "image_url",
]);

export type ImageVariant = "list" | "detail";

export interface HorizonImage {
  id: string;
  name: string | null;
  status: string | null;
  visibility: string | null;
  owner: string | null;
  checksum: string | null;
  container_format: string | null;
  disk_format: string | null;
  created_at: string | null;
  updated_at: string | null;
  min_disk: number | null;
  min_ram: number | null;
  protected: boolean | null;
  architecture: string | null;
  size: number;
  is_public: boolean;
  tags: string[];
  virtual_size: number | null;
  properties: Record<string, unknown>;
}

/** The flat custom-property object of `GET …/properties/` as Horizon answers it, also the list variant's `properties`. */
export function imageProperties(image: GlanceImage): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(image).filter(([key]) => !CORE_IMAGE_KEYS.has(key) && !DETAIL_ONLY_KEYS.has(key)),
  );
}

/**
 * Glance's image as Horizon shapes it: core attributes at top level, `size` null → 0,
 * `is_public` from visibility, `architecture` lifted out of the properties. `tags` and
 * `virtual_size` are also given at top level in both variants (Horizon shows them only inside the
 * detail variant's `properties`).
 */
export function toHorizonImage(image: GlanceImage, variant: ImageVariant): HorizonImage {
  const core = Object.fromEntries(COPIED_CORE_KEYS.map((key) => [key, image[key] ?? null]));
  const properties =
    variant === "list"
      ? imageProperties(image)
      : Object.fromEntries(Object.entries(image).filter(([key]) => !CORE_IMAGE_KEYS.has(key)));
  return {
    ...(core as Omit<HorizonImage, "architecture" | "size" | "is_public" | "tags" | "virtual_size" | "properties">),
    id: image.id,
    architecture: typeof image.architecture === "string" ? image.architecture : null,
    size: typeof image.size === "number" ? image.size : 0,
    is_public: image.visibility === "public",
    tags: Array.isArray(image.tags) ? (image.tags as string[]) : [],
    virtual_size: typeof image.virtual_size === "number" ? image.virtual_size : null,
    properties,
  };
}

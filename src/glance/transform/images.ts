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

/**
 * `image`'s own keys that pass `keep`, copied into a new object in their order. A loop, not
 * `Object.fromEntries(Object.entries(…).filter(…))`: on the 20-image list those pair arrays were the
 * Worker's largest allocation (bench/README.md, Issue 20). A `__proto__` key Glance sent stays a plain
 * key (defined, never assigned), as fromEntries kept it.
 */
function ownEntriesWhere(image: GlanceImage, keep: (key: string) => boolean): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(image)) {
    if (!keep(key)) continue;
    if (key === "__proto__")
      Object.defineProperty(kept, key, { value: image[key], enumerable: true, writable: true, configurable: true });
    else kept[key] = image[key];
  }
  return kept;
}

const notCoreOrDetailOnly = (key: string) => !CORE_IMAGE_KEYS.has(key) && !DETAIL_ONLY_KEYS.has(key);
const notCore = (key: string) => !CORE_IMAGE_KEYS.has(key);

/** The flat custom-property object of `GET …/properties/` as Horizon answers it, also the list variant's `properties`. */
export function imageProperties(image: GlanceImage): Record<string, unknown> {
  return ownEntriesWhere(image, notCoreOrDetailOnly);
}

const orNull = <T>(value: T | undefined): T | null => value ?? null;

/**
 * Glance's image as Horizon shapes it: core attributes at top level, `size` null → 0,
 * `is_public` from visibility, `architecture` lifted out of the properties. `tags` and
 * `virtual_size` are also given at top level in both variants (Horizon shows them only inside the
 * detail variant's `properties`). One object literal in COPIED_CORE_KEYS' order, then the derived keys.
 */
export function toHorizonImage(image: GlanceImage, variant: ImageVariant): HorizonImage {
  const copied = image as unknown as Partial<Pick<HorizonImage, (typeof COPIED_CORE_KEYS)[number]>>;
  return {
    id: image.id,
    name: orNull(copied.name),
    status: orNull(copied.status),
    visibility: orNull(copied.visibility),
    owner: orNull(copied.owner),
    checksum: orNull(copied.checksum),
    container_format: orNull(copied.container_format),
    disk_format: orNull(copied.disk_format),
    created_at: orNull(copied.created_at),
    updated_at: orNull(copied.updated_at),
    min_disk: orNull(copied.min_disk),
    min_ram: orNull(copied.min_ram),
    protected: orNull(copied.protected),
    architecture: typeof image.architecture === "string" ? image.architecture : null,
    size: typeof image.size === "number" ? image.size : 0,
    is_public: image.visibility === "public",
    tags: Array.isArray(image.tags) ? (image.tags as string[]) : [],
    virtual_size: typeof image.virtual_size === "number" ? image.virtual_size : null,
    properties: variant === "list" ? imageProperties(image) : ownEntriesWhere(image, notCore),
  };
}

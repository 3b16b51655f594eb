/**
 * Horizon's `create_image_metadata`, rebuilt with its bugs fixed: the same defaults
 * and format fix-ups, but every key is validated the way Glance's image schema would, nothing a
 * caller sent is dropped, and an update changes only what the caller sent.
 */

export const VISIBILITIES = ["public", "private", "shared", "community"] as const;

/** Glance 25's default `disk_formats`. */
export const GLANCE_DISK_FORMATS = [
  "ami",
  "ari",
  "aki",
  "vhd",
  "vhdx",
  "vmdk",
  "raw",
  "qcow2",
  "vdi",
  "iso",
  "ploop",
] as const;

/** What a caller may send: Glance's formats plus Horizon's two pseudo formats, rewritten by {@link fixFormats}. */
export const REQUEST_DISK_FORMATS = [...GLANCE_DISK_FORMATS, "docker", "ova"] as const;

/** Glance 25's default `container_formats`. */
export const CONTAINER_FORMATS = ["ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed"] as const;

export const SOURCE_TYPES = ["url", "file", "file-direct", "file-legacy"] as const;

export type RequestDiskFormat = (typeof REQUEST_DISK_FORMATS)[number];
export type ContainerFormat = (typeof CONTAINER_FORMATS)[number];

/** Glance's pattern for image ids (and for `kernel_id`/`ramdisk_id` in its image schema). */
export const GLANCE_UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const MAX_KEY_LENGTH = 255;
export const MAX_VALUE_LENGTH = 255;

const RESERVED_NAMESPACE = "os_glance_";

/** Glance answers 403 "Attribute '<key>' is reserved." for these. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(["location", "deleted", "deleted_at"]);

/** Glance answers 403 "Attribute '<key>' is read-only." for these (`locations` is Glance's multi-location API, not offered here). */
const READ_ONLY_KEYS: ReadonlySet<string> = new Set([
  "self",
  "file",
  "schema",
  "direct_url",
  "stores",
  "id",
  "status",
  "checksum",
  "size",
  "virtual_size",
  "created_at",
  "updated_at",
  "os_hash_algo",
  "os_hash_value",
  "locations",
]);

/** Glance's writable base properties: set through their own fields, never as custom properties. */
export const WRITABLE_BASE_KEYS: ReadonlySet<string> = new Set([
  "name",
  "visibility",
  "protected",
  "disk_format",
  "container_format",
  "min_disk",
  "min_ram",
  "tags",
  "owner",
  "os_hidden",
]);

/** Keys of Horizon's image document that Horizon silently ignores on create and update; refused here. */
const HORIZON_DOCUMENT_KEYS: Readonly<Record<string, string>> = {
  is_public: "is_public is not accepted; set visibility instead",
  properties: "a nested properties object is not accepted; send custom properties as top-level keys",
  kernel_id: "send the kernel image id as kernel",
  ramdisk_id: "send the ramdisk image id as ramdisk",
};

/** Fields that only mean something when an image is created. */
export const CREATE_ONLY_FIELDS: ReadonlySet<string> = new Set([
  "source_type",
  "image_url",
  "import_data",
  "data",
  "is_copying",
]);

/**
 * Why a key outside the route's declared fields cannot be written as a custom property, or
 * undefined when it can. `"image"` is the create/update body; `"properties"` is the properties
 * endpoint, where Glance's own names (`kernel_id`, …) are the custom properties themselves.
 */
export function customPropertyKeyProblem(key: string, body: "image" | "properties"): string | undefined {
  if (key.length === 0) return "a property name must not be empty";
  if (key.length > MAX_KEY_LENGTH) return `a property name is at most ${MAX_KEY_LENGTH} characters`;
  if (RESERVED_KEYS.has(key) || key.startsWith(RESERVED_NAMESPACE)) return `Attribute '${key}' is reserved.`;
  if (READ_ONLY_KEYS.has(key)) return `Attribute '${key}' is read-only.`;
  // Own keys only: `toString` and the other Object members are ordinary custom property names.
  if (body === "image") return Object.hasOwn(HORIZON_DOCUMENT_KEYS, key) ? HORIZON_DOCUMENT_KEYS[key] : undefined;
  if (WRITABLE_BASE_KEYS.has(key))
    return `'${key}' is a base property of the image, not a custom property; change it with PATCH /api/glance/images/{image_id}/`;
  return undefined;
}

/** Why a custom property value cannot be written, or undefined when it can; `null` is a removal where `nullRemoves`. */
export function customPropertyValueProblem(value: unknown, nullRemoves: boolean): string | undefined {
  if (value === null && nullRemoves) return undefined;
  if (typeof value !== "string")
    return nullRemoves
      ? "a custom property value must be a string, or null to remove it"
      : "a custom property value must be a string";
  if (value.length > MAX_VALUE_LENGTH) return `a custom property value is at most ${MAX_VALUE_LENGTH} characters`;
  return undefined;
}

/** Horizon's fix-ups (Launchpad bugs 1757136, 1539722): some disk formats imply the container format. */
export function fixFormats(
  diskFormat: RequestDiskFormat,
  containerFormat: ContainerFormat,
): { disk_format: string; container_format: string } {
  switch (diskFormat) {
    case "ami":
    case "aki":
    case "ari":
      return { disk_format: diskFormat, container_format: diskFormat };
    case "docker":
      return { disk_format: "raw", container_format: "docker" };
    case "vhd":
      return { disk_format: "vhd", container_format: "ovf" };
    case "ova":
      return { disk_format: "vmdk", container_format: "ova" };
    default:
      return { disk_format: diskFormat, container_format: containerFormat };
  }
}

/** Disk formats whose container format is decided by {@link fixFormats}, whatever the caller sent. */
const FORMATS_FIXING_CONTAINER: ReadonlySet<string> = new Set(["ami", "aki", "ari", "docker", "vhd", "ova"]);

/** `os_hidden` as Glance wants it: a JSON boolean (Horizon turned a JSON `true` into false, LP #1789172). */
export const osHiddenValue = (value: boolean | "true" | "false") => value === true || value === "true";

/** True for the values Horizon's UI sends as `data` when there is no data (`{}` is a serialised File-less model). */
export function isEmptyData(data: unknown): boolean {
  if (data === null || data === undefined || data === "") return true;
  return typeof data === "object" && !Array.isArray(data) && Object.keys(data).length === 0;
}

/** Horizon's "direct" mode: `data` names the file the caller will upload itself once the image exists. */
export const isDirectUpload = (request: { data?: unknown }) => typeof request.data === "string" && request.data !== "";

interface ImageFieldValues {
  name?: string | null;
  description?: string | null;
  architecture?: string | null;
  disk_format?: RequestDiskFormat;
  container_format?: ContainerFormat;
  kernel?: string | null;
  ramdisk?: string | null;
  min_disk?: number | null;
  min_ram?: number | null;
  visibility?: (typeof VISIBILITIES)[number];
  protected?: boolean;
  tags?: string[];
  owner?: string;
  os_hidden?: boolean | "true" | "false";
}

export interface CreateImageRequest extends ImageFieldValues {
  id?: string;
  source_type?: (typeof SOURCE_TYPES)[number] | null;
  image_url?: string;
  import_data?: boolean;
  is_copying?: boolean;
  data?: unknown;
  description?: string;
  architecture?: string;
  [customProperty: string]: unknown;
}

export interface UpdateImageRequest extends ImageFieldValues {
  name: string | null;
  disk_format: RequestDiskFormat;
  visibility: (typeof VISIBILITIES)[number];
  protected: boolean;
  [customProperty: string]: unknown;
}

export type ImageSource = { kind: "none" } | { kind: "location"; url: string } | { kind: "web-download"; uri: string };

export interface CreateImagePlan {
  /** The body of `POST /v2/images`. */
  image: Record<string, unknown>;
  /** Where the data comes from once the image exists. */
  source: ImageSource;
}

export interface FieldIssue {
  field: string;
  message: string;
}

/** The cross-field rules of a create body (each field is already valid on its own). */
export function createSourceIssues(request: CreateImageRequest): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const isUrl = request.source_type === "url";
  if (isUrl && request.image_url === undefined)
    issues.push({ field: "image_url", message: "image_url is required when source_type is url" });
  if (!isUrl && request.image_url !== undefined)
    issues.push({ field: "image_url", message: "image_url needs source_type url" });
  if (!isUrl && request.import_data === true)
    issues.push({ field: "import_data", message: "import_data needs source_type url" });
  if (request.is_copying === true)
    issues.push({
      field: "is_copying",
      message: "is_copying is Glance v1's copy-from; send import_data: true with source_type url",
    });
  if (!isEmptyData(request.data) && typeof request.data !== "string") {
    issues.push({
      field: "data",
      message:
        "data is the name of the file to upload afterwards (a string), or empty; image data cannot be sent in this JSON body (PUT it to the answer's upload_url)",
    });
  }
  if (isDirectUpload(request) && isUrl)
    issues.push({ field: "data", message: "a direct upload (data) cannot be combined with source_type url" });
  return issues;
}

/** The documented fields of an update; every other key of the body is a custom property. */
const UPDATE_FIELDS: ReadonlySet<string> = new Set([
  "name",
  "description",
  "architecture",
  "disk_format",
  "container_format",
  "kernel",
  "ramdisk",
  "min_disk",
  "min_ram",
  "visibility",
  "protected",
  "tags",
  "owner",
  "os_hidden",
]);

const CREATE_FIELDS: ReadonlySet<string> = new Set([...UPDATE_FIELDS, "id", ...CREATE_ONLY_FIELDS]);
/** Horizon's defaults and fix-ups applied to a validated create body; every other key is a custom property. */
export function createImageMetadata(request: CreateImageRequest): CreateImagePlan {
  const image: Record<string, unknown> = {};
  if (request.id !== undefined) image.id = request.id;
  image.name = request.name === undefined ? "" : request.name;
  Object.assign(image, fixFormats(request.disk_format ?? "raw", request.container_format ?? "bare"));
  image.visibility = request.visibility ?? "private";
  image.protected = request.protected ?? false;
  image.min_disk = request.min_disk ?? 0;
  image.min_ram = request.min_ram ?? 0;
  if (request.kernel != null) image.kernel_id = request.kernel;
  if (request.ramdisk != null) image.ramdisk_id = request.ramdisk;
  if (request.description !== undefined) image.description = request.description;
  if (request.architecture !== undefined) image.architecture = request.architecture;
  if (request.tags !== undefined) image.tags = request.tags;
  if (request.owner !== undefined) image.owner = request.owner;
  if (request.os_hidden !== undefined) image.os_hidden = osHiddenValue(request.os_hidden);
  for (const [key, value] of Object.entries(request)) {
    if (!CREATE_FIELDS.has(key)) image[key] = value;
  }
  return { image, source: createSource(request) };
}

function createSource(request: CreateImageRequest): ImageSource {
  if (request.source_type !== "url" || request.image_url === undefined) return { kind: "none" };
  return request.import_data
    ? { kind: "web-download", uri: request.image_url }
    : { kind: "location", url: request.image_url };
}

/** What an update writes: Glance keys to set, and custom properties to remove (each only if the image has it). */
export interface ImageChanges {
  set: Record<string, unknown>;
  remove: string[];
}

/**
 * A validated PATCH body as changes: the required fields always, every optional field only when
 * present (Horizon reset omitted ones to its defaults). `null` removes a custom property, and
 * resets `min_disk`/`min_ram` to 0.
 */
export function imageUpdateChanges(request: UpdateImageRequest): ImageChanges {
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  const setOrRemove = (key: string, value: unknown) => {
    if (value === null) remove.push(key);
    else set[key] = value;
  };

  set.name = request.name;
  const formats = fixFormats(request.disk_format, request.container_format ?? "bare");
  set.disk_format = formats.disk_format;
  if (request.container_format !== undefined || FORMATS_FIXING_CONTAINER.has(request.disk_format)) {
    set.container_format = formats.container_format;
  }
  set.visibility = request.visibility;
  set.protected = request.protected;
  if (request.min_disk !== undefined) set.min_disk = request.min_disk ?? 0;
  if (request.min_ram !== undefined) set.min_ram = request.min_ram ?? 0;
  if (request.kernel !== undefined) setOrRemove("kernel_id", request.kernel);
  if (request.ramdisk !== undefined) setOrRemove("ramdisk_id", request.ramdisk);
  if (request.description !== undefined) setOrRemove("description", request.description);
  if (request.architecture !== undefined) setOrRemove("architecture", request.architecture);
  if (request.tags !== undefined) set.tags = request.tags;
  if (request.owner !== undefined) set.owner = request.owner;
  if (request.os_hidden !== undefined) set.os_hidden = osHiddenValue(request.os_hidden);
  for (const [key, value] of Object.entries(request)) {
    if (!UPDATE_FIELDS.has(key)) setOrRemove(key, value);
  }
  return { set, remove };
}

/** The properties endpoint's `{updated, removed}` as changes; a key both updated and removed is updated. */
export function imagePropertiesChanges(
  updated: Record<string, unknown>,
  removed: readonly string[] = [],
): ImageChanges {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(updated)) {
    set[key] = key === "os_hidden" ? osHiddenValue(value as boolean | "true" | "false") : value;
  }
  const remove = [...new Set(removed)].filter((key) => !Object.hasOwn(set, key));
  return { set, remove };
}

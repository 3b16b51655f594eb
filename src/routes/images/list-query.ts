import { z } from "@hono/zod-openapi";
import { MAX_KEY_LENGTH, VISIBILITIES } from "../../glance/transform/image-metadata";
import { validationProblem } from "../../lib/create-router";
import { SORT_DIRECTIONS } from "../../lib/pagination";
import { positiveIntegerLimit, keyword as queryKeyword, onceOr as queryOnceOr } from "../../lib/query-schemas";

const GLANCE_SORT_KEYS = [
  "name",
  "status",
  "container_format",
  "disk_format",
  "size",
  "id",
  "created_at",
  "updated_at",
] as const;
const IMAGE_STATUSES = [
  "queued",
  "saving",
  "active",
  "killed",
  "deleted",
  "uploading",
  "importing",
  "pending_delete",
  "deactivated",
] as const;
const LIST_VISIBILITIES = [...VISIBILITIES, "all"] as const;
const MEMBER_STATUSES = ["pending", "accepted", "rejected", "all"] as const;

export const REPEATED_MESSAGE = "given more than once; only tag may be repeated";

const onceOr = (message: string) => queryOnceOr(message, REPEATED_MESSAGE);

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => {
  const message = `must be one of: ${values.join(", ")}`;
  return z.enum(values, onceOr(message));
};

const lowercaseBoolean = (example: string) => {
  const message = "must be true or false";
  return z
    .string(onceOr(message))
    .refine((value) => /^(true|false)$/i.test(value), message)
    .transform((value) => value.toLowerCase())
    .openapi({ example });
};

const keyword = (description: string, example: string) => queryKeyword(description, example, REPEATED_MESSAGE);

const textFilter = (description: string, example: string) =>
  z
    .string(onceOr("must be a string"))
    .min(1, "must not be empty")
    .refine((value) => !/^in:\s*$/.test(value), "an in: list needs at least one value")
    .optional()
    .openapi({ description, example });

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
const TIME_FILTER = new RegExp(`^((gt|gte|eq|neq|lt|lte):)?${ISO_8601.source.slice(1, -1)}$`);

const timeFilter = (description: string, example: string) => {
  const message = "must be [gt|gte|eq|neq|lt|lte:]<ISO 8601 date-time>, e.g. gte:2026-01-01T00:00:00Z";
  return z.string(onceOr(message)).regex(TIME_FILTER, message).optional().openapi({ description, example });
};

const sizeFilter = (description: string, example: string) => {
  const message = "must be a non-negative integer (bytes)";
  return z
    .string(onceOr(message))
    .regex(/^\d{1,19}$/, message)
    .optional()
    .openapi({ description, example });
};

const statusMessage = `must be one of ${IMAGE_STATUSES.join(", ")}, or in:<a comma-separated list of them>`;
const isImageStatus = (value: string) => (IMAGE_STATUSES as readonly string[]).includes(value.trim());
const StatusFilter = z
  .string(onceOr(statusMessage))
  .refine(
    (value) => (value.startsWith("in:") ? value.slice(3).split(",").every(isImageStatus) : isImageStatus(value)),
    statusMessage,
  )
  .optional()
  .openapi({
    description: `Image status, or \`in:\` a comma-separated list of statuses (${IMAGE_STATUSES.join(", ")})`,
    example: "active",
  });

const TagValue = z.string().min(1, "must not be empty").max(255, "must be at most 255 characters");

const TagFilter = z
  .union([TagValue, z.array(TagValue)], { error: () => "each tag must be 1 to 255 characters" })
  .transform((value) => (typeof value === "string" ? [value] : value))
  .optional()
  .openapi({
    type: "array",
    items: { type: "string" },
    description:
      "Images carrying this tag; repeat the parameter for several tags (all must match). Sent to Glance as repeated `tag` parameters.",
    example: ["lts"],
  });

const CustomPropertyValue = z.string(onceOr("must be a string"));

/** The query keywords that shape the call; every other key is a Glance filter. */
const KEYWORDS = new Set(["paginate", "reversed_order", "marker", "limit", "sort_key", "sort_dir"]);

/**
 * `GET /api/glance/images/` query. The order of the keys here is the order the filters are sent
 * to Glance in; custom-property filters follow, in the caller's order.
 */
export const ListImagesQuerySchema = z
  .object({
    paginate: keyword(
      "`true|false|1|0`, any case. When true, answer one page (`limit` or `API_RESULT_PAGE_SIZE` images) with Horizon's `has_more_data`/`has_prev_data`. When false or absent, answer up to `limit` or `API_RESULT_LIMIT` images, following Glance's pages. Unlike Horizon, `paginate=false` does not turn paging on.",
      "true",
    ),
    marker: z
      .string(onceOr("must be an image id"))
      .max(255, "must be at most 255 characters")
      .optional()
      .transform((value) => value || undefined)
      .openapi({
        description:
          "Id of the last image of the previous page (or, with `reversed_order`, the first image of the next page). Empty means none.",
        example: "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10",
      }),
    reversed_order: keyword(
      "`true|false|1|0`, any case; never sent to Glance. When true, answer the images *before* `marker` in the requested order (the previous page): Glance is asked in the opposite direction from the marker and the page is reversed back.",
      "false",
    ),
    limit: positiveIntegerLimit(
      "How many images to answer: the page size when paginating, the cap otherwise. At most `API_RESULT_LIMIT` (1000 by default); more is a 400.",
      "20",
      REPEATED_MESSAGE,
    ),
    sort_key: oneOf(GLANCE_SORT_KEYS)
      .default("created_at")
      .openapi({ description: "Glance's sort key", example: "name" }),
    sort_dir: oneOf(SORT_DIRECTIONS).default("desc").openapi({ description: "Sort direction", example: "asc" }),
    name: textFilter(
      "Exact image name, or `in:` a comma-separated list of names (quote names that contain commas)",
      "ubuntu-22.04",
    ),
    status: StatusFilter,
    visibility: oneOf(LIST_VISIBILITIES)
      .optional()
      .openapi({ description: "Glance's visibility filter", example: "public" }),
    is_public: lowercaseBoolean("true")
      .transform((value) => value === "true")
      .optional()
      .openapi({
        description:
          "Horizon's alias: `true` → `visibility=public`, `false` → `visibility=private` (any case; anything else is a 400). Cannot be combined with `visibility`.",
      }),
    owner: textFilter("Owning project id", "0a1b2c3d4e5f40718293a4b5c6d7e8f9"),
    "property-owner_id": textFilter(
      "Horizon's alias of `owner`; cannot be combined with it",
      "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
    ),
    member_status: oneOf(MEMBER_STATUSES).optional().openapi({
      description: "For shared images: the caller's membership status (Glance's default: accepted)",
      example: "all",
    }),
    tag: TagFilter,
    protected: lowercaseBoolean("false")
      .optional()
      .openapi({ description: "`true|false`, any case (sent to Glance in lowercase)" }),
    os_hidden: lowercaseBoolean("true")
      .optional()
      .openapi({ description: "`true|false`, any case; Glance hides hidden images unless `os_hidden=true`" }),
    container_format: textFilter("Container format, or `in:` a comma-separated list", "bare"),
    disk_format: textFilter("Disk format, or `in:` a comma-separated list", "in:qcow2,raw"),
    size_min: sizeFilter("Minimum size in bytes", "1048576"),
    size_max: sizeFilter("Maximum size in bytes", "10737418240"),
    created_at: timeFilter("`[gt|gte|eq|neq|lt|lte:]<ISO 8601>`; no operator means eq", "gte:2026-01-01T00:00:00Z"),
    updated_at: timeFilter("`[gt|gte|eq|neq|lt|lte:]<ISO 8601>`; no operator means eq", "lt:2026-11-20T10:03:44Z"),
    id: textFilter(
      "Image id, or `in:` a comma-separated list of ids",
      "in:6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10,de6892b9-71f7-4332-a05a-02d4d7f6ba42",
    ),
  })
  .catchall(CustomPropertyValue)
  .superRefine(
    (query, ctx) => {
      const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
      if (query.sort !== undefined) {
        issue(
          "sort",
          "Glance's sort=key:dir syntax cannot be combined with sort_key/sort_dir, which are always sent; use sort_key and sort_dir",
        );
      }
      if (query.is_public !== undefined && query.visibility !== undefined)
        issue("is_public", "conflicts with visibility; give one of them");
      if (query["property-owner_id"] !== undefined && query.owner !== undefined)
        issue("property-owner_id", "conflicts with owner; give one of them");
      const { size_min: min, size_max: max } = query;
      if (
        typeof min === "string" &&
        typeof max === "string" &&
        /^\d+$/.test(min) &&
        /^\d+$/.test(max) &&
        BigInt(min) > BigInt(max)
      ) {
        issue("size_min", "must not be greater than size_max");
      }
      for (const key of Object.keys(query)) {
        if (key.length > MAX_KEY_LENGTH)
          issue(key.slice(0, 40), `a property name is at most ${MAX_KEY_LENGTH} characters`);
      }
    },
    // cross-field checks run even when a field failed, so one answer names every problem
    { when: () => true },
  );

export type ListImagesQuery = z.output<typeof ListImagesQuerySchema>;

export interface ImageListPlan {
  /** Glance filters in the order they are sent. */
  filters: [string, string][];
  sortKey: (typeof GLANCE_SORT_KEYS)[number];
  /** The direction Glance is asked for: the opposite of the caller's when reversed. */
  glanceSortDir: (typeof SORT_DIRECTIONS)[number];
  marker?: string;
  /** How many images to answer; one more is fetched to learn whether there are more. */
  pageSize: number;
  reversed: boolean;
}

export interface ListLimits {
  /** API_RESULT_PAGE_SIZE */
  pageSize: number;
  /** API_RESULT_LIMIT */
  resultLimit: number;
}

/** Turns a validated list query into what to ask Glance for; a limit above API_RESULT_LIMIT is a 400. */
export function planImageList(query: ListImagesQuery, limits: ListLimits): ImageListPlan {
  const issues: { path: string[]; message: string }[] = [];
  if (query.limit !== undefined && query.limit > limits.resultLimit) {
    issues.push({ path: ["limit"], message: `must be at most ${limits.resultLimit} (API_RESULT_LIMIT)` });
  }
  if (issues.length) throw validationProblem({ target: "query", error: { issues } });
  const filters: [string, string][] = [];
  for (const [key, value] of Object.entries(query)) {
    if (KEYWORDS.has(key) || value === undefined) continue;
    if (key === "is_public") filters.push(["visibility", value ? "public" : "private"]);
    else if (key === "property-owner_id") filters.push(["owner", String(value)]);
    else if (key === "tag") for (const tag of value as string[]) filters.push(["tag", tag]);
    else filters.push([key, String(value)]);
  }
  const reversed = query.reversed_order === true;
  const flipped = query.sort_dir === "asc" ? "desc" : "asc";
  return {
    filters,
    sortKey: query.sort_key,
    glanceSortDir: reversed ? flipped : query.sort_dir,
    marker: query.marker,
    pageSize: query.limit ?? (query.paginate ? limits.pageSize : limits.resultLimit),
    reversed,
  };
}

/** `GET /v2/images` query for one call: filters, then limit, sort_key, sort_dir and marker (Horizon's order). */
export function glanceListQuery(plan: ImageListPlan, limit: number, marker: string | undefined): [string, string][] {
  const query: [string, string][] = [
    ...plan.filters,
    ["limit", String(limit)],
    ["sort_key", plan.sortKey],
    ["sort_dir", plan.glanceSortDir],
  ];
  if (marker) query.push(["marker", marker]);
  return query;
}

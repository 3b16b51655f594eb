import { z } from "@hono/zod-openapi";
import { NAMESPACE_SORT_KEYS } from "../../glance/transform/namespaces";
import { SORT_DIRECTIONS } from "../../lib/pagination";
import { keyword, onceOr, positiveIntegerLimit } from "../../lib/query-schemas";

const RESOURCE_TYPE_EXAMPLE = "OS::Glance::Image";

export const NamespaceListQuerySchema = z
  .object({
    resource_type: z
      .string(onceOr("must be a resource type name"))
      .min(1, "must not be empty")
      .regex(/^[^,]*$/, "must be one resource type name (use resource_types for several)")
      .optional()
      .openapi({
        description:
          "Keep namespaces associated with this resource type; Glance then prefixes each property name with the association's prefix (e.g. `hw_`). Optional here (Horizon answers 500 without it).",
        example: RESOURCE_TYPE_EXAMPLE,
      }),
    resource_types: z
      .string(onceOr("must be a comma-separated list of resource type names"))
      .min(1, "must not be empty")
      .optional()
      .openapi({
        description:
          "Glance's own filter: comma-separated resource types, any of which a namespace must be associated with. Used only without `resource_type` (property names then stay unprefixed); giving both with different values is a 400.",
        example: "OS::Glance::Image,OS::Cinder::Volume",
      }),
    properties_target: z.string(onceOr("must be a string")).min(1, "must not be empty").optional().openapi({
      description:
        "Keep only namespaces whose association with the resource type has this `properties_target` (e.g. `image` for Cinder volumes, `metadata` for Nova servers). Needs `resource_type` (or `resource_types`). Applied here, not by Glance.",
      example: "image",
    }),
    paginate: keyword(
      "Page by `API_RESULT_PAGE_SIZE`. Case-insensitive `true|false|1|0` (Horizon treats the string `false` as true).",
      "true",
    ),
    limit: positiveIntegerLimit(
      "How many namespaces to answer: the page size when paginating (default `API_RESULT_PAGE_SIZE`), the cap otherwise (default `API_RESULT_LIMIT`). At most `API_RESULT_LIMIT`; more is a 400. The same meaning as the image list's `limit`.",
      "20",
    ),
    marker: z.string(onceOr("must be a namespace name")).optional().openapi({
      description:
        "Namespace name to start after (the last one of the previous page). Empty means the first page. Unknown → Glance's 404.",
      example: "OS::Compute::Libvirt",
    }),
    sort_key: z
      .enum(NAMESPACE_SORT_KEYS, onceOr(`must be one of: ${NAMESPACE_SORT_KEYS.join(", ")}`))
      .default("namespace")
      .openapi({ description: "Sort field", example: "namespace" }),
    sort_dir: z
      .enum(SORT_DIRECTIONS, onceOr(`must be one of: ${SORT_DIRECTIONS.join(", ")}`))
      .default("asc")
      .openapi({ description: "Sort direction", example: "asc" }),
    visibility: z
      .enum(["public", "private"], onceOr("must be one of: public, private"))
      .optional()
      .openapi({ description: "Glance's visibility filter", example: "public" }),
  })
  .catchall(z.union([z.string(), z.array(z.string())]));

const ResourceTypeAssociationSchema = z
  .object({
    name: z.string().openapi({ example: "OS::Glance::Image" }),
    prefix: z
      .string()
      .optional()
      .openapi({ description: "Put before property names for this resource type", example: "hw_" }),
    properties_target: z.string().optional().openapi({ example: "image" }),
    created_at: z.string().optional().openapi({ example: "2026-11-26T22:06:50Z" }),
    updated_at: z.string().optional().openapi({ example: "2026-11-26T22:06:50Z" }),
  })
  .loose()
  .openapi("MetadefResourceTypeAssociation");

export const MetadefNamespaceSchema = z
  .object({
    namespace: z.string().openapi({ example: "OS::Compute::Watchdog" }),
    display_name: z.string().optional().openapi({ example: "Watchdog Behavior" }),
    description: z
      .string()
      .optional()
      .openapi({ example: "Compute drivers may enable watchdog behavior over instances." }),
    visibility: z.string().optional().openapi({ example: "public" }),
    protected: z.boolean().optional().openapi({ example: true }),
    owner: z.string().optional().openapi({ example: "admin" }),
    created_at: z.string().optional().openapi({ example: "2026-11-26T22:06:49Z" }),
    updated_at: z.string().optional().openapi({ example: "2026-11-26T22:06:49Z" }),
    schema: z.string().optional().openapi({ example: "/v2/schemas/metadefs/namespace" }),
    resource_type_associations: z.array(ResourceTypeAssociationSchema).optional(),
    properties: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({
        description: "Property definitions (JSON-schema-like), names prefixed for the requested resource type",
        example: {
          hw_watchdog_action: {
            type: "string",
            title: "Watchdog Action",
            enum: ["disabled", "reset", "poweroff", "pause", "none"],
          },
        },
      }),
    objects: z
      .array(z.record(z.string(), z.unknown()))
      .optional()
      .openapi({ description: "Present only when the namespace has objects" }),
  })
  .loose()
  .openapi("MetadefNamespace", { description: "Glance's namespace detail, verbatim except that `self` is removed" });

export const NamespaceListSchema = z
  .object({
    items: z.array(MetadefNamespaceSchema),
    has_more_data: z.boolean().openapi({ description: "A further page exists after this one", example: false }),
    has_prev_data: z
      .boolean()
      .openapi({ description: "A marker was given (Horizon's meaning), when paginating", example: false }),
  })
  .openapi("MetadefNamespaceList");

export const MetadefResourceTypeSchema = z
  .object({
    name: z.string().openapi({ example: RESOURCE_TYPE_EXAMPLE }),
    created_at: z.string().optional().openapi({ example: "2026-11-26T22:06:48Z" }),
    updated_at: z
      .string()
      .optional()
      .openapi({ description: "Absent when Glance does not give it", example: "2026-11-26T22:06:48Z" }),
  })
  .loose()
  .openapi("MetadefResourceType");

export const ResourceTypeListSchema = z
  .object({ items: z.array(MetadefResourceTypeSchema) })
  .openapi("MetadefResourceTypeList");

export type ResourceTypeList = z.infer<typeof ResourceTypeListSchema>;

import { SORT_DIRECTIONS } from "../../lib/pagination";
import { type FieldError, invalidInput } from "../../lib/problem";
import type { GlanceNamespace } from "../schemas";

export const NAMESPACE_SORT_KEYS = ["namespace", "created_at"] as const;

/** The namespaces list query after the route's zod check; unknown keys are Glance filters. */
export interface NamespaceListQuery {
  resource_type?: string;
  resource_types?: string;
  properties_target?: string;
  paginate?: boolean;
  marker?: string;
  sort_key: (typeof NAMESPACE_SORT_KEYS)[number];
  sort_dir: (typeof SORT_DIRECTIONS)[number];
  visibility?: "public" | "private";
  limit?: number;
  [filter: string]: string | string[] | boolean | number | undefined;
}

export interface NamespaceListPlan {
  paginate: boolean;
  /** The caller's `limit`: the page size when paginating, the cap otherwise. */
  limit?: number;
  marker?: string;
  sortKey: NamespaceListQuery["sort_key"];
  sortDir: NamespaceListQuery["sort_dir"];
  /** Forwarded to Glance as they came, in request order, repeated keys kept. */
  filters: [string, string][];
  /** Glance's comma-separated `resource_types` filter, if any. */
  resourceTypes?: string;
  /** The resource type whose prefix Glance puts on property names in the detail calls. */
  resourceType?: string;
  propertiesTarget?: string;
  /** Association names a namespace must have one of, with `propertiesTarget`, to be kept. */
  propertiesTargetTypes: string[];
}

const KEYWORDS = new Set([
  "resource_type",
  "resource_types",
  "properties_target",
  "paginate",
  "marker",
  "sort_key",
  "sort_dir",
  "visibility",
  "limit",
]);

const splitResourceTypes = (list: string) =>
  list
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);

/**
 * Checks what zod cannot see field by field and turns the query into a plan. Throws one 400
 * problem naming every offending field; nothing reaches Glance before this passes.
 */
export function planNamespaceList(
  query: NamespaceListQuery,
  { resultLimit }: { resultLimit: number } = { resultLimit: Infinity },
): NamespaceListPlan {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ location: "query", field, message });

  const {
    resource_type: resourceType,
    resource_types: resourceTypesParam,
    properties_target: propertiesTarget,
  } = query;
  let resourceTypes = resourceTypesParam;
  if (resourceType !== undefined && resourceTypesParam !== undefined) {
    if (resourceTypesParam === resourceType) resourceTypes = undefined;
    else
      fail(
        "resource_types",
        "give resource_type or resource_types, not both (resource_type already filters by its resource type)",
      );
  }
  const propertiesTargetTypes = resourceType !== undefined ? [resourceType] : splitResourceTypes(resourceTypes ?? "");
  if (propertiesTarget !== undefined && propertiesTargetTypes.length === 0) {
    fail(
      "properties_target",
      "needs resource_type: properties_target is matched on the association with that resource type",
    );
  }

  if (query.limit !== undefined && query.limit > resultLimit)
    fail("limit", `must be at most ${resultLimit} (API_RESULT_LIMIT)`);

  const filters: [string, string][] = [];
  if (query.visibility !== undefined) filters.push(["visibility", query.visibility]);
  for (const [key, value] of Object.entries(query)) {
    if (KEYWORDS.has(key) || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [String(value)]) filters.push([key, item]);
  }

  if (errors.length > 0) {
    throw invalidInput(errors);
  }
  return {
    paginate: query.paginate ?? false,
    limit: query.limit,
    marker: query.marker || undefined,
    sortKey: query.sort_key,
    sortDir: query.sort_dir,
    filters,
    resourceTypes: resourceType ?? resourceTypes,
    resourceType,
    propertiesTarget,
    propertiesTargetTypes,
  };
}

/** `GET /v2/metadefs/namespaces` query in Horizon's order: filters, resource_types, limit, marker, sort. */
export function namespaceListQuery(plan: NamespaceListPlan, limit: number, marker = plan.marker): [string, string][] {
  const query: [string, string][] = [...plan.filters];
  if (plan.resourceTypes !== undefined) query.push(["resource_types", plan.resourceTypes]);
  query.push(["limit", String(limit)]);
  if (marker !== undefined) query.push(["marker", marker]);
  query.push(["sort_key", plan.sortKey], ["sort_dir", plan.sortDir]);
  return query;
}

/**
 * Horizon's properties_target filter (Glance has none): keep a namespace when one of its resource
 * type associations is for one of `resourceTypes` and has exactly that properties_target.
 */
export function hasPropertiesTarget(
  namespace: GlanceNamespace,
  resourceTypes: readonly string[],
  propertiesTarget: string,
): boolean {
  const associations = namespace.resource_type_associations;
  if (!Array.isArray(associations)) return false;
  return associations.some(
    (association: unknown) =>
      typeof association === "object" &&
      association !== null &&
      resourceTypes.includes((association as { name?: unknown }).name as string) &&
      (association as { properties_target?: unknown }).properties_target === propertiesTarget,
  );
}

export function keptNamespaces(namespaces: readonly GlanceNamespace[], plan: NamespaceListPlan): GlanceNamespace[] {
  const { propertiesTarget, propertiesTargetTypes } = plan;
  if (propertiesTarget === undefined) return [...namespaces];
  return namespaces.filter((namespace) => hasPropertiesTarget(namespace, propertiesTargetTypes, propertiesTarget));
}

/** A namespace detail as Horizon returns it: Glance's document without `self`. */
export function withoutSelf(namespace: GlanceNamespace): GlanceNamespace {
  const { self: _self, ...rest } = namespace;
  return rest;
}

import { createRoute } from "@hono/zod-openapi";
import { authenticated } from "../../glance-endpoint/route-access";
import { jsonContent } from "../../lib/create-router";
import { cacheStatusHeaders } from "../../lib/openapi-headers";
import { problemResponses } from "../../lib/problem-responses";
import { NamespaceListQuerySchema, NamespaceListSchema, ResourceTypeListSchema } from "./metadefs.schemas";

export const listNamespaces = createRoute({
  method: "get",
  path: "/api/glance/metadefs/namespaces/",
  operationId: "listMetadefsNamespaces",
  tags: ["metadefs"],
  summary: "List metadata definition namespaces with their details",
  description: [
    "One `GET /v2/metadefs/namespaces` (`limit` = the page size + 1, never more than `API_RESULT_LIMIT`; the page size is the",
    "caller's `limit`, else `API_RESULT_PAGE_SIZE` with `paginate` and `API_RESULT_LIMIT` without,",
    "reading on from the last namespace while Glance says `next`), then `GET /v2/metadefs/namespaces/{namespace}[?resource_type=…]` for each namespace",
    "of the page, at most `NAMESPACE_DETAIL_CONCURRENCY` at a time. `items` keeps the list's order; each item is Glance's",
    "detail without `self`. Query keys other than the documented ones are passed to Glance as filters (Glance ignores the",
    "ones it does not know). With `properties_target`, further list pages are read until the page is full, as Horizon's",
    "lazy iterator does.",
    "",
    "Caching: the list call is never cached (it is where Glance decides what this caller may see). The detail of a",
    "namespace whose `visibility` is `public` is the same for every caller Glance lists it to, so it is edge-cached for",
    "`PUBLIC_NAMESPACE_CACHE_TTL` seconds (default 60; `0` turns it off), keyed by namespace, resource type and the",
    "namespace's `updated_at`. Private namespaces are always read from Glance with the caller's token.",
    "",
    "Differs from Horizon:",
    "- `resource_type` is optional (Horizon answers 500 without it); without it the details carry unprefixed property names.",
    "- `resource_types` is used only without `resource_type`; both with different values is a 400 (Horizon silently lets",
    "  `resource_type` win). `properties_target` is applied here and not sent to Glance; without a resource type it is a 400.",
    "- `limit` is honoured exactly as by the image list (page size with `paginate`, cap without, at most `API_RESULT_LIMIT`;",
    "  `has_more_data` truthful); Horizon ignores it.",
    "- Bad `sort_key`/`sort_dir`/`visibility`/`paginate`/`limit`, a repeated keyword, a key without a name or a",
    "  `__proto__` key are 400s before any Glance call (Horizon: 500, or last value wins, or silently overwritten or dropped).",
    "- Further list pages are our own query with `marker` = the last namespace read: Glance's `next` link keeps only the",
    "  last value of a repeated filter.",
    "- Flags are Horizon's page cut (`has_prev_data` = a marker was given) without its `sort_dir=desc` quirk that reports",
    "  `has_more_data` for a short page. Without `paginate`, `has_more_data` is true when reading stopped at the",
    "  `API_RESULT_LIMIT` cap while Glance still offered a next page (Horizon truncates silently); `has_prev_data` is false.",
    "  With `paginate` and `properties_target`, the same cap can stop reading with less than a page kept: `has_more_data`",
    "  is then true when Glance offered a next page.",
    "- No match is `items: []` (Horizon master answers 500). A failing detail call fails the whole request with Glance's",
    "  status and the namespace named in `detail`, never a partial list.",
  ].join("\n"),
  request: { query: NamespaceListQuerySchema },
  ...authenticated,
  responses: {
    200: jsonContent(NamespaceListSchema, "The namespaces of the page, with their details"),
    ...problemResponses(400, 401, 403, 404),
  },
});

export const listResourceTypes = createRoute({
  method: "get",
  path: "/api/glance/metadefs/resourcetypes/",
  operationId: "listMetadefsResourceTypes",
  tags: ["metadefs"],
  summary: "List metadata definition resource types",
  description: [
    'Glance\'s `GET /v2/metadefs/resource_types` as `{"items": [{"name", "created_at", "updated_at"}, …]}`, each item',
    "with the keys Glance gave (`updated_at` is often absent). The path is Horizon's, without an underscore.",
    "",
    "Differs from Horizon: Horizon never calls Glance here and answers a Python generator's repr as `items`.",
    "",
    "Caching: the list is global, so it is edge-cached (TTL `RESOURCE_TYPES_CACHE_TTL`, then served stale for",
    "`CACHE_STALE_TTL` while one background refresh runs; see `Cache-Status`). Errors are never cached. A cached list is",
    "only served to a token that is good:",
    "- with `KEYSTONE_URL` set, the token is first validated with Keystone (`GET /v3/auth/tokens`); a refusal is a 401 with",
    "  no Glance call, cached or not. Keystone's answer is cached (keyed by a hash of the token) until the token expires or",
    "  `TOKEN_VERDICT_TTL` passes, whichever is first; it is the same lookup that finds Glance in the catalog without",
    "  `GLANCE_URL`, so a new token costs one Keystone call. The check also applies Glance's default policy for",
    "  `list_metadef_resource_types`: a project-scoped token with the reader, member or admin role, or an admin token; any",
    "  other valid token is a 403. One shared entry then serves every accepted caller. A deployment with a stricter Glance",
    "  policy should leave `KEYSTONE_URL` empty.",
    "- without `KEYSTONE_URL`, each entry is keyed by a hash of the token, so only a token Glance accepted reads it; it is",
    "  never served stale: a token revoked after a good call can still read its own entry for at most",
    "  `RESOURCE_TYPES_CACHE_TTL`.",
    "With the cache off (`RESOURCE_TYPES_CACHE_TTL=0`) every call goes to Glance with the caller's token and Keystone is not asked.",
  ].join("\n"),
  ...authenticated,
  responses: {
    200: { ...jsonContent(ResourceTypeListSchema, "Every resource type Glance knows"), headers: cacheStatusHeaders },
    ...problemResponses(400, 401, 403),
  },
});

export type ListNamespacesRoute = typeof listNamespaces;
export type ListResourceTypesRoute = typeof listResourceTypes;

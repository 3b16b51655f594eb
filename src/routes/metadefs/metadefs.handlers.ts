import type { RouteHandler } from "@hono/zod-openapi";
import { cacheStatus, defaultCache, readThrough } from "../../cache/edge-cache";
import { glanceCacheKey } from "../../cache/keys";
import type { AppEnv } from "../../env";
import { tokenLookupOf } from "../../glance-endpoint/token-lookup";
import { ensureMayListMetadefs } from "../../glance/metadefs-policy";
import { collectNamespaces, namespaceDetail } from "../../glance/namespaces";
import type { GlanceNamespace } from "../../glance/schemas";
import { planNamespaceList, withoutSelf } from "../../glance/transform/namespaces";
import { mapConcurrent } from "../../lib/map-concurrent";
import { cutPage, type PageFlags } from "../../lib/pagination";
import { refuseUnkeptQueryKeys } from "../../lib/query-keys";
import { waitUntilOf } from "../../lib/wait-until";
import type { ListNamespacesRoute, ListResourceTypesRoute } from "./metadefs.routes";
import type { ResourceTypeList } from "./metadefs.schemas";

export const listNamespaces: RouteHandler<ListNamespacesRoute, AppEnv> = async (c) => {
  const config = c.get("config");
  const glance = c.get("glance");
  refuseUnkeptQueryKeys(c.req.url);
  const plan = planNamespaceList(c.req.valid("query"), { resultLimit: config.API_RESULT_LIMIT });
  const pageSize = plan.limit ?? (plan.paginate ? config.API_RESULT_PAGE_SIZE : config.API_RESULT_LIMIT);
  // One more than the page proves a next page, as for the image list.
  const wanted = pageSize + 1;

  const { namespaces, glanceHasMore } = await collectNamespaces(glance, plan, wanted, config.API_RESULT_LIMIT);
  let page: { items: GlanceNamespace[] } & PageFlags;
  if (plan.paginate) {
    const cut = cutPage(namespaces, pageSize, plan.marker !== undefined);
    // properties_target can stop the reading at API_RESULT_LIMIT with less than a page kept while Glance has more.
    page = { ...cut, has_more_data: cut.has_more_data || glanceHasMore };
  } else {
    page = {
      items: namespaces.slice(0, pageSize),
      has_more_data: glanceHasMore || namespaces.length > pageSize,
      has_prev_data: false,
    };
  }

  const waitUntil = waitUntilOf(c);
  const details = await mapConcurrent(page.items, config.NAMESPACE_DETAIL_CONCURRENCY, async (namespace) => {
    if (namespace.visibility !== "public" || config.PUBLIC_NAMESPACE_CACHE_TTL === 0) {
      return namespaceDetail(glance, namespace.namespace, plan.resourceType);
    }
    // A public namespace's detail is the same for every caller who can see it, and this caller's own
    // list call above (never cached) is what says they can; private namespaces are always read afresh.
    const { value } = await readThrough({
      key: await glanceCacheKey(
        glance,
        "public-namespace",
        namespace.namespace,
        plan.resourceType ?? "",
        typeof namespace.updated_at === "string" ? namespace.updated_at : "",
      ),
      ttlSeconds: config.PUBLIC_NAMESPACE_CACHE_TTL,
      staleSeconds: 0,
      waitUntil,
      waitMs: config.GLANCE_TIMEOUT_MS,
      requestId: c.get("requestId"),
      load: () => namespaceDetail(glance, namespace.namespace, plan.resourceType),
    });
    return value;
  });
  return c.json(
    { items: details.map(withoutSelf), has_more_data: page.has_more_data, has_prev_data: page.has_prev_data },
    200,
  );
};

export const listResourceTypes: RouteHandler<ListResourceTypesRoute, AppEnv> = async (c) => {
  const config = c.get("config");
  const glance = c.get("glance");
  const load = async (): Promise<ResourceTypeList> => ({ items: (await glance.listResourceTypes()).resource_types });
  const cache = defaultCache();
  if (!cache || config.RESOURCE_TYPES_CACHE_TTL === 0) {
    // Nothing cached to guard: Glance itself judges the token.
    return c.json(await load(), 200, { "cache-status": cacheStatus("bypass") });
  }

  let key: string;
  let staleSeconds = config.CACHE_STALE_TTL;
  if (config.KEYSTONE_URL) {
    // The same lookup that found Glance in catalog mode: one Keystone call per new token.
    ensureMayListMetadefs((await tokenLookupOf(c)).verdict);
    key = await glanceCacheKey(glance, "metadefs-resource-types");
  } else {
    // Keyed by the token and never served stale: a revoked token reads its own entry for at most the TTL.
    key = await glanceCacheKey(glance, "metadefs-resource-types-per-token", c.get("token") ?? "");
    staleSeconds = 0;
  }

  const { value, outcome } = await readThrough<ResourceTypeList>(
    {
      key,
      ttlSeconds: config.RESOURCE_TYPES_CACHE_TTL,
      staleSeconds,
      waitUntil: waitUntilOf(c),
      waitMs: config.GLANCE_TIMEOUT_MS,
      load,
      requestId: c.get("requestId"),
    },
    cache,
  );
  return c.json(value, 200, { "cache-status": cacheStatus(outcome) });
};

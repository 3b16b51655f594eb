import type { RouteHandler } from "@hono/zod-openapi";
import { cacheStatus, readThrough } from "../../cache/edge-cache";
import { glanceCacheKey } from "../../cache/keys";
import type { AppEnv } from "../../env";
import { toApiVersion } from "../../glance/transform/version";
import { waitUntilOf } from "../../lib/wait-until";
import type { GetVersionRoute } from "./version.routes";

export const getVersion: RouteHandler<GetVersionRoute, AppEnv> = async (c) => {
  const config = c.get("config");
  const glance = c.get("glance");
  const { value, outcome } = await readThrough({
    key: await glanceCacheKey(glance, "glance-version"),
    ttlSeconds: config.VERSION_CACHE_TTL,
    staleSeconds: config.CACHE_STALE_TTL,
    waitUntil: waitUntilOf(c),
    waitMs: config.GLANCE_TIMEOUT_MS,
    requestId: c.get("requestId"),
    load: async () => toApiVersion(await glance.versions()),
  });
  return c.json(value, 200, { "cache-status": cacheStatus(outcome) });
};

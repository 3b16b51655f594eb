import type { RouteHandler } from "@hono/zod-openapi";
import { cacheStatus, readThrough } from "../../cache/edge-cache";
import { cacheKey } from "../../cache/keys";
import type { AppEnv } from "../../env";
import { toApiVersion } from "../../glance/transform/version";
import { waitUntilOf } from "../../lib/wait-until";
import type { GetVersionRoute } from "./version.routes";

export const getVersion: RouteHandler<GetVersionRoute, AppEnv> = async (c) => {
  const config = c.get("config");
  const { value, outcome } = await readThrough({
    key: await cacheKey("glance-version", config.GLANCE_URL),
    ttlSeconds: config.VERSION_CACHE_TTL,
    staleSeconds: config.CACHE_STALE_TTL,
    waitUntil: waitUntilOf(c),
    requestId: c.get("requestId"),
    load: async () => toApiVersion(await c.get("glance").versions()),
  });
  return c.json(value, 200, { "cache-status": cacheStatus(outcome) });
};

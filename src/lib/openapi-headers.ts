import { z } from "@hono/zod-openapi";

export const CacheStatusHeader = z.string().openapi({
  description:
    "RFC 9211 Cache-Status: `glance-edge; hit`, `glance-edge; hit; detail=stale-while-revalidate`, `glance-edge; fwd=miss; stored` or `glance-edge; fwd=bypass; detail=no-cache-api`",
  example: "glance-edge; hit",
});

export const cacheStatusHeaders = z.object({ "Cache-Status": CacheStatusHeader });

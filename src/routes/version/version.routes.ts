import { createRoute } from "@hono/zod-openapi";
import { tokenForCatalogOnly } from "../../glance-endpoint/route-access";
import { jsonContent } from "../../lib/create-router";
import { cacheStatusHeaders } from "../../lib/openapi-headers";
import { problemResponses } from "../../lib/problem-responses";
import { GlanceVersionSchema, VersionQuerySchema } from "./version.schemas";

export const getVersion = createRoute({
  method: "get",
  path: "/api/glance/version/",
  operationId: "getGlanceVersion",
  tags: ["version"],
  summary: "Glance API version",
  description: [
    'The major version of Glance\'s CURRENT API as a string (`"2"`), as Horizon returns it, plus `current_version` (e.g. `"2.15"`).',
    "",
    "Differs from Horizon: Horizon answers from its settings without asking Glance; this reads Glance's versions document",
    "(`GET /versions`, falling back to `GET /`, which Glance answers with 300) and caches it at the edge",
    "(TTL `VERSION_CACHE_TTL`, then served stale for `CACHE_STALE_TTL` while one refresh runs). Errors are never cached.",
    "Needs no token when `GLANCE_URL` is set: Glance's versions document is public. Without `GLANCE_URL` Glance is found in the caller's",
    "Keystone catalog, so a token is then required (401 without one) and the answer is that of the chosen region's Glance; the cache",
    "is keyed by the Glance endpoint, so one region's answer is never served for another.",
    "It takes no query parameters besides `region`: any other is refused with a 400.",
  ].join("\n"),
  ...tokenForCatalogOnly,
  request: { query: VersionQuerySchema },
  responses: {
    200: { ...jsonContent(GlanceVersionSchema, "The current Glance API version"), headers: cacheStatusHeaders },
    ...problemResponses(400, 401, 403),
  },
});

export type GetVersionRoute = typeof getVersion;

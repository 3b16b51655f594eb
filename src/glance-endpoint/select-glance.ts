import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { tokenImageEndpoints } from "../glance-endpoint/token-catalog";
import type { AppEnv } from "../env";
import { invalidInput, ProblemError } from "../lib/problem";
import {
  chooseRegion,
  ensureEndpointAllowed,
  REGION_HEADER,
  REGION_QUERY_KEY,
  requestedRegion,
  withoutRegionQuery,
} from "../glance-endpoint/region";
import { waitUntilOf } from "../lib/wait-until";
import { requireToken } from "../middleware/require-token";
import { glanceClientFor } from "./clients";

/**
 * Route middleware (after the token check): picks this request's Glance. With GLANCE_URL that one
 * (a region may be named only when it is DEFAULT_REGION); without it, the chosen region's image
 * endpoint from the caller's own Keystone catalog. The `region` query key is consumed here, so no
 * handler ever sees it as a Glance filter.
 */
export const selectGlance = createMiddleware<AppEnv>(async (c, next) => {
  const config = c.get("config");
  const requested = requestedRegion(c.req.url, c.req.header(REGION_HEADER));
  // The validators and handlers read the query from the request: without `region` there, no route can take it for a Glance filter.
  const withoutRegion = withoutRegionQuery(c.req.url);
  if (withoutRegion !== c.req.url) c.req.raw = requestAt(withoutRegion, c.req.raw);

  if (config.GLANCE_URL) {
    if (requested && requested.region !== config.DEFAULT_REGION) {
      const serves = config.DEFAULT_REGION
        ? `only region ${config.DEFAULT_REGION} (DEFAULT_REGION)`
        : "one Glance (GLANCE_URL) and no region choice";
      throw invalidInput([
        { ...requested.from, message: `unknown region ${requested.region}; this API serves ${serves}` },
      ]);
    }
    c.set("region", config.DEFAULT_REGION);
    return next();
  }

  const keystone = c.get("keystone");
  const token = c.get("token");
  if (!keystone || !config.KEYSTONE_URL)
    throw new Error("selectGlance without GLANCE_URL needs KEYSTONE_URL (config validation guarantees one)");
  if (!token) throw catalogNeedsToken();
  const endpoints = await tokenImageEndpoints({
    keystone,
    keystoneUrl: config.KEYSTONE_URL,
    token,
    endpointInterface: config.GLANCE_INTERFACE,
    ttlSeconds: config.TOKEN_VERDICT_TTL,
    waitUntil: waitUntilOf(c),
    requestId: c.get("requestId"),
  });
  const chosen = chooseRegion(endpoints, requested, config.DEFAULT_REGION, config.GLANCE_INTERFACE);
  ensureEndpointAllowed(chosen, config.GLANCE_ENDPOINT_ALLOWLIST);
  c.set("region", chosen.region);
  c.set("glance", glanceClientFor(c, chosen.url));
  await next();
});

/**
 * The same request at another URL. A JSON body already read (boundedJsonBody) lives on in Hono's
 * body cache, where the validators read it; its spent stream cannot be carried over, so the copy
 * has none. An unread body (an upload) moves to the copy still streaming.
 */
function requestAt(url: string, request: Request): Request {
  if (!request.bodyUsed) return new Request(url, request);
  return new Request(url, { method: request.method, headers: request.headers, signal: request.signal });
}

const catalogNeedsToken = () =>
  new ProblemError({
    code: "unauthenticated",
    status: 401,
    detail:
      "X-Auth-Token header is required: without GLANCE_URL, Glance is found in the caller's Keystone service catalog",
    headers: { "www-authenticate": 'Keystone realm="glance-edge"' },
  });

/** The token check for a route that needs no token with GLANCE_URL, but does to read the catalog without it. */
export const requireTokenForCatalog = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("config").GLANCE_URL) return next();
  if (!c.req.header("x-auth-token")?.trim()) throw catalogNeedsToken();
  return requireToken(c, next);
});

/**
 * What to append to one of this API's own URLs (e.g. a direct upload's `upload_url`) so the
 * follow-up request reaches the same Glance: `?region=RegionTwo`, or "" when Glance is GLANCE_URL.
 */
export function regionQuery(c: Context<AppEnv>): string {
  const region = c.get("region");
  if (c.get("config").GLANCE_URL || !region) return "";
  return `?${new URLSearchParams({ [REGION_QUERY_KEY]: region }).toString()}`;
}

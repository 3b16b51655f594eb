import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { invalidInput, ProblemError } from "../lib/problem";
import { requireToken } from "../middleware/require-token";
import { glanceClientFor } from "./clients";
import { ensureEndpointAllowed } from "./endpoint-allowlist";
import { chooseRegion, REGION_HEADER, requestedRegion, withoutRegionQuery } from "./region";
import { catalogImageEndpoints } from "./token-lookup";

/**
 * Route middleware (after the token check): picks this request's Glance and sets its client
 * (`c.get("glance")`). With GLANCE_URL that one (a region may be named only when it is
 * DEFAULT_REGION); without it, the chosen region's image endpoint from the caller's own Keystone
 * catalog. The `region` query key is consumed here, so no handler ever sees it as a Glance filter.
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
    c.set("glance", glanceClientFor(c, config.GLANCE_URL));
    return next();
  }

  if (!c.get("token")) throw catalogNeedsToken();
  const endpoints = await catalogImageEndpoints(c);
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

import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";

/** Adds each name to Vary once, keeping what is there. */
export function addVary(headers: Headers, ...names: string[]) {
  const present = (headers.get("vary") ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (present.includes("*")) return;
  const lower = new Set(present.map((name) => name.toLowerCase()));
  for (const name of names) if (!lower.has(name.toLowerCase())) present.push(name);
  if (present.length > 0) headers.set("vary", present.join(", "));
}

/**
 * The headers every answer gets, whatever route, error or 404 produced it:
 * - `X-Content-Type-Options: nosniff` everywhere, problem documents included;
 * - on a route that requires X-Auth-Token (requireToken marks it), `Cache-Control: private, no-store`
 *   and `Vary: X-Auth-Token`: the answer is the caller's and must not be stored by anyone;
 * - `Vary: Origin` on every answer when CORS is configured, since the CORS headers then depend on
 *   the Origin even where this request had none.
 * Public answers (the version lookup) keep the caching headers their route set.
 */
export const responseHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const headers = c.res.headers;
  headers.set("x-content-type-options", "nosniff");
  if (c.get("tokenRoute")) {
    headers.set("cache-control", "private, no-store");
    addVary(headers, "X-Auth-Token");
  }
  if ((c.get("config")?.CORS_ALLOWED_ORIGINS.length ?? 0) > 0) addVary(headers, "Origin");
});

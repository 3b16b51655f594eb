import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";
import { supportsTusVersion, TUS_VERSION } from "./tus-headers";

/** Every tus answer carries `Tus-Resumable`, problems included (first in a route's middleware, so it sees them all). */
export const tusResumable = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.res.headers.set("tus-resumable", TUS_VERSION);
});

/**
 * Every tus request but OPTIONS (and the JSON GET, which is ours, not tus's) must name the version this API
 * speaks, else 412 with `Tus-Version`. After the token check: a request without a token is a 401 first.
 */
export const tusVersionCheck = createMiddleware<AppEnv>(async (c, next) => {
  const method = c.req.method;
  if (method !== "OPTIONS" && method !== "GET" && !supportsTusVersion(c.req.header("tus-resumable"))) {
    const sent = c.req.header("tus-resumable");
    throw new ProblemError({
      code: "unsupported-protocol-version",
      status: 412,
      detail: `${sent === undefined ? "Tus-Resumable is missing" : "Tus-Resumable names a version this API does not speak"}; send Tus-Resumable: ${TUS_VERSION}`,
      headers: { "tus-resumable": TUS_VERSION, "tus-version": TUS_VERSION },
    });
  }
  await next();
});

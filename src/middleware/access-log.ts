import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { log } from "../lib/logger";

export const accessLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = Date.now();
  await next();
  const status = c.res.status;
  log(status >= 500 ? "error" : "info", "request", {
    request_id: c.get("requestId"),
    openstack_request_id: c.get("openstackRequestId"),
    method: c.req.method,
    path: c.req.path,
    status,
    duration_ms: Date.now() - started,
    upstream_calls: c.get("upstreamCalls"),
    cache: c.res.headers.get("cache-status") ?? undefined,
    region: c.get("region"),
  });
});

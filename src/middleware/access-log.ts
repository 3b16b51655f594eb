import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { log } from "../lib/logger";
import { cacheOutcomeOf, RequestTimer, serverTimingHeader, timingLogFields } from "../lib/server-timing";

/** One log line per request, and the same timings as a Server-Timing header on the answer. */
export const accessLog = createMiddleware<AppEnv>(async (c, next) => {
  const timer = new RequestTimer();
  c.set("timer", timer);
  await next();
  const summary = timer.summary();
  const cache = cacheOutcomeOf(c.res.headers.get("cache-status"));
  c.res.headers.set("server-timing", serverTimingHeader(summary, cache));
  const status = c.res.status;
  log(status >= 500 ? "error" : "info", "request", {
    request_id: c.get("requestId"),
    openstack_request_id: c.get("openstackRequestId"),
    method: c.req.method,
    path: c.req.path,
    status,
    duration_ms: Math.round(summary.totalMs * 100) / 100,
    upstream_calls: c.get("upstreamCalls"),
    ...timingLogFields(summary),
    cache,
    region: c.get("region"),
    image_format: c.get("imageFormat")?.format,
    image_format_refusal: c.get("imageFormat")?.refusal,
  });
});

import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const UUID = /^(?:req-)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Accepts a caller's X-Request-Id when it is short and printable (anything else is replaced, so
 * logs cannot be forged), echoes it on every response, and derives the `req-<uuid>` id oslo
 * accepts as a global request id (a uuid-shaped caller id is reused, any other gets a fresh uuid).
 */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const offered = c.req.header("x-request-id");
  const id = offered && SAFE_REQUEST_ID.test(offered) ? offered : crypto.randomUUID();
  const uuid = UUID.exec(id)?.[1]?.toLowerCase() ?? crypto.randomUUID();
  c.set("requestId", id);
  c.set("openstackRequestId", `req-${uuid}`);
  c.set("upstreamCalls", 0);
  await next();
  c.res.headers.set("x-request-id", id);
});

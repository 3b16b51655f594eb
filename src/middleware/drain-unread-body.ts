import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { drainUnreadBody } from "../streams/bounded-body";

/**
 * Before any answer goes out, what is left of the request body is read and dropped (bounded), so a
 * client still sending sees the answer (a 413 for a body over the cap, a 401, a 404) rather than a
 * connection reset. Streaming routes hold their body's reader and are left alone.
 */
export const drainUnreadRequestBody = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  await drainUnreadBody(c.req.raw);
});

import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";

// Fernet tokens are ~200 characters, PKI(Z) tokens a few KB; anything else is not a token.
const TOKEN_SHAPE = /^[\x21-\x7e]{1,8192}$/;

export const requireToken = createMiddleware<AppEnv>(async (c, next) => {
  c.set("tokenRoute", true);
  const token = c.req.header("x-auth-token")?.trim();
  if (!token || !TOKEN_SHAPE.test(token)) {
    throw new ProblemError({
      code: "unauthenticated",
      status: 401,
      detail: token ? "X-Auth-Token is not a well-formed Keystone token" : "X-Auth-Token header is required",
      headers: { "www-authenticate": 'Keystone realm="glance-edge"' },
    });
  }
  c.set("token", token);
  await next();
});

import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { type FieldError, invalidInput } from "../lib/problem";
import { protoKeyPaths } from "../lib/proto-keys";

// Hono's json validator parses only these media types; anything else is its 415 to give.
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Refuses a JSON body with an own `__proto__` key at any depth. JSON.parse keeps one, but zod drops
 * it from the parsed body, so the property would be silently never written. Runs before the body
 * validator (which reads the same cached text); a body that does not parse is left to it.
 */
export const refuseProtoKeys = createMiddleware<AppEnv>(async (c, next) => {
  const mediaType = (c.req.header("content-type") ?? "").split(";")[0].trim();
  if (JSON_MEDIA_TYPE.test(mediaType)) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return next();
    }
    const errors: FieldError[] = protoKeyPaths(body).map((field) => ({
      location: "body",
      field,
      message: "__proto__ cannot be used as a property name",
    }));
    if (errors.length > 0) throw invalidInput(errors);
  }
  await next();
});

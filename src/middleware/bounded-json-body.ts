import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { declaredLength, readBodyTextWithin } from "../streams/bounded-body";
import { ProblemError } from "../lib/problem";

// The media types Hono's json validator parses (application/json, …+json such as json-patch+json).
// Image data (octet-stream) and multipart uploads are streamed by their own routes and never pass here.
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

export function isJsonMediaType(contentType: string | undefined): boolean {
  return JSON_MEDIA_TYPE.test((contentType ?? "").split(";")[0].trim());
}

function tooLarge(limit: number, why: string) {
  return new ProblemError({
    code: "content-too-large",
    status: 413,
    detail: `The JSON body ${why}; at most ${limit} bytes are accepted (MAX_JSON_BODY_BYTES)`,
  });
}

/**
 * Caps every JSON request body at MAX_JSON_BODY_BYTES for every route: a larger Content-Length is
 * refused before reading, any other body is counted while it is read and cut at the limit. The
 * text read is left in Hono's body cache, where the route's json validator (and every later
 * `c.req.json()`) finds it, so the body is read once.
 */
export const boundedJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const request = c.req.raw;
  if (!request.body || !isJsonMediaType(c.req.header("content-type"))) return next();
  const limit = c.get("config").MAX_JSON_BODY_BYTES;
  const length = declaredLength(request.headers);
  // The body is left unread, not cancelled (see readTextWithin).
  if (length !== undefined && length > limit) {
    throw tooLarge(limit, `is ${length} bytes (Content-Length)`);
  }
  let read;
  try {
    read = await readBodyTextWithin(request, limit, "release");
  } catch {
    throw new ProblemError({
      code: "malformed-json",
      status: 400,
      detail: "The request body could not be read to its end",
    });
  }
  if (!read.ok) throw tooLarge(limit, `passed ${limit} bytes while it was read`);
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(read.text);
  await next();
});

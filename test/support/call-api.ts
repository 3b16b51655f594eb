import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { forgetCached as forgetCachedEntry } from "../../src/cache/edge-cache";
import { cacheKey } from "../../src/cache/keys";
import worker from "../../src/index";

export const TOKEN = "gAAAAABtest-token-0123456789abcdef";

export interface CallOptions {
  method?: string;
  token?: string | null;
  headers?: Record<string, string>;
  /** Serialized as JSON unless it is already a string. */
  body?: unknown;
  /** Overrides of the Worker's vars for this call. */
  vars?: Record<string, string>;
}

export interface RawCallInit {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as it is: a stream, bytes or text. */
  body?: ReadableStream<Uint8Array> | Uint8Array | string | null;
  signal?: AbortSignal;
  /** Overrides of the Worker's vars for this call. */
  vars?: Record<string, string>;
}

/**
 * Calls the Worker's fetch handler inside workerd with a body sent as it is (streams included) and
 * the test token unless the headers name one, then waits for its waitUntil work.
 */
export async function callWorker(path: string, init: RawCallInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("x-auth-token")) headers.set("x-auth-token", TOKEN);
  const request = new Request<unknown, IncomingRequestCfProperties>(`https://edge.test${path}`, {
    method: init.method,
    body: init.body,
    signal: init.signal,
    headers,
    redirect: "manual",
  });
  return await dispatch(request, init.vars);
}

/**
 * Calls the Worker's fetch handler inside workerd and waits for its waitUntil work (cache writes,
 * background refreshes), so a following call sees their effect without sleeping.
 */
export async function callApi(path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? TOKEN : options.token;
  if (token) headers.set("x-auth-token", token);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request<unknown, IncomingRequestCfProperties>(`https://edge.test${path}`, {
    method: options.method ?? "GET",
    headers,
    body,
    redirect: "manual",
  });
  return await dispatch(request, options.vars);
}

async function dispatch(request: Request<unknown, IncomingRequestCfProperties>, vars?: Record<string, string>) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, { ...env, ...vars } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** Deletes one edge-cache entry from both tiers (entries outlive a test within a file). */
export async function forgetCached(name: string, ...parts: string[]) {
  await forgetCachedEntry(caches.default, await cacheKey(name, ...parts));
}

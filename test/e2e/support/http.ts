import { e2e } from "./context";
import { type Account, GLANCE_URL } from "./stack";

/** Generous: a 2-core machine shared with workerd, uwsgi and the test runner. */
const CALL_TIMEOUT_MS = 60_000;

export interface HttpResult {
  status: number;
  headers: Headers;
  /** Parsed JSON when the body is JSON, the text otherwise, undefined when empty. */
  body: unknown;
  text: string;
}

async function read(response: Response): Promise<HttpResult> {
  const text = await response.text();
  let body: unknown = text || undefined;
  if (text && /json/.test(response.headers.get("content-type") ?? "")) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body, text };
}

export interface ApiCall {
  method?: string;
  /** Whose token to send (default demo); null sends none. */
  as?: Account | null;
  /** A literal X-Auth-Token, instead of an account's. */
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Another worker than the shared one. */
  baseUrl?: string;
}

export function tokenOf(account: Account): string {
  return e2e().tokens[account].token;
}

/** Calls glance-edge over HTTP, redirects not followed. */
export async function api(path: string, call: ApiCall = {}): Promise<HttpResult> {
  const headers = new Headers(call.headers);
  const account = call.as === undefined ? "demo" : call.as;
  const token = call.token ?? (account ? tokenOf(account) : undefined);
  if (token) headers.set("x-auth-token", token);
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const response = await fetch(`${call.baseUrl ?? e2e().baseUrl}${path}`, {
    method: call.method ?? "GET",
    headers,
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
  });
  return await read(response);
}

export interface GlanceCall {
  method?: string;
  as?: Account;
  body?: unknown;
  contentType?: string;
  /** Another Glance than GLANCE_URL's (e.g. GLANCE2_URL, RegionTwo's). */
  glanceUrl?: string;
}

/** Calls the real Glance directly: fixtures, cleanup, and checks of what glance-edge did. */
export async function glance(path: string, call: GlanceCall = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { "x-auth-token": tokenOf(call.as ?? "demo"), accept: "application/json" };
  let body: string | undefined;
  if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers["content-type"] = call.contentType ?? "application/json";
  }
  const response = await fetch(`${call.glanceUrl ?? GLANCE_URL}${path}`, {
    method: call.method ?? "GET",
    headers,
    body,
    signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
  });
  return await read(response);
}

export const JSON_PATCH = "application/openstack-images-v2.1-json-patch";

import { declaredLength, readBodyTextWithin } from "../streams/bounded-body";
import { ProblemError } from "../lib/problem";
import type { UpstreamService } from "../lib/server-timing";
import { upstreamErrorDetail } from "./error-detail";

export type QueryValue = string | number | boolean | undefined | null | readonly string[];
export type Query = Record<string, QueryValue> | [string, string][];

export interface UpstreamRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Query;
  headers?: Record<string, string>;
  body?: unknown;
  contentType?: string;
  /** Statuses that are answers, not errors (Glance's `GET /` is a 300). */
  acceptStatus?: number[];
}

export interface UpstreamOptions {
  service: UpstreamService;
  baseUrl: string;
  timeoutMs: number;
  /** Extra attempts for idempotent GETs after a network failure or a 502/503/504. */
  getRetries: number;
  baseHeaders: Record<string, string>;
  /** Called as each attempt starts; the function it returns is called once the attempt's answer is read. */
  onCall?: (service: UpstreamService) => (() => void) | void;
  /** Largest answer read (MAX_UPSTREAM_JSON_BYTES); a larger one is a 502, never read whole. */
  maxResponseBytes?: number;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export interface UpstreamResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  const entries = Array.isArray(query) ? query : Object.entries(query);
  for (const [key, value] of entries) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);

/**
 * The one place that calls `fetch` for an OpenStack service: a bounded timeout, retries for GET
 * only, JSON in and out, and every failure turned into a ProblemError whose text never names the
 * internal URL.
 */
export async function upstreamRequest(options: UpstreamOptions, request: UpstreamRequest): Promise<UpstreamResponse> {
  const url = `${options.baseUrl}${request.path}${buildQuery(request.query)}`;
  const headers: Record<string, string> = { accept: "application/json", ...options.baseHeaders, ...request.headers };
  let body: string | undefined;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers["content-type"] = request.contentType ?? "application/json";
  }
  const attempts = request.method === "GET" ? 1 + options.getRetries : 1;
  for (let attempt = 1; ; attempt++) {
    const callEnded = options.onCall?.(options.service);
    try {
      let response: Response;
      // One deadline for the whole exchange: headers and body.
      const signal = AbortSignal.timeout(options.timeoutMs);
      try {
        response = await fetch(url, {
          method: request.method,
          headers,
          body,
          signal,
          redirect: "manual",
        });
      } catch (error) {
        if (attempt < attempts && !isTimeout(error)) continue;
        throw transportProblem(options, error);
      }
      if (RETRYABLE_STATUS.has(response.status) && attempt < attempts) {
        await response.body?.cancel();
        continue;
      }
      // Only an error answer is redacted: the secrets are listed then, not on every call.
      return await readResponse(options, request, response, signal, () => [
        ...secretsOf(headers),
        ...internalAddressesOf(options.baseUrl),
      ]);
    } finally {
      callEnded?.();
    }
  }
}

const SECRET_HEADERS = ["x-auth-token", "x-subject-token"];

export function secretsOf(headers: Record<string, string>) {
  return SECRET_HEADERS.map((name) => headers[name]).filter((value): value is string => Boolean(value));
}

/** A proxy's error page in front of the service may name it; its address is not the caller's business. */
export function internalAddressesOf(baseUrl: string) {
  const url = new URL(baseUrl);
  return [baseUrl, url.host];
}

/** An upstream may quote the token or its own address in its error text; neither travels on to the caller. */
export function redact(text: string, secrets: string[]) {
  return secrets.reduce((clean, secret) => clean.replaceAll(secret, "[redacted]"), text);
}

export function isTimeout(error: unknown) {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

export function transportProblem(
  options: Pick<UpstreamOptions, "service" | "timeoutMs">,
  error: unknown,
  timeoutDetail = `${options.service} did not answer within ${options.timeoutMs} ms`,
) {
  if (isTimeout(error)) {
    return new ProblemError({ code: "gateway-timeout", status: 504, detail: timeoutDetail });
  }
  return new ProblemError({
    code: "bad-gateway",
    status: 502,
    detail: `${options.service} could not be reached`,
  });
}

/** An upstream's error answer as a problem: its 4xx keeps its status, anything else is a 502; the text is redacted. */
export function statusProblem(
  options: Pick<UpstreamOptions, "service">,
  response: Response,
  text: string,
  secrets: string[],
) {
  const upstreamRequestId = response.headers.get("x-openstack-request-id") ?? undefined;
  const detail = redact(upstreamErrorDetail(text, response.status, response.statusText), secrets);
  if (response.status >= 400 && response.status < 500) {
    return new ProblemError({
      code: "glance-error",
      status: response.status,
      detail,
      upstreamStatus: response.status,
      upstreamRequestId,
    });
  }
  return new ProblemError({
    code: "bad-gateway",
    status: 502,
    detail: `${options.service} failed with ${response.status}: ${detail}`,
    upstreamStatus: response.status,
    upstreamRequestId,
  });
}

function tooLargeProblem(
  options: UpstreamOptions,
  status: number,
  limit: number,
  upstreamRequestId: string | undefined,
) {
  return new ProblemError({
    code: "bad-gateway",
    status: 502,
    detail: `${options.service} answered ${status} with more than ${limit} bytes (MAX_UPSTREAM_JSON_BYTES)`,
    upstreamStatus: status,
    upstreamRequestId,
  });
}

async function readResponse(
  options: UpstreamOptions,
  request: UpstreamRequest,
  response: Response,
  signal: AbortSignal,
  secrets: () => string[],
) {
  const upstreamRequestId = response.headers.get("x-openstack-request-id") ?? undefined;
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const length = declaredLength(response.headers);
  if (length !== undefined && length > limit) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLargeProblem(options, response.status, limit, upstreamRequestId);
  }
  let text: string;
  try {
    const read = await readBodyTextWithin(response, limit);
    if (!read.ok) throw tooLargeProblem(options, response.status, limit, upstreamRequestId);
    text = read.text;
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    // A body cut by the deadline can surface as a plain stream error; the signal says which it was.
    throw transportProblem(options, signal.aborted ? signal.reason : error);
  }
  const accepted = (response.status >= 200 && response.status < 300) || request.acceptStatus?.includes(response.status);
  if (!accepted) throw statusProblem(options, response, text, secrets());
  if (!text) return { status: response.status, headers: response.headers, body: undefined };
  try {
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as unknown };
  } catch {
    throw new ProblemError({
      code: "bad-gateway",
      status: 502,
      detail: `${options.service} answered ${response.status} with a body that is not JSON`,
      upstreamStatus: response.status,
      upstreamRequestId,
    });
  }
}

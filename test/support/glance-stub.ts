import { vi } from "vitest";
import { JSON_PATCH_MEDIA_TYPE } from "../../src/glance/client";

export const GLANCE = "http://glance.test:9292";
export const KEYSTONE = "http://keystone.test:5000";

export interface RecordedCall {
  method: string;
  url: URL;
  /** Path without the query string, e.g. `/v2/images/abc`. */
  path: string;
  /** Query pairs in the order they were sent (repeated keys kept). */
  query: [string, string][];
  headers: Record<string, string>;
  /** Parsed JSON body, the raw text when it is not JSON, undefined when there is none. */
  body: unknown;
}

export type StubAnswer = Response | ((call: RecordedCall) => Response | Promise<Response>);

/**
 * Answers the Worker's outbound fetches. Keys are `"METHOD /path"` on the stub Glance, or
 * `"METHOD http://host:port/path"` for another upstream; the query string is not part of the key.
 * Every call is recorded, matched or not; an unmatched call answers 599 and lands in `unmatched`.
 */
export function stubUpstream(routes: Record<string, StubAnswer>) {
  const calls: RecordedCall[] = [];
  const unmatched: RecordedCall[] = [];
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    const url = new URL(request.url);
    // Decoded here: workerd warns on .text() of a body whose type is not text (json-patch, octet-stream).
    const text = request.body ? new TextDecoder().decode(await request.arrayBuffer()) : "";
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const call: RecordedCall = {
      method: request.method,
      url,
      path: url.pathname,
      query: [...url.searchParams.entries()],
      headers: Object.fromEntries(request.headers.entries()),
      body,
    };
    calls.push(call);
    const origin = url.origin === GLANCE ? "" : url.origin;
    const answer = routes[`${request.method} ${origin}${url.pathname}`];
    if (!answer) {
      unmatched.push(call);
      return new Response(`no stub for ${request.method} ${url.href}`, { status: 599 });
    }
    const response = typeof answer === "function" ? await answer(call) : answer.clone();
    return response;
  });
  return { calls, unmatched, spy };
}

/** One outbound call as the lazy stub records it: the request itself, its body left for the answer to read. */
export interface LazyCall {
  method: string;
  path: string;
  headers: Headers;
  request: Request;
  signal?: AbortSignal | null;
  /** The parsed body of a JSON call (read by the stub); any other body is left to the answer. */
  json?: unknown;
}

export type LazyAnswer = (call: LazyCall) => Response | Promise<Response>;

/**
 * Glance at the fetch boundary for streamed bodies: unlike {@link stubUpstream} it never reads an
 * upload, so a test can see how far ahead of Glance's reads the Worker pulled the client's body.
 * Keys are `"METHOD /path"` on the stub Glance; anything else answers 599.
 */
export function stubGlanceLazily(routes: Record<string, LazyAnswer>) {
  const calls: LazyCall[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    const url = new URL(request.url);
    const call: LazyCall = {
      method: request.method,
      path: url.pathname,
      headers: request.headers,
      request,
      signal: init?.signal,
    };
    if (request.headers.get("content-type")?.startsWith("application/json")) call.json = await request.json();
    calls.push(call);
    const answer = url.origin === GLANCE ? routes[`${request.method} ${url.pathname}`] : undefined;
    return answer ? answer(call) : new Response(`no stub for ${request.method} ${url.href}`, { status: 599 });
  });
  return calls;
}

/** Glance's 204 to an upload, given once `read` has read the whole body. */
export const acceptsUpload =
  (read: (request: Request) => Promise<void>): LazyAnswer =>
  async ({ request }) => {
    await read(request);
    return new Response(null, { status: 204 });
  };

/**
 * Glance's 204 to an upload once it has read the whole body, noting how many bytes it got and
 * whether the body ended (Glance would then keep it) or broke off (an aborted upload).
 */
export function uploadReceiver() {
  const seen = { bytes: 0, complete: false };
  const answer = acceptsUpload(async (request) => {
    const reader = request.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen.bytes += value.byteLength;
    }
    seen.complete = true;
  });
  return { seen, answer };
}

/**
 * Glance's side of an upload that reads whatever arrives and answers 204 at its end; like a real
 * fetch, the call fails as soon as its signal aborts (a stalled or vanished client).
 */
export const readsUntilAborted: LazyAnswer = ({ request, signal }) =>
  new Promise<Response>((resolve, reject) => {
    signal?.addEventListener("abort", () => reject(signal.reason));
    void request.body!.pipeTo(new WritableStream()).then(
      () => resolve(new Response(null, { status: 204 })),
      () => undefined,
    );
  });

/** A JSON answer the way Glance sends one, with its request id header. */
export function glanceJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/json",
      "x-openstack-request-id": "req-11111111-2222-4333-8444-555555555555",
      ...headers,
    },
  });
}

/** A webob error page as Glance answers `Accept: application/json`. */
export function glanceError(status: number, title: string, message: string) {
  return glanceJson({ message: `${message}<br /><br />\n\n\n`, code: `${status} ${title}`, title }, status);
}

/** A Glance that answers the image's GET with `image` and accepts its json-patch (the PATCH answer is not used). */
export function stubImagePatch(imageId: string, image: Record<string, unknown>) {
  const path = `/v2/images/${imageId}`;
  return stubUpstream({ [`GET ${path}`]: glanceJson(image), [`PATCH ${path}`]: glanceJson(image) });
}

/** What `sent()` shows for the image's GET, and for its json-patch of `ops`, with the test token. */
export const imageGetCall = (imageId: string, token: string) => ({
  method: "GET",
  path: `/v2/images/${imageId}`,
  query: [],
  token,
  contentType: undefined,
  body: undefined,
});
export const imagePatchCall = (imageId: string, token: string, ops: unknown[]) => ({
  method: "PATCH",
  path: `/v2/images/${imageId}`,
  query: [],
  token,
  contentType: JSON_PATCH_MEDIA_TYPE,
  body: ops,
});

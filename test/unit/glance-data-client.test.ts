import { afterEach, describe, expect, it, vi } from "vitest";
import { GlanceClient } from "../../src/glance/client";
import { ProblemError } from "../../src/lib/problem";
import { GLANCE, glanceError, glanceJson } from "../support/glance-stub";

afterEach(() => vi.restoreAllMocks());

const ID = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";
const TOKEN = "gAAAAABdata-token-0123456789";

function client(dataIdleTimeoutMs = 5_000) {
  return new GlanceClient({
    baseUrl: GLANCE,
    timeoutMs: 5_000,
    openstackRequestId: "req-00000000-0000-4000-8000-000000000000",
    getToken: () => TOKEN,
    dataIdleTimeoutMs,
  });
}

/** A body that produces `count` chunks of `size` bytes only when read, recording how many were pulled. */
function lazyBody(count: number, size: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled === count) return controller.close();
        controller.enqueue(new Uint8Array(size).fill(state.pulled % 251));
        state.pulled++;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

interface Seen {
  request: Request;
  init?: RequestInit;
}

function stubFetch(answer: (seen: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    const entry = { request, init };
    seen.push(entry);
    return answer(entry);
  });
  return seen;
}

async function problemFrom(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).init;
}

describe("GlanceClient image data", () => {
  it("uploads with PUT /v2/images/{id}/file: octet-stream, the given Content-Length, the token, the bytes read lazily", async () => {
    // Chunks of 64 KiB: smaller ones would be gathered to that size before going on.
    const { stream, state } = lazyBody(8, 64 * 1024);
    const pulledWhenRead: number[] = [];
    let received = 0;
    const seen = stubFetch(async ({ request }) => {
      const reader = request.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        pulledWhenRead.push(state.pulled);
      }
      return new Response(null, { status: 204 });
    });
    await client().uploadImageData(ID, stream, 8 * 64 * 1024);
    expect(seen).toHaveLength(1);
    const { request } = seen[0];
    expect([request.method, request.url]).toEqual(["PUT", `${GLANCE}/v2/images/${ID}/file`]);
    expect(request.headers.get("content-type")).toBe("application/octet-stream");
    expect(request.headers.get("content-length")).toBe(String(8 * 64 * 1024));
    expect(request.headers.get("x-auth-token")).toBe(TOKEN);
    expect(received).toBe(8 * 64 * 1024);
    // Never more than a few chunks ahead of what Glance has read: nothing is buffered.
    pulledWhenRead.forEach((pulled, index) => expect(pulled - (index + 1)).toBeLessThanOrEqual(3));
  });

  it("stages with PUT /v2/images/{id}/stage", async () => {
    const seen = stubFetch(async ({ request }) => {
      await request.arrayBuffer();
      return new Response(null, { status: 204 });
    });
    await client().stageImageData(ID, lazyBody(2, 16).stream, 32);
    expect([seen[0].request.method, new URL(seen[0].request.url).pathname]).toEqual(["PUT", `/v2/images/${ID}/stage`]);
  });

  it("keeps Glance's 4xx status with its message, the token and Glance's address redacted, and never retries", async () => {
    const seen = stubFetch(() =>
      glanceError(
        409,
        "Conflict",
        `Image status transition from active to saving is not allowed ${TOKEN} at ${GLANCE}`,
      ),
    );
    const problem = await problemFrom(client().uploadImageData(ID, lazyBody(1, 4).stream, 4));
    expect(problem.status).toBe(409);
    expect(problem.code).toBe("glance-error");
    expect(problem.detail).toContain("Image status transition from active to saving is not allowed");
    expect(problem.detail).not.toContain(TOKEN);
    expect(problem.detail).not.toContain("glance.test");
    expect(seen).toHaveLength(1);
  });

  it("turns Glance's 5xx into a 502 and a network failure into a 502, once", async () => {
    let seen = stubFetch(() => glanceError(503, "Service Unavailable", "store is down"));
    expect((await problemFrom(client().uploadImageData(ID, lazyBody(1, 4).stream, 4))).status).toBe(502);
    expect(seen).toHaveLength(1);
    vi.restoreAllMocks();
    seen = stubFetch(() => {
      throw new TypeError("Network connection lost.");
    });
    const problem = await problemFrom(client().downloadImageData(ID));
    expect([problem.status, problem.detail]).toEqual([502, "Glance could not be reached"]);
    expect(seen).toHaveLength(1);
  });

  it("a client that stalls mid-upload for the idle timeout is a 408, and Glance's request is aborted", async () => {
    let upstreamAborted = false;
    stubFetch(
      ({ request, init }) =>
        new Promise<Response>((_, reject) => {
          init!.signal!.addEventListener("abort", () => {
            upstreamAborted = true;
            reject(init!.signal!.reason);
          });
          // Glance reads whatever arrives.
          void request.body?.pipeTo(new WritableStream()).catch(() => undefined);
        }),
    );
    let sent = 0;
    const stalling = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        if (sent++ < 2) controller.enqueue(new Uint8Array(4));
        else return new Promise(() => {});
      },
    });
    const problem = await problemFrom(client(50).uploadImageData(ID, stalling, 100));
    expect(problem.status).toBe(408);
    expect(problem.code).toBe("request-timeout");
    expect(problem.detail).toBe(
      "The client sent no image data for 50 ms, so the upload was aborted (Glance keeps nothing of it)",
    );
    expect(upstreamAborted).toBe(true);
  });

  it("a client that never starts sending is a 408 too", async () => {
    stubFetch(
      ({ init }) =>
        new Promise<Response>((_, reject) => {
          init!.signal!.addEventListener("abort", () => reject(init!.signal!.reason));
        }),
    );
    const stalled = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    expect((await problemFrom(client(50).uploadImageData(ID, stalled, 10))).status).toBe(408);
  });

  it("Glance that takes the whole body and does not answer for the idle timeout is a 504", async () => {
    stubFetch(
      ({ request, init }) =>
        new Promise<Response>((_, reject) => {
          init!.signal!.addEventListener("abort", () => reject(init!.signal!.reason));
          void request.body?.pipeTo(new WritableStream()).catch(() => undefined);
        }),
    );
    const problem = await problemFrom(client(50).uploadImageData(ID, lazyBody(2, 4).stream, 8));
    expect(problem.status).toBe(504);
    expect(problem.detail).toBe("Glance sent or received nothing for 50 ms");
  });

  it("Glance that stops taking the body (the client still has data) is a 504", async () => {
    stubFetch(
      ({ init }) =>
        new Promise<Response>((_, reject) => {
          init!.signal!.addEventListener("abort", () => reject(init!.signal!.reason));
        }),
    );
    const problem = await problemFrom(client(50).uploadImageData(ID, lazyBody(64, 64 * 1024).stream, 64 * 64 * 1024));
    expect(problem.status).toBe(504);
  });

  it("passes the caller's abort on to Glance at once", async () => {
    let upstreamAborted = false;
    stubFetch(
      ({ init }) =>
        new Promise<Response>((_, reject) => {
          init!.signal!.addEventListener("abort", () => {
            upstreamAborted = true;
            reject(init!.signal!.reason);
          });
        }),
    );
    const caller = new AbortController();
    const upload = problemFrom(client().uploadImageData(ID, lazyBody(1, 4).stream, 4, caller.signal));
    caller.abort();
    await upload;
    expect(upstreamAborted).toBe(true);
  });

  it("aborts Glance's call when the body fails mid-way (a client that hangs up): a chunked upload never ends as if complete", async () => {
    // workerd ends a chunked request body cleanly when the stream feeding it is aborted, and Glance then
    // keeps the bytes it got as the whole image; only aborting the call itself resets the connection.
    let upstreamAborted = false;
    stubFetch(
      ({ request, init }) =>
        new Promise<Response>((resolve, reject) => {
          init!.signal!.addEventListener("abort", () => {
            upstreamAborted = true;
            reject(init!.signal!.reason);
          });
          const answer = () => setTimeout(() => resolve(new Response(null, { status: 204 })), 10);
          void new Response(request.body).arrayBuffer().then(answer, answer);
        }),
    );
    let pulled = 0;
    const hangsUp = new ReadableStream<Uint8Array>({
      pull: (controller) =>
        pulled++ < 2
          ? controller.enqueue(new Uint8Array(64 * 1024))
          : controller.error(new Error("Network connection lost.")),
    });
    const problem = await problemFrom(client().uploadImageData(ID, hangsUp));
    expect(upstreamAborted).toBe(true);
    expect([problem.status, problem.detail]).toEqual([
      502,
      "The request body broke off before Glance had all of it; the upload was aborted",
    ]);
  });

  it("downloads with the Range passed on, answering Glance's 206 with its body unread", async () => {
    const seen = stubFetch(
      () =>
        new Response("abcd", {
          status: 206,
          headers: { "content-range": "bytes 0-3/10", "content-length": "4", "content-md5": "x" },
        }),
    );
    const response = await client().downloadImageData(ID, { range: "bytes=0-3" });
    expect(seen[0].request.headers.get("range")).toBe("bytes=0-3");
    expect([seen[0].request.method, new URL(seen[0].request.url).pathname]).toEqual(["GET", `/v2/images/${ID}/file`]);
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 0-3/10");
    expect(await response.text()).toBe("abcd");
  });

  it("keeps Glance's 416 for a range it cannot satisfy, with Glance's message", async () => {
    stubFetch(
      () =>
        new Response(
          "<html><body><h1>416 Request Range Not Satisfiable</h1>Invalid start position in Range header.</body></html>",
          { status: 416, headers: { "content-type": "text/html" } },
        ),
    );
    const problem = await problemFrom(client().downloadImageData(ID, { range: "bytes=20-" }));
    expect([problem.status, problem.detail]).toEqual([416, "Invalid start position in Range header."]);
  });

  it("reads GET /v2/info/usage, and an empty document when Glance enforces no quotas", async () => {
    const usage = {
      usage: { image_size_total: { limit: 1000, usage: 10 }, image_stage_total: { limit: -1, usage: 0 } },
    };
    let seen = stubFetch(() => glanceJson(usage));
    expect(await client().usage()).toEqual(usage);
    expect(new URL(seen[0].request.url).pathname).toBe("/v2/info/usage");
    vi.restoreAllMocks();
    seen = stubFetch(() => glanceJson({}));
    expect(await client().usage()).toEqual({ usage: {} });
    expect(seen).toHaveLength(1);
  });
});

import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadsInFlight } from "../../src/cache/edge-cache";
import { MAX_DRAINED_BYTES } from "../../src/streams/discard";
import worker from "../../src/index";
import { ResourceTypeListSchema } from "../../src/routes/metadefs/metadefs.schemas";
import { GlanceVersionSchema } from "../../src/routes/version/version.schemas";
import { callApi, forgetCached, TOKEN } from "../support/call-api";
import { problemOf } from "../support/expect";
import { GLANCE, glanceError, glanceJson, KEYSTONE, type RecordedCall, stubUpstream } from "../support/glance-stub";

afterEach(() => vi.restoreAllMocks());

const IMAGE_ID = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";
const IMAGE_PATH = `/api/glance/images/${IMAGE_ID}/`;
const PROPERTIES_PATH = `/api/glance/images/${IMAGE_ID}/properties/`;
const RESOURCE_TYPES_PATH = "/api/glance/metadefs/resourcetypes/";
const RESOURCE_TYPES = [{ name: "OS::Glance::Image", created_at: "2015-08-21T16:49:43Z" }];
const MiB = 1024 * 1024;

const writes = (calls: RecordedCall[]) => calls.filter((call) => call.method !== "GET");

/** A request body streamed in chunks, with no Content-Length (as a chunked upload arrives). */
function streamOf(totalBytes: number, chunkBytes = 64 * 1024) {
  let sent = 0;
  let pulls = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      const chunk = new Uint8Array(size).fill(0x20);
      if (sent === 0) chunk[0] = 0x7b; // "{", so it starts like JSON and would parse far
      sent += size;
      pulls++;
      controller.enqueue(chunk);
    },
  });
  return { body, sentBytes: () => sent, pulls: () => pulls };
}

/** Calls the Worker with a raw Request (a streamed body, own headers) and waits for its waitUntil work. */
async function send(path: string, init: RequestInit & { duplex?: "half" }, vars: Record<string, string> = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has("x-auth-token")) headers.set("x-auth-token", TOKEN);
  const request = new Request(`https://edge.test${path}`, { ...init, headers, redirect: "manual" });
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    request as Request<unknown, IncomingRequestCfProperties>,
    { ...env, ...vars } as Env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

describe("bounded JSON bodies (MAX_JSON_BODY_BYTES)", () => {
  it("a Content-Length over the limit is a 413 problem with no Glance call, answered once the body has been read to its end and dropped", async () => {
    const stub = stubUpstream({});
    const upload = streamOf(3 * MiB);
    const response = await send(IMAGE_PATH, {
      method: "PATCH",
      headers: { "content-type": "application/json", "content-length": String(3 * MiB) },
      body: upload.body,
      duplex: "half",
    });
    const problem = await problemOf(response, 413);
    expect(problem.type).toBe("urn:glance-edge:problem:content-too-large");
    expect(problem.detail).toBe(
      `The JSON body is ${3 * MiB} bytes (Content-Length); at most 1048576 bytes are accepted (MAX_JSON_BODY_BYTES)`,
    );
    // Drained, not kept: a client still sending gets the 413 instead of a connection reset (bench/README.md).
    expect(upload.sentBytes()).toBe(3 * MiB);
    expect(stub.calls).toEqual([]);
  });

  it("a streamed body without a length is counted while read and cut at the limit: 413, the rest drained", async () => {
    const stub = stubUpstream({});
    const upload = streamOf(4 * MiB);
    const response = await send(IMAGE_PATH, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: upload.body,
      duplex: "half",
    });
    const problem = await problemOf(response, 413);
    expect(problem.detail).toBe(
      "The JSON body passed 1048576 bytes while it was read; at most 1048576 bytes are accepted (MAX_JSON_BODY_BYTES)",
    );
    expect(upload.sentBytes()).toBe(4 * MiB);
    expect(stub.calls).toEqual([]);
  });

  it(`drains at most ${MAX_DRAINED_BYTES / MiB} MiB: a longer streamed body is let go past it, a longer declared one is not read at all`, async () => {
    stubUpstream({});
    const streamed = streamOf(64 * MiB);
    const first = await send(IMAGE_PATH, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: streamed.body,
      duplex: "half",
    });
    await problemOf(first, 413);
    expect(streamed.sentBytes()).toBeGreaterThan(MAX_DRAINED_BYTES);
    expect(streamed.sentBytes()).toBeLessThan(MAX_DRAINED_BYTES + 2 * MiB);

    const declared = streamOf(64 * MiB);
    const second = await send(IMAGE_PATH, {
      method: "PATCH",
      headers: { "content-type": "application/json", "content-length": String(64 * MiB) },
      body: declared.body,
      duplex: "half",
    });
    await problemOf(second, 413);
    expect(declared.pulls()).toBeLessThanOrEqual(1);
  });

  it("drains the unread body of every other answer too: no token (401), no route (404), a wrong media type (415)", async () => {
    const stub = stubUpstream({});
    const cases: [string, string, Record<string, string>, number][] = [
      [
        `/api/glance/images/${IMAGE_ID}/file/`,
        "PUT",
        { "content-type": "application/octet-stream", "x-auth-token": "" },
        401,
      ],
      ["/api/glance/no-such-route/", "PUT", { "content-type": "application/octet-stream" }, 404],
      ["/api/glance/images/", "POST", { "content-type": "text/plain" }, 415],
      [`/api/glance/images/${IMAGE_ID}/file/`, "PUT", { "content-type": "text/plain" }, 415],
    ];
    for (const [path, method, headers, status] of cases) {
      const upload = streamOf(2 * MiB);
      const response = await send(path, { method, headers, body: upload.body, duplex: "half" });
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(upload.sentBytes(), `${method} ${path}`).toBe(2 * MiB);
    }
    expect(stub.calls).toEqual([]);
  });

  it("leaves an untouched body unread when the client waits for 100 Continue (it sends nothing more)", async () => {
    stubUpstream({});
    const upload = streamOf(2 * MiB);
    const response = await send(IMAGE_PATH, {
      method: "PATCH",
      headers: { "content-type": "application/json", "content-length": String(2 * MiB), expect: "100-continue" },
      body: upload.body,
      duplex: "half",
    });
    await problemOf(response, 413);
    expect(upload.pulls()).toBeLessThanOrEqual(1);
  });

  it("counts json-patch and other +json media types too, on every route with a body (properties, create)", async () => {
    const stub = stubUpstream({});
    for (const [method, path, contentType] of [
      ["PATCH", IMAGE_PATH, "application/json-patch+json"],
      ["PATCH", PROPERTIES_PATH, "application/json; charset=utf-8"],
      ["POST", "/api/glance/images/", "application/merge-patch+json"],
      ["PUT", "/api/glance/images/", "APPLICATION/JSON"],
    ]) {
      const upload = streamOf(3 * MiB);
      const response = await send(path, {
        method,
        headers: { "content-type": contentType },
        body: upload.body,
        duplex: "half",
      });
      expect(response.status, `${method} ${path} ${contentType}`).toBe(413);
    }
    expect(stub.calls).toEqual([]);
  });

  it("follows MAX_JSON_BODY_BYTES; a body at the limit reaches Glance whole, read once", async () => {
    const stub = stubUpstream({
      [`GET /v2/images/${IMAGE_ID}`]: glanceJson({
        id: IMAGE_ID,
        name: "old",
        status: "queued",
        visibility: "private",
        protected: false,
        tags: [],
      }),
      [`PATCH /v2/images/${IMAGE_ID}`]: glanceJson({
        id: IMAGE_ID,
        name: "n".repeat(200),
        status: "queued",
        visibility: "private",
        protected: false,
        tags: [],
      }),
    });
    const body = JSON.stringify({ name: "n".repeat(200), disk_format: "raw", visibility: "private", protected: false });
    const limit = String(new TextEncoder().encode(body).byteLength);
    const atLimit = await callApi(IMAGE_PATH, { method: "PATCH", body, vars: { MAX_JSON_BODY_BYTES: limit } });
    expect(atLimit.status).toBeLessThan(300);
    expect(writes(stub.calls)).toHaveLength(1);
    expect(JSON.stringify(writes(stub.calls)[0].body)).toContain("n".repeat(200));

    const over = await callApi(IMAGE_PATH, {
      method: "PATCH",
      body: JSON.stringify({ name: "n".repeat(201), disk_format: "raw", visibility: "private", protected: false }),
      vars: { MAX_JSON_BODY_BYTES: limit },
    });
    await problemOf(over, 413);
    expect(writes(stub.calls)).toHaveLength(1);
  });

  it("still answers malformed JSON and the __proto__ refusal from the text it read", async () => {
    const stub = stubUpstream({});
    expect((await problemOf(await callApi(IMAGE_PATH, { method: "PATCH", body: "{not json" }), 400)).type).toBe(
      "urn:glance-edge:problem:malformed-json",
    );
    const proto = await problemOf(await callApi(IMAGE_PATH, { method: "PATCH", body: '{"__proto__": {"x": 1}}' }), 400);
    expect(proto.errors?.map((error) => error.field)).toEqual(["__proto__"]);
    expect(stub.calls).toEqual([]);
  });

  it("never applies to a non-JSON body: a large octet-stream to a JSON route is that route's 415, not a 413", async () => {
    const stub = stubUpstream({});
    const upload = streamOf(3 * MiB);
    const response = await send("/api/glance/images/", {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: upload.body,
      duplex: "half",
    });
    expect((await problemOf(response)).status).not.toBe(413);
    expect(stub.calls).toEqual([]);
  });
});

describe("response headers", () => {
  beforeEach(async () => {
    await forgetCached("metadefs-resource-types-per-token", GLANCE, TOKEN);
    await forgetCached("glance-version", GLANCE);
  });

  const expectPrivate = (response: Response) => {
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("vary")?.split(/,\s*/)).toContain("X-Auth-Token");
  };

  it("every X-Auth-Token route answers Cache-Control: private, no-store and nosniff: successes, cache hits and problems", async () => {
    stubUpstream({
      [`GET /v2/images/${IMAGE_ID}`]: glanceJson({
        id: IMAGE_ID,
        name: "a",
        status: "queued",
        visibility: "private",
        protected: false,
        tags: [],
      }),
      "GET /v2/metadefs/resource_types": glanceJson({ resource_types: RESOURCE_TYPES }),
      "GET /v2/images/missing": glanceError(404, "Not Found", "No image found with ID missing"),
    });
    const image = await callApi(IMAGE_PATH);
    expect(image.status).toBe(200);
    expectPrivate(image);
    await callApi(RESOURCE_TYPES_PATH);
    const hit = await callApi(RESOURCE_TYPES_PATH);
    expect(hit.headers.get("cache-status")).toBe("glance-edge; hit");
    expectPrivate(hit);
    const missing = await callApi("/api/glance/images/missing/");
    await problemOf(missing, 404);
    expectPrivate(missing);
    const unauthenticated = await callApi(IMAGE_PATH, { token: null });
    await problemOf(unauthenticated, 401);
    expectPrivate(unauthenticated);
  });

  it("nosniff on every other answer too (404, 405, 413 problems, the OpenAPI document); the public version keeps its own caching", async () => {
    stubUpstream({ "GET /versions": glanceJson({ versions: [{ id: "v2.15", status: "CURRENT" }] }) });
    for (const [path, method] of [
      ["/api/glance/no-such-route/", "GET"],
      ["/api/glance/version/", "DELETE"],
      ["/api/glance/openapi.json", "GET"],
    ]) {
      const response = await callApi(path, { method, token: null });
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("cache-control") ?? "", path).not.toContain("private");
    }
    const version = await callApi("/api/glance/version/");
    GlanceVersionSchema.parse(await version.json());
    expect(version.headers.get("x-content-type-options")).toBe("nosniff");
    expect(version.headers.get("cache-control")).toBeNull();
    expect(version.headers.get("vary")).toBeNull();
  });

  it("with CORS configured, Vary: Origin on every answer, also to a request without Origin", async () => {
    stubUpstream({
      [`GET /v2/images/${IMAGE_ID}`]: glanceJson({
        id: IMAGE_ID,
        name: "a",
        status: "queued",
        visibility: "private",
        protected: false,
        tags: [],
      }),
    });
    const vars = { CORS_ALLOWED_ORIGINS: "https://horizon.example" };
    const plain = await callApi(IMAGE_PATH, { vars });
    expect(plain.headers.get("vary")?.split(/,\s*/).sort()).toEqual(["Origin", "X-Auth-Token"]);
    const withOrigin = await callApi(IMAGE_PATH, { vars, headers: { origin: "https://horizon.example" } });
    expect(withOrigin.headers.get("access-control-allow-origin")).toBe("https://horizon.example");
    expect(withOrigin.headers.get("vary")?.split(/,\s*/).sort()).toEqual(["Origin", "X-Auth-Token"]);
    const problem = await callApi("/api/glance/no-such-route/", { vars, token: null });
    expect(problem.headers.get("vary")).toBe("Origin");
  });
});

describe("one upstream call per cold cache key (single flight)", () => {
  beforeEach(async () => {
    await forgetCached("metadefs-resource-types-per-token", GLANCE, TOKEN);
    await forgetCached("metadefs-resource-types", GLANCE);
    await forgetCached("token-lookup", KEYSTONE, "public", TOKEN);
    await forgetCached("glance-version", GLANCE);
  });

  // The stub answers after a pause, so that every concurrent request has missed the cache before the first answer lands.
  const slowly = (answer: () => Response) => async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    return answer();
  };

  it("40 concurrent cold resource-type requests make one Glance call and all get the list", async () => {
    const stub = stubUpstream({
      "GET /v2/metadefs/resource_types": slowly(() => glanceJson({ resource_types: RESOURCE_TYPES })),
    });
    const responses = await Promise.all(Array.from({ length: 40 }, () => callApi(RESOURCE_TYPES_PATH)));
    for (const response of responses)
      expect(ResourceTypeListSchema.parse(await response.json()).items).toEqual(RESOURCE_TYPES);
    expect(stub.calls).toHaveLength(1);
    const statuses = responses.map((response) => response.headers.get("cache-status"));
    expect(statuses.filter((status) => status === "glance-edge; fwd=miss; stored")).toHaveLength(1);
    expect(statuses.filter((status) => status === "glance-edge; fwd=miss; detail=collapsed")).toHaveLength(39);
    expect(loadsInFlight()).toBe(0);
  });

  it("with KEYSTONE_URL: one Keystone token check and one Glance call for 40 concurrent requests", async () => {
    const stub = stubUpstream({
      [`GET ${KEYSTONE}/v3/auth/tokens`]: slowly(() =>
        glanceJson({
          token: {
            expires_at: new Date(Date.now() + 3_600_000).toISOString(),
            project: { id: "p1" },
            roles: [{ name: "member" }],
          },
        }),
      ),
      "GET /v2/metadefs/resource_types": slowly(() => glanceJson({ resource_types: RESOURCE_TYPES })),
    });
    const responses = await Promise.all(
      Array.from({ length: 40 }, () => callApi(RESOURCE_TYPES_PATH, { vars: { KEYSTONE_URL: KEYSTONE } })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(40).fill(200));
    expect(stub.calls.map((call) => `${call.url.origin} ${call.path}`).sort()).toEqual([
      `${GLANCE} /v2/metadefs/resource_types`,
      `${KEYSTONE} /v3/auth/tokens`,
    ]);
  });

  it("a Keystone refusal reaches every waiter as a 401 and is not remembered", async () => {
    const stub = stubUpstream({
      [`GET ${KEYSTONE}/v3/auth/tokens`]: slowly(() =>
        glanceJson({ error: { code: 404, title: "Not Found", message: "The token could not be found" } }, 404),
      ),
    });
    const vars = { KEYSTONE_URL: KEYSTONE };
    const responses = await Promise.all(Array.from({ length: 10 }, () => callApi(RESOURCE_TYPES_PATH, { vars })));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(401));
    expect(stub.calls).toHaveLength(1);
    await problemOf(await callApi(RESOURCE_TYPES_PATH, { vars }), 401);
    expect(stub.calls).toHaveLength(2);
  });

  it("the first caller hanging up leaves no waiter stuck: Glance answers /versions in 5 s, the first client goes after 1 s, the next three get 200", async () => {
    // Real invocations (exports.default), so that the first one's hang-up ends it as it would in production:
    // the delay is a timer of that invocation, which the runtime drops with it unless the load is under waitUntil.
    const stub = stubUpstream({
      "GET /versions": () =>
        new Promise((resolve) =>
          setTimeout(() => resolve(glanceJson({ versions: [{ id: "v2.15", status: "CURRENT" }] })), 5_000),
        ),
    });
    const url = "https://edge.test/api/glance/version/";
    const hangUp = new AbortController();
    const first = exports.default.fetch(url, { signal: hangUp.signal }).catch((error: unknown) => error);
    await vi.waitFor(() => expect(stub.calls).toHaveLength(1));
    const next = Array.from({ length: 3 }, () => exports.default.fetch(url));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    hangUp.abort();
    expect(await first).toBeInstanceOf(Error);
    const answers = await Promise.all(next);
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200]);
    for (const answer of answers) {
      expect(GlanceVersionSchema.parse(await answer.json())).toEqual({ version: "2", current_version: "2.15" });
      expect(answer.headers.get("cache-status")).toBe("glance-edge; fwd=miss; detail=collapsed");
    }
    expect(stub.calls).toHaveLength(1);
    await vi.waitFor(() => expect(loadsInFlight()).toBe(0));
  }, 20_000);

  it("a Glance 403 of the leading caller's token is not handed to the callers that waited", async () => {
    const leaderToken = "gAAAAABleader-token-refused-by-glance-policy";
    await forgetCached("token-lookup", KEYSTONE, "public", leaderToken);
    const stub = stubUpstream({
      [`GET ${KEYSTONE}/v3/auth/tokens`]: () =>
        glanceJson({
          token: {
            expires_at: new Date(Date.now() + 3_600_000).toISOString(),
            project: { id: "p1" },
            roles: [{ name: "member" }],
          },
        }),
      "GET /v2/metadefs/resource_types": async (call) => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return call.headers["x-auth-token"] === leaderToken
          ? glanceError(403, "Forbidden", "You are not authorized to complete get_metadef_resource_types action.")
          : glanceJson({ resource_types: RESOURCE_TYPES });
      },
    });
    const glanceCalls = () => stub.calls.filter((call) => call.path === "/v2/metadefs/resource_types");
    const vars = { KEYSTONE_URL: KEYSTONE };
    const leader = callApi(RESOURCE_TYPES_PATH, { vars, token: leaderToken });
    await vi.waitFor(() => expect(glanceCalls()).toHaveLength(1));
    const waiters = Array.from({ length: 3 }, () => callApi(RESOURCE_TYPES_PATH, { vars }));
    expect((await leader).status).toBe(403);
    const answers = await Promise.all(waiters);
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200]);
    // The leader's load, then one load of the waiters' own, shared among them.
    expect(glanceCalls().map((call) => call.headers["x-auth-token"])).toEqual([leaderToken, TOKEN]);
  });

  it("a failing load is shared with its waiters, never cached: the next request asks again", async () => {
    let fail = true;
    const stub = stubUpstream({
      "GET /versions": slowly(() =>
        fail
          ? new Response("<html>boom</html>", { status: 500 })
          : glanceJson({ versions: [{ id: "v2.15", status: "CURRENT" }] }),
      ),
    });
    const failed = await Promise.all(
      Array.from({ length: 20 }, () => callApi("/api/glance/version/", { token: null })),
    );
    expect(failed.map((response) => response.status)).toEqual(Array(20).fill(502));
    expect(stub.calls).toHaveLength(1);
    fail = false;
    const ok = await Promise.all(Array.from({ length: 20 }, () => callApi("/api/glance/version/", { token: null })));
    expect(ok.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(stub.calls).toHaveLength(2);
    expect(loadsInFlight()).toBe(0);
  });

  it("public namespace details: concurrent lists share one detail call per namespace", async () => {
    const summary = {
      namespace: "OS::Compute::Watchdog",
      visibility: "public",
      updated_at: "2026-11-26T22:06:49Z",
      resource_type_associations: [],
    };
    const stub = stubUpstream({
      "GET /v2/metadefs/namespaces": () => glanceJson({ namespaces: [summary] }),
      "GET /v2/metadefs/namespaces/OS%3A%3ACompute%3A%3AWatchdog": slowly(() =>
        glanceJson({ ...summary, properties: {} }),
      ),
    });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        callApi("/api/glance/metadefs/namespaces/", {
          vars: { PUBLIC_NAMESPACE_CACHE_TTL: "60" },
          headers: { "x-request-id": crypto.randomUUID() },
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(stub.calls.filter((call) => call.path.startsWith("/v2/metadefs/namespaces/"))).toHaveLength(1);
    expect(stub.calls.filter((call) => call.path === "/v2/metadefs/namespaces")).toHaveLength(10);
  });
});

describe("bounded upstream answers (MAX_UPSTREAM_JSON_BYTES)", () => {
  it("a Glance answer whose Content-Length passes the limit is a 502, not read", async () => {
    stubUpstream({ [`GET /v2/images/${IMAGE_ID}`]: glanceJson({ id: IMAGE_ID, name: "x".repeat(2048) }) });
    const problem = await problemOf(await callApi(IMAGE_PATH, { vars: { MAX_UPSTREAM_JSON_BYTES: "1024" } }), 502);
    expect(problem.detail).toBe("Glance answered 200 with more than 1024 bytes (MAX_UPSTREAM_JSON_BYTES)");
    expect(problem.upstream_status).toBe(200);
  });

  it("a streamed answer without a length is cut at the limit: 502, the rest never pulled", async () => {
    let pulled = 0;
    stubUpstream({
      [`GET /v2/images/${IMAGE_ID}`]: () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulled += 64 * 1024;
              if (pulled > 64 * MiB) return controller.close();
              controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
            },
          }),
          { headers: { "content-type": "application/json" } },
        ),
    });
    const problem = await problemOf(await callApi(IMAGE_PATH, { vars: { MAX_UPSTREAM_JSON_BYTES: String(MiB) } }), 502);
    expect(problem.detail).toBe(`Glance answered 200 with more than ${MiB} bytes (MAX_UPSTREAM_JSON_BYTES)`);
    expect(pulled).toBeLessThan(3 * MiB);
  });

  it("a Keystone answer over the limit is a 502 naming Keystone", async () => {
    await forgetCached("token-lookup", KEYSTONE, "public", TOKEN);
    await forgetCached("metadefs-resource-types", GLANCE);
    stubUpstream({ [`GET ${KEYSTONE}/v3/auth/tokens`]: glanceJson({ token: { padding: "x".repeat(4096) } }) });
    const problem = await problemOf(
      await callApi(RESOURCE_TYPES_PATH, { vars: { KEYSTONE_URL: KEYSTONE, MAX_UPSTREAM_JSON_BYTES: "1024" } }),
      502,
    );
    expect(problem.detail).toMatch(/^Keystone answered 200 with more than 1024 bytes/);
  });
});

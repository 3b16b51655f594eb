import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { callApi, forgetCached } from "../support/call-api";
import { GLANCE, glanceJson, stubUpstream } from "../support/glance-stub";
import { problemOf } from "../support/expect";

const VERSIONS = { versions: [{ id: "v2.15", status: "CURRENT" }] };

beforeEach(async () => {
  await forgetCached("glance-version", GLANCE);
});
afterEach(() => vi.restoreAllMocks());

describe("routing", () => {
  it("answers an unknown path with a 404 problem and no upstream call", async () => {
    const stub = stubUpstream({});
    const response = await callApi("/api/glance/nothing-here/");
    expect(response.status).toBe(404);
    const body = await problemOf(response);
    expect(body).toMatchObject({
      type: "urn:glance-edge:problem:not-found",
      status: 404,
      instance: "/api/glance/nothing-here/",
    });
    expect(body.request_id).toBe(response.headers.get("x-request-id"));
    expect(stub.calls).toEqual([]);
  });

  it("answers a wrong method with 405 and an Allow header", async () => {
    const stub = stubUpstream({});
    const response = await callApi("/api/glance/version/", { method: "POST", body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect((await problemOf(response)).type).toBe("urn:glance-edge:problem:method-not-allowed");
    expect(stub.calls).toEqual([]);
  });

  it("answers OPTIONS without CORS with 204 and the Allow header", async () => {
    const response = await callApi("/api/glance/version/", { method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("redirects the slashless form with 308 (method and body kept), query included", async () => {
    const stub = stubUpstream({});
    const response = await callApi("/api/glance/version?x=1", { method: "GET" });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/api/glance/version/?x=1");
    expect(stub.calls).toEqual([]);
  });

  it.each([
    ["an encoded CR LF", "/api/glance/images/x%0D%0Ay", "/api/glance/images/x%0D%0Ay/"],
    [
      "an encoded space (and one in the query)",
      "/api/glance/images/a%20b?name=a%20b",
      "/api/glance/images/a%20b/?name=a%20b",
    ],
    ["an encoded NUL and DEL", "/api/glance/images/%00%7F/properties", "/api/glance/images/%00%7F/properties/"],
    ["an encoded slash", "/api/glance/images/a%2Fb", "/api/glance/images/a%2Fb/"],
  ])("builds the slashless 308's Location from the raw path: %s stays encoded", async (_name, path, location) => {
    const stub = stubUpstream({});
    const response = await callApi(path, { method: "GET" });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(location);
    expect(stub.calls).toEqual([]);
  });

  it("serves HEAD through the GET handler with no body", async () => {
    stubUpstream({ "GET /versions": glanceJson(VERSIONS) });
    const response = await callApi("/api/glance/version/", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it("serves its own OpenAPI 3.1 document", async () => {
    const response = await callApi("/api/glance/openapi.json", { token: null });
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/glance/version/");
  });
});

describe("request ids", () => {
  it("echoes a caller's X-Request-Id and forwards a req-<uuid> global id to Glance", async () => {
    const stub = stubUpstream({ "GET /versions": glanceJson(VERSIONS) });
    const id = "0b7f0a5e-2f0c-4c0e-8f0a-2f3d7c1e9b10";
    const response = await callApi("/api/glance/version/", { headers: { "x-request-id": id } });
    expect(response.headers.get("x-request-id")).toBe(id);
    expect(stub.calls[0].headers["x-openstack-request-id"]).toBe(`req-${id}`);
  });

  it("replaces an unsafe X-Request-Id instead of echoing it", async () => {
    stubUpstream({ "GET /versions": glanceJson(VERSIONS) });
    const response = await callApi("/api/glance/version/", { headers: { "x-request-id": "bad id\twith spaces" } });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps a non-uuid caller id for the response and sends Glance a fresh req-<uuid>", async () => {
    const stub = stubUpstream({ "GET /versions": glanceJson(VERSIONS) });
    const response = await callApi("/api/glance/version/", { headers: { "x-request-id": "trace-42" } });
    expect(response.headers.get("x-request-id")).toBe("trace-42");
    expect(stub.calls[0].headers["x-openstack-request-id"]).toMatch(
      /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });
});

describe("upstream failures", () => {
  it("maps a Glance 5xx to 502 carrying Glance's status and request id, never the internal URL", async () => {
    stubUpstream({
      "GET /versions": new Response("<html><body><h1>503 Service Unavailable</h1>down for maintenance</body></html>", {
        status: 503,
        headers: { "content-type": "text/html", "x-openstack-request-id": "req-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee" },
      }),
    });
    const response = await callApi("/api/glance/version/");
    expect(response.status).toBe(502);
    const text = await response.clone().text();
    expect(text).not.toContain("glance.test");
    const body = await problemOf(response);
    expect(body).toMatchObject({
      type: "urn:glance-edge:problem:bad-gateway",
      upstream_status: 503,
      upstream_request_id: "req-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
    });
    expect(body.detail).toBe("Glance failed with 503: down for maintenance");
  });

  it("keeps the internal address out of a proxy's error page", async () => {
    stubUpstream({
      "GET /versions": new Response(
        "<h1>502 Bad Gateway</h1>upstream http://glance.test:9292 refused; tried glance.test:9292",
        { status: 502 },
      ),
    });
    const response = await callApi("/api/glance/version/");
    const text = await response.text();
    expect(response.status).toBe(502);
    expect(text).not.toContain("glance.test");
    expect(text).toContain("[redacted]");
  });

  it("retries a GET once after a 503 and then succeeds", async () => {
    let calls = 0;
    const stub = stubUpstream({
      "GET /versions": () => (calls++ === 0 ? new Response("busy", { status: 503 }) : glanceJson(VERSIONS)),
    });
    const response = await callApi("/api/glance/version/");
    expect(response.status).toBe(200);
    expect(stub.calls).toHaveLength(2);
  });

  it("maps a connection failure to 502 without naming the upstream", async () => {
    vi.spyOn(globalThis, "fetch").mockRejectedValue(
      new TypeError("Network connection lost to http://glance.test:9292/versions"),
    );
    const response = await callApi("/api/glance/version/");
    expect(response.status).toBe(502);
    const body = await problemOf(response);
    expect(body.detail).toBe("Glance could not be reached");
    expect(JSON.stringify(body)).not.toContain("glance.test");
  });

  it("maps a timeout to 504", async () => {
    vi.spyOn(globalThis, "fetch").mockImplementation(
      (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
        }),
    );
    const response = await callApi("/api/glance/version/", { vars: { GLANCE_TIMEOUT_MS: "30" } });
    expect(response.status).toBe(504);
    expect((await problemOf(response)).detail).toBe("Glance did not answer within 30 ms");
  });

  it("maps an answer that is not JSON to 502", async () => {
    stubUpstream({ "GET /versions": new Response("<html>hello</html>", { status: 200 }) });
    const response = await callApi("/api/glance/version/");
    expect(response.status).toBe(502);
    expect((await problemOf(response)).detail).toMatch(/not JSON/);
  });
});

describe("configuration", () => {
  it("answers a 500 problem naming a missing GLANCE_URL, and calls nothing", async () => {
    const stub = stubUpstream({});
    const response = await callApi("/api/glance/version/", { vars: { GLANCE_URL: "" } });
    expect(response.status).toBe(500);
    const body = await problemOf(response);
    expect(body.type).toBe("urn:glance-edge:problem:configuration-error");
    expect(body.detail).toContain("GLANCE_URL");
    expect(stub.calls).toEqual([]);
  });

  it("names every bad variable", async () => {
    const response = await callApi("/api/glance/version/", {
      vars: { API_RESULT_PAGE_SIZE: "ten", GLANCE_TIMEOUT_MS: "-1" },
    });
    expect(response.status).toBe(500);
    const { detail } = await problemOf(response);
    expect(detail).toContain("API_RESULT_PAGE_SIZE");
    expect(detail).toContain("GLANCE_TIMEOUT_MS");
  });
});

describe("CORS", () => {
  it("allows a configured origin and exposes the request id", async () => {
    stubUpstream({ "GET /versions": glanceJson(VERSIONS) });
    const response = await callApi("/api/glance/version/", {
      headers: { origin: "https://ui.example" },
      vars: { CORS_ALLOWED_ORIGINS: "https://ui.example, https://other.example" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("https://ui.example");
    expect(response.headers.get("access-control-expose-headers")).toContain("X-Request-Id");
  });

  it("lets a browser send an upload's digest headers and read the digests and format it is answered", async () => {
    const preflight = await callApi("/api/glance/images/x/file/", {
      method: "OPTIONS",
      headers: {
        origin: "https://ui.example",
        "access-control-request-method": "PUT",
        "access-control-request-headers": "repr-digest,content-digest,content-md5",
      },
      vars: { CORS_ALLOWED_ORIGINS: "https://ui.example" },
    });
    const allowed = preflight.headers.get("access-control-allow-headers")?.split(/,\s*/) ?? [];
    expect(allowed).toEqual(expect.arrayContaining(["Repr-Digest", "Content-Digest", "Content-MD5"]));
    stubUpstream({ "GET /versions": glanceJson(VERSIONS) });
    const answer = await callApi("/api/glance/version/", {
      headers: { origin: "https://ui.example" },
      vars: { CORS_ALLOWED_ORIGINS: "https://ui.example" },
    });
    const exposed = answer.headers.get("access-control-expose-headers")?.split(/,\s*/) ?? [];
    expect(exposed).toEqual(expect.arrayContaining(["Repr-Digest", "Want-Repr-Digest", "X-Image-Format"]));
  });

  it("answers a preflight for a configured origin", async () => {
    const response = await callApi("/api/glance/version/", {
      method: "OPTIONS",
      headers: { origin: "https://ui.example", "access-control-request-method": "GET" },
      vars: { CORS_ALLOWED_ORIGINS: "https://ui.example" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-headers")).toContain("X-Auth-Token");
  });

  it("gives no CORS grant to another origin", async () => {
    stubUpstream({ "GET /versions": glanceJson(VERSIONS) });
    const response = await callApi("/api/glance/version/", {
      headers: { origin: "https://evil.example" },
      vars: { CORS_ALLOWED_ORIGINS: "https://ui.example" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

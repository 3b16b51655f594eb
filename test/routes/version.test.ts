import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GlanceVersionSchema } from "../../src/routes/version/version.schemas";
import { ProblemSchema } from "../../src/lib/problem";
import { callApi, forgetCached } from "../support/call-api";
import { GLANCE, glanceJson, stubUpstream } from "../support/glance-stub";

const VERSIONS = {
  versions: [
    { id: "v2.15", status: "CURRENT", links: [{ rel: "self", href: "http://127.0.0.1:9292/v2/" }] },
    { id: "v2.9", status: "SUPPORTED", links: [] },
    { id: "v2.0", status: "SUPPORTED", links: [] },
  ],
};

beforeEach(async () => {
  await forgetCached("glance-version", GLANCE);
});
afterEach(() => vi.restoreAllMocks());

describe("GET /api/glance/version/", () => {
  it("answers Horizon's string major version and the current minor from GET /versions, without a token", async () => {
    const stub = stubUpstream({ "GET /versions": glanceJson(VERSIONS) });
    const response = await callApi("/api/glance/version/", { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(GlanceVersionSchema.parse(await response.json())).toEqual({ version: "2", current_version: "2.15" });
    expect(stub.calls).toHaveLength(1);
    expect(stub.calls[0].method).toBe("GET");
    expect(stub.calls[0].headers["x-auth-token"]).toBeUndefined();
    expect(stub.calls[0].headers.accept).toBe("application/json");
    expect(stub.calls[0].headers["x-openstack-request-id"]).toMatch(/^req-[0-9a-f-]{36}$/);
  });

  it("falls back to GET / when /versions is missing, accepting Glance's 300", async () => {
    const stub = stubUpstream({
      "GET /versions": glanceJson({ message: "nope" }, 404),
      "GET /": glanceJson({ versions: [{ id: "v2.16", status: "CURRENT" }] }, 300),
    });
    const response = await callApi("/api/glance/version/");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ version: "2", current_version: "2.16" });
    expect(stub.calls.map((c) => c.path)).toEqual(["/versions", "/"]);
  });

  it("serves the second call from the edge cache with no second upstream call", async () => {
    const stub = stubUpstream({ "GET /versions": glanceJson(VERSIONS) });
    const first = await callApi("/api/glance/version/");
    expect(first.headers.get("cache-status")).toBe("glance-edge; fwd=miss; stored");
    const second = await callApi("/api/glance/version/");
    expect(second.status).toBe(200);
    expect(second.headers.get("cache-status")).toBe("glance-edge; hit");
    expect(await second.json()).toEqual({ version: "2", current_version: "2.15" });
    expect(stub.calls).toHaveLength(1);
  });

  it("serves a stale entry and refreshes it once in the background", async () => {
    const stub = stubUpstream({ "GET /versions": glanceJson(VERSIONS) });
    // TTL 0 would bypass the cache; 1 s fresh then 60 s stale, with the clock moved by Date mocking.
    await callApi("/api/glance/version/", { vars: { VERSION_CACHE_TTL: "1" } });
    const realNow = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(realNow + 5_000);
    const stale = await callApi("/api/glance/version/", { vars: { VERSION_CACHE_TTL: "1" } });
    expect(stale.headers.get("cache-status")).toBe("glance-edge; hit; detail=stale-while-revalidate");
    expect(stub.calls).toHaveLength(2); // the background refresh
    const refreshed = await callApi("/api/glance/version/", { vars: { VERSION_CACHE_TTL: "1" } });
    expect(refreshed.headers.get("cache-status")).toBe("glance-edge; hit");
    expect(stub.calls).toHaveLength(2);
  });

  it("never caches an error", async () => {
    let failures = 1;
    const stub = stubUpstream({
      "GET /versions": () => (failures-- > 0 ? new Response("boom", { status: 500 }) : glanceJson(VERSIONS)),
    });
    const failed = await callApi("/api/glance/version/");
    expect(failed.status).toBe(502);
    const body = ProblemSchema.parse(await failed.json());
    expect(body.upstream_status).toBe(500);
    const next = await callApi("/api/glance/version/");
    expect(next.status).toBe(200);
    expect(next.headers.get("cache-status")).toBe("glance-edge; fwd=miss; stored");
    // a 500 is not retried (only network failures and 502/503/504 are), so one call each
    expect(stub.calls).toHaveLength(2);
  });

  it("answers 502 when Glance's document has no CURRENT version, and caches nothing", async () => {
    const stub = stubUpstream({ "GET /versions": glanceJson({ versions: [{ id: "v2.1", status: "SUPPORTED" }] }) });
    expect((await callApi("/api/glance/version/")).status).toBe(502);
    expect((await callApi("/api/glance/version/")).status).toBe(502);
    expect(stub.calls).toHaveLength(2);
  });

  it("refuses a query parameter with a 400 naming it, before any call to Glance", async () => {
    const stub = stubUpstream({ "GET /versions": glanceJson(VERSIONS) });
    const response = await callApi("/api/glance/version/?refresh=1", { token: null });
    expect(response.status).toBe(400);
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.type).toBe("urn:glance-edge:problem:validation-error");
    expect(problem.errors).toEqual([
      expect.objectContaining({ location: "query", message: expect.stringContaining("refresh") }),
    ]);
    expect(stub.calls).toHaveLength(0);
  });
});

describe("Server-Timing", () => {
  it("names the Glance call of a miss and only the cache outcome of a hit", async () => {
    stubUpstream({ "GET /versions": glanceJson(VERSIONS) });
    const miss = await callApi("/api/glance/version/");
    expect(miss.headers.get("server-timing")).toMatch(
      /^app;dur=[\d.]+, glance;dur=[\d.]+;desc="1 call", cache;desc=miss$/,
    );
    const hit = await callApi("/api/glance/version/");
    expect(hit.headers.get("server-timing")).toMatch(/^app;dur=[\d.]+, cache;desc=hit$/);
  });

  it("counts every attempt, retries included, and is on problem answers too", async () => {
    stubUpstream({ "GET /versions": new Response("down", { status: 503 }) });
    const response = await callApi("/api/glance/version/");
    expect(response.status).toBe(502);
    expect(response.headers.get("server-timing")).toMatch(/^app;dur=[\d.]+, glance;dur=[\d.]+;desc="2 calls"$/);
  });
});

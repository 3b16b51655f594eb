import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProblemCode, ProblemSchema, problemType } from "../../src/lib/problem";
import { GlanceVersionSchema } from "../../src/routes/version/version.schemas";
import { api, glance } from "./support/http";
import { GLANCE_URL, KEYSTONE_URL } from "./support/stack";
import { type RunningWorker, startWorker } from "./support/worker";

// A bad token that has a token's shape, so it reaches Glance / Keystone and is refused there.
const BAD_TOKEN = "gAAAAABnot-a-real-token-0123456789abcdefghijklmnopqrstuvwxyz";

function expectProblem(
  response: { status: number; headers: Headers; body: unknown },
  status: number,
  code: ProblemCode,
) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const problem = ProblemSchema.parse(response.body);
  expect(problem.status).toBe(status);
  expect(problem.type).toBe(problemType(code));
  expect(problem.request_id).toBe(response.headers.get("x-request-id"));
  return problem;
}

describe("GET /api/glance/version/ against the real Glance", () => {
  // Its own worker, so this file sees the edge cache empty whatever ran before it.
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await startWorker({ GLANCE_URL, KEYSTONE_URL });
  });
  afterAll(async () => {
    await worker?.stop();
  });

  it("answers Glance's CURRENT version: a miss that is stored, then hits, without a token", async () => {
    const versions = await glance("/versions");
    const current = (versions.body as { versions: { id: string; status: string }[] }).versions.find(
      (v) => v.status === "CURRENT",
    );
    expect(current?.id).toMatch(/^v2\.\d+$/);

    const first = await api("/api/glance/version/", { as: null, baseUrl: worker.baseUrl });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-status")).toBe("glance-edge; fwd=miss; stored");
    expect(GlanceVersionSchema.parse(first.body)).toEqual({ version: "2", current_version: current?.id.slice(1) });

    // The entry is written in waitUntil after the first answer went out; poll until it is there.
    await expect
      .poll(
        async () =>
          (await api("/api/glance/version/", { as: null, baseUrl: worker.baseUrl })).headers.get("cache-status"),
        {
          timeout: 30_000,
          interval: 200,
        },
      )
      .toBe("glance-edge; hit");
    const hit = await api("/api/glance/version/", { as: null, baseUrl: worker.baseUrl });
    expect(hit.headers.get("cache-status")).toBe("glance-edge; hit");
    expect(GlanceVersionSchema.parse(hit.body)).toEqual(GlanceVersionSchema.parse(first.body));
  });
});

describe("error paths answer problem+json", () => {
  it("no token: 401 before any upstream call", async () => {
    const response = await api("/api/glance/images/", { as: null });
    const problem = expectProblem(response, 401, "unauthenticated");
    expect(problem.detail).toBe("X-Auth-Token header is required");
    expect(response.headers.get("www-authenticate")).toMatch(/^Keystone/);
  });

  it("a bad token: Glance's 401 passed through, its HTML residue cleaned", async () => {
    const response = await api("/api/glance/images/", { token: BAD_TOKEN });
    const problem = expectProblem(response, 401, "glance-error");
    expect(problem.upstream_status).toBe(401);
    expect(problem.detail).toMatch(/could not verify that you are authorized/);
    expect(problem.detail).not.toMatch(/<br|\n/);
    expect(response.text).not.toContain(BAD_TOKEN);
    expect(response.text).not.toContain(GLANCE_URL);
  });

  it("a bad token on resource types: refused by Keystone with 401", async () => {
    const response = await api("/api/glance/metadefs/resourcetypes/", { token: BAD_TOKEN });
    const problem = expectProblem(response, 401, "unauthenticated");
    expect(problem.detail).toMatch(/Keystone/);
    expect(response.text).not.toContain(BAD_TOKEN);
    expect(response.text).not.toContain(KEYSTONE_URL);
  });

  it("Glance's 404 for an unknown image, under the caller's request id, which Glance adopts", async () => {
    const requestId = randomUUID();
    const missing = randomUUID();
    const response = await api(`/api/glance/images/${missing}/`, { headers: { "x-request-id": requestId } });
    const problem = expectProblem(response, 404, "glance-error");
    expect(problem.detail).toBe(`No image found with ID ${missing}`);
    expect(problem.request_id).toBe(requestId);
    expect(problem.upstream_request_id).toBe(`req-${requestId}`);
    expect(problem.instance).toBe(`/api/glance/images/${missing}/`);
  });

  it("an unknown route: 404", async () => {
    const response = await api("/api/glance/nothing-here/");
    const problem = expectProblem(response, 404, "not-found");
    expect(problem.instance).toBe("/api/glance/nothing-here/");
  });

  it("a method the route lacks: 405 with Allow", async () => {
    const response = await api("/api/glance/version/", { method: "DELETE" });
    expectProblem(response, 405, "method-not-allowed");
    expect(response.headers.get("allow")).toMatch(/\bGET\b/);
  });

  it("a missing trailing slash: 308 to the slash form, query kept", async () => {
    const version = await api("/api/glance/version");
    expect(version.status).toBe(308);
    expect(version.headers.get("location")).toBe("/api/glance/version/");

    const list = await api("/api/glance/images?paginate=true&limit=2");
    expect(list.status).toBe(308);
    expect(list.headers.get("location")).toBe("/api/glance/images/?paginate=true&limit=2");

    const followed = await api(list.headers.get("location") ?? "");
    expect(followed.status).toBe(200);
  });
});

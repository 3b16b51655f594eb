import { afterEach, describe, expect, it, vi } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { callApi, TOKEN } from "../support/call-api";
import { glanceJson, stubUpstream } from "../support/glance-stub";

const ABC = "abcabcab-0000-4000-8000-0000abcabcab";

afterEach(() => vi.restoreAllMocks());

function captureLogs() {
  const lines: string[] = [];
  for (const method of ["log", "warn", "error", "info", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  }
  return lines;
}

const AUTHENTICATED_ROUTES = [
  ["GET", "/api/glance/images/"],
  ["GET", `/api/glance/images/${ABC}/`],
  ["DELETE", `/api/glance/images/${ABC}/`],
  ["GET", `/api/glance/images/${ABC}/properties/`],
  ["GET", "/api/glance/metadefs/namespaces/"],
  ["GET", "/api/glance/metadefs/resourcetypes/"],
] as const;

describe("X-Auth-Token", () => {
  it.each(AUTHENTICATED_ROUTES)(
    "%s %s without a token is a 401 problem with no upstream call",
    async (method, path) => {
      const stub = stubUpstream({});
      const response = await callApi(path, { method, token: null });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Keystone/);
      expect(ProblemSchema.parse(await response.json()).type).toBe("urn:glance-edge:problem:unauthenticated");
      expect(stub.calls).toEqual([]);
    },
  );

  it("refuses a token with control characters or spaces without calling Glance", async () => {
    const stub = stubUpstream({});
    const response = await callApi("/api/glance/images/", { token: "abc def" });
    expect(response.status).toBe(401);
    expect(stub.calls).toEqual([]);
  });

  it("goes to Glance only as X-Auth-Token, with an allow-list of headers", async () => {
    const stub = stubUpstream({ [`GET /v2/images/${ABC}`]: glanceJson({ id: ABC }) });
    await callApi(`/api/glance/images/${ABC}/`, {
      headers: {
        cookie: "session=1",
        authorization: "Basic eA==",
        "x-forwarded-for": "10.0.0.1",
        "cf-connecting-ip": "1.2.3.4",
      },
    });
    expect(stub.calls).toHaveLength(1);
    expect(Object.keys(stub.calls[0].headers).sort()).toEqual([
      "accept",
      "user-agent",
      "x-auth-token",
      "x-openstack-request-id",
    ]);
    expect(stub.calls[0].headers["x-auth-token"]).toBe(TOKEN);
  });

  it("never appears in a log line or a response body, even when Glance fails", async () => {
    const lines = captureLogs();
    stubUpstream({ [`GET /v2/images/${ABC}`]: new Response(`token ${TOKEN} is broken`, { status: 500 }) });
    const response = await callApi(`/api/glance/images/${ABC}/`);
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(TOKEN);
    // Glance echoing the token back in its error text must not reach the caller either.
    expect(text).not.toContain(TOKEN);
  });
});

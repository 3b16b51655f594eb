import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { ResourceTypeListSchema } from "../../src/routes/metadefs/metadefs.schemas";
import { callApi, forgetCached, TOKEN } from "../support/call-api";
import { GLANCE, glanceError, glanceJson, KEYSTONE, type RecordedCall, stubUpstream } from "../support/glance-stub";
import { problemOf } from "../support/expect";

const PATH = "/api/glance/metadefs/resourcetypes/";
const LIST = "GET /v2/metadefs/resource_types";
const VALIDATE = `GET ${KEYSTONE}/v3/auth/tokens`;
const OTHER_TOKEN = "gAAAAABother-token-fedcba9876543210";
const BAD_TOKEN = "gAAAAABrevoked-token-00000000000000";
const TOKENS = [TOKEN, OTHER_TOKEN, BAD_TOKEN];

// As real Glance answers: some items without updated_at, others with it.
const RESOURCE_TYPES = [
  { name: "OS::Glance::Image", created_at: "2015-08-21T16:49:43Z", updated_at: "2015-08-21T16:49:43Z" },
  { name: "OS::Cinder::Volume", created_at: "2015-08-21T16:49:43Z", updated_at: "2015-08-21T16:49:43Z" },
  { name: "OS::Nova::Server", created_at: "2026-11-26T22:06:48Z" },
];
const glanceList = () => glanceJson({ resource_types: RESOURCE_TYPES });

const inKeystoneMode = { KEYSTONE_URL: KEYSTONE };
const HOUR = 3_600_000;

/** Keystone's answer to `GET /v3/auth/tokens` for a token that expires `inMs` from now. */
const tokenDocument = (inMs = HOUR) =>
  glanceJson({
    token: {
      expires_at: new Date(Date.now() + inMs).toISOString(),
      methods: ["password"],
      project: { id: "p1" },
      roles: [
        { id: "r1", name: "member" },
        { id: "r2", name: "reader" },
      ],
    },
  });
const keystoneRefusal = (status: 401 | 404) =>
  glanceJson(
    {
      error: {
        code: status,
        title: status === 404 ? "Not Found" : "Unauthorized",
        message: "The token could not be found",
      },
    },
    status,
  );

beforeEach(async () => {
  await forgetCached("metadefs-resource-types", GLANCE);
  for (const token of TOKENS) {
    await forgetCached("metadefs-resource-types-per-token", GLANCE, token);
    await forgetCached("token-lookup", KEYSTONE, "public", token);
  }
});
afterEach(() => vi.restoreAllMocks());

async function okBody(response: Response) {
  expect(response.status).toBe(200);
  return ResourceTypeListSchema.parse(await response.json());
}

const glanceCalls = (calls: RecordedCall[]) => calls.filter((call) => call.url.origin === GLANCE);
const keystoneCalls = (calls: RecordedCall[]) => calls.filter((call) => call.url.origin === KEYSTONE);

describe("GET /api/glance/metadefs/resourcetypes/", () => {
  describe("without KEYSTONE_URL (entries keyed by token)", () => {
    it("answers Glance's resource types as items, keeping the keys Glance gave (Horizon: a generator repr)", async () => {
      const stub = stubUpstream({ [LIST]: glanceList() });
      const response = await callApi(PATH);
      expect(await okBody(response)).toEqual({ items: RESOURCE_TYPES });
      expect(response.headers.get("cache-status")).toBe("glance-edge; fwd=miss; stored");
      expect(stub.calls.map((call) => [call.method, call.path, call.query, call.body])).toEqual([
        ["GET", "/v2/metadefs/resource_types", [], undefined],
      ]);
      expect(stub.calls[0].headers["x-auth-token"]).toBe(TOKEN);
    });

    it("serves the same token from the cache with zero Glance calls", async () => {
      const stub = stubUpstream({ [LIST]: glanceList() });
      await okBody(await callApi(PATH));
      const hit = await callApi(PATH);
      expect(hit.headers.get("cache-status")).toBe("glance-edge; hit");
      expect(await okBody(hit)).toEqual({ items: RESOURCE_TYPES });
      expect(stub.calls).toHaveLength(1);
    });

    it("misses the cache for a different token, which Glance then checks", async () => {
      const stub = stubUpstream({ [LIST]: glanceList() });
      await okBody(await callApi(PATH));
      const other = await callApi(PATH, { token: OTHER_TOKEN });
      expect(other.headers.get("cache-status")).toBe("glance-edge; fwd=miss; stored");
      expect(stub.calls.map((call) => call.headers["x-auth-token"])).toEqual([TOKEN, OTHER_TOKEN]);
    });

    it("passes Glance's 401 for a refused token through and caches nothing", async () => {
      let refuse = true;
      const stub = stubUpstream({
        [LIST]: (call) =>
          refuse && call.headers["x-auth-token"] === BAD_TOKEN
            ? glanceJson(
                {
                  error: {
                    code: 401,
                    title: "Unauthorized",
                    message: "The request you have made requires authentication.",
                  },
                },
                401,
              )
            : glanceList(),
      });
      await okBody(await callApi(PATH)); // another token's entry must not help
      const refused = await callApi(PATH, { token: BAD_TOKEN });
      expect(refused.status).toBe(401);
      expect((await problemOf(refused)).upstream_status).toBe(401);
      refuse = false;
      const accepted = await callApi(PATH, { token: BAD_TOKEN });
      expect(accepted.headers.get("cache-status")).toBe("glance-edge; fwd=miss; stored");
      expect(stub.calls.map((call) => call.headers["x-auth-token"])).toEqual([TOKEN, BAD_TOKEN, BAD_TOKEN]);
    });

    it("never caches a Glance failure", async () => {
      let failures = 1;
      const stub = stubUpstream({
        [LIST]: () =>
          failures-- > 0 ? glanceError(403, "Forbidden", "Access was denied to this resource.") : glanceList(),
      });
      const failed = await callApi(PATH);
      expect(failed.status).toBe(403);
      expect((await problemOf(failed)).detail).toBe("Access was denied to this resource.");
      const next = await callApi(PATH);
      expect(next.headers.get("cache-status")).toBe("glance-edge; fwd=miss; stored");
      expect(await okBody(next)).toEqual({ items: RESOURCE_TYPES });
      expect(stub.calls).toHaveLength(2);
    });

    it("never serves a per-token entry stale: past its TTL Glance judges the token again", async () => {
      const stub = stubUpstream({ [LIST]: glanceList() });
      const vars = { RESOURCE_TYPES_CACHE_TTL: "1" };
      await okBody(await callApi(PATH, { vars }));
      vi.spyOn(Date, "now").mockReturnValue(Date.now() + 5_000);
      const expired = await callApi(PATH, { vars });
      expect(expired.headers.get("cache-status")).toBe("glance-edge; fwd=miss; stored");
      expect(await okBody(expired)).toEqual({ items: RESOURCE_TYPES });
      expect(stub.calls).toHaveLength(2);
    });

    it("with the cache off, asks Glance every time and never Keystone", async () => {
      const stub = stubUpstream({ [LIST]: glanceList() });
      const vars = { ...inKeystoneMode, RESOURCE_TYPES_CACHE_TTL: "0" };
      const response = await callApi(PATH, { vars });
      expect(response.headers.get("cache-status")).toBe("glance-edge; fwd=bypass; detail=no-cache-api");
      await okBody(response);
      await okBody(await callApi(PATH, { vars }));
      expect(stub.calls.map((call) => call.path)).toEqual([
        "/v2/metadefs/resource_types",
        "/v2/metadefs/resource_types",
      ]);
    });
  });

  describe("with KEYSTONE_URL (one shared entry, token verdicts cached)", () => {
    it("validates the token with Keystone first, then reads Glance", async () => {
      const stub = stubUpstream({ [VALIDATE]: tokenDocument(), [LIST]: glanceList() });
      const response = await callApi(PATH, { vars: inKeystoneMode });
      expect(await okBody(response)).toEqual({ items: RESOURCE_TYPES });
      expect(stub.calls.map((call) => `${call.method} ${call.url.origin}${call.path}`)).toEqual([
        VALIDATE,
        `GET ${GLANCE}/v2/metadefs/resource_types`,
      ]);
      const [validation, list] = stub.calls;
      expect(validation.headers["x-auth-token"]).toBe(TOKEN);
      expect(validation.headers["x-subject-token"]).toBe(TOKEN);
      expect(list.headers["x-auth-token"]).toBe(TOKEN);
      expect(stub.unmatched).toEqual([]);
    });

    it("caches the verdict and the list: the same token again makes no Keystone and no Glance call", async () => {
      const stub = stubUpstream({ [VALIDATE]: tokenDocument(), [LIST]: glanceList() });
      await okBody(await callApi(PATH, { vars: inKeystoneMode }));
      const again = await callApi(PATH, { vars: inKeystoneMode });
      expect(again.headers.get("cache-status")).toBe("glance-edge; hit");
      expect(await okBody(again)).toEqual({ items: RESOURCE_TYPES });
      expect(stub.calls).toHaveLength(2);
    });

    it("refuses with 403, before Glance, a valid token without a project scope or a reader role, even when the list is cached", async () => {
      const unscoped = () =>
        glanceJson({
          token: { expires_at: new Date(Date.now() + HOUR).toISOString(), methods: ["password"], roles: [] },
        });
      const stub = stubUpstream({
        [VALIDATE]: (call) => (call.headers["x-subject-token"] === TOKEN ? tokenDocument() : unscoped()),
        [LIST]: glanceList(),
      });
      await okBody(await callApi(PATH, { vars: inKeystoneMode }));
      const refused = await callApi(PATH, { vars: inKeystoneMode, token: OTHER_TOKEN });
      expect(refused.status).toBe(403);
      expect(ProblemSchema.parse(await refused.json()).type).toBe("urn:glance-edge:problem:forbidden");
      expect(glanceCalls(stub.calls)).toHaveLength(1);
      // Keystone's answer for the token is reused (its roles do not change within TOKEN_VERDICT_TTL); the 403 is ours.
      expect((await callApi(PATH, { vars: inKeystoneMode, token: OTHER_TOKEN })).status).toBe(403);
      expect(keystoneCalls(stub.calls)).toHaveLength(2);
      expect(glanceCalls(stub.calls)).toHaveLength(1);
    });

    it("accepts an admin token without a project scope", async () => {
      const admin = glanceJson({
        token: { expires_at: new Date(Date.now() + HOUR).toISOString(), roles: [{ name: "admin" }] },
      });
      stubUpstream({ [VALIDATE]: admin, [LIST]: glanceList() });
      expect((await callApi(PATH, { vars: inKeystoneMode })).status).toBe(200);
    });

    it("serves the shared entry stale and refreshes it once in the background", async () => {
      const stub = stubUpstream({ [VALIDATE]: tokenDocument(), [LIST]: glanceList() });
      const vars = { ...inKeystoneMode, RESOURCE_TYPES_CACHE_TTL: "1" };
      await okBody(await callApi(PATH, { vars }));
      vi.spyOn(Date, "now").mockReturnValue(Date.now() + 5_000);
      const stale = await callApi(PATH, { vars });
      expect(stale.headers.get("cache-status")).toBe("glance-edge; hit; detail=stale-while-revalidate");
      expect(await okBody(stale)).toEqual({ items: RESOURCE_TYPES });
      expect(glanceCalls(stub.calls)).toHaveLength(2);
      const fresh = await callApi(PATH, { vars });
      expect(fresh.headers.get("cache-status")).toBe("glance-edge; hit");
      expect(glanceCalls(stub.calls)).toHaveLength(2);
    });

    it("serves another accepted token from the shared entry after Keystone accepts it", async () => {
      const stub = stubUpstream({ [VALIDATE]: tokenDocument(), [LIST]: glanceList() });
      await okBody(await callApi(PATH, { vars: inKeystoneMode }));
      const other = await callApi(PATH, { vars: inKeystoneMode, token: OTHER_TOKEN });
      expect(other.headers.get("cache-status")).toBe("glance-edge; hit");
      expect(keystoneCalls(stub.calls).map((call) => call.headers["x-subject-token"])).toEqual([TOKEN, OTHER_TOKEN]);
      expect(glanceCalls(stub.calls)).toHaveLength(1);
    });

    it.each([404, 401] as const)(
      "refuses a token Keystone answers %s for, with no Glance call, while the list is cached",
      async (status) => {
        const stub = stubUpstream({
          [VALIDATE]: (call) =>
            call.headers["x-subject-token"] === BAD_TOKEN ? keystoneRefusal(status) : tokenDocument(),
          [LIST]: glanceList(),
        });
        await okBody(await callApi(PATH, { vars: inKeystoneMode }));
        const refused = await callApi(PATH, { vars: inKeystoneMode, token: BAD_TOKEN });
        expect(refused.status).toBe(401);
        const problem = await problemOf(refused);
        expect(problem).toMatchObject({ type: "urn:glance-edge:problem:unauthenticated", upstream_status: status });
        expect(refused.headers.get("cache-status")).toBeNull();
        expect(glanceCalls(stub.calls)).toHaveLength(1);
        // a refusal is not remembered as a verdict either way: Keystone is asked again
        expect((await callApi(PATH, { vars: inKeystoneMode, token: BAD_TOKEN })).status).toBe(401);
        expect(keystoneCalls(stub.calls).map((call) => call.headers["x-subject-token"])).toEqual([
          TOKEN,
          BAD_TOKEN,
          BAD_TOKEN,
        ]);
      },
    );

    it("refuses a bad token on a cache miss too, before any Glance call", async () => {
      const stub = stubUpstream({ [VALIDATE]: keystoneRefusal(404), [LIST]: glanceList() });
      const refused = await callApi(PATH, { vars: inKeystoneMode, token: BAD_TOKEN });
      expect(refused.status).toBe(401);
      expect(glanceCalls(stub.calls)).toEqual([]);
    });

    it("does not trust a cached verdict past the token's expiry", async () => {
      let expired = false;
      const stub = stubUpstream({
        [VALIDATE]: () => (expired ? keystoneRefusal(404) : tokenDocument(30_000)),
        [LIST]: glanceList(),
      });
      const vars = { ...inKeystoneMode, TOKEN_VERDICT_TTL: "600" };
      await okBody(await callApi(PATH, { vars }));
      const realNow = Date.now();
      vi.spyOn(Date, "now").mockReturnValue(realNow + 10_000);
      expect((await callApi(PATH, { vars })).status).toBe(200); // verdict still good
      expect(keystoneCalls(stub.calls)).toHaveLength(1);
      vi.spyOn(Date, "now").mockReturnValue(realNow + 31_000);
      expired = true;
      const late = await callApi(PATH, { vars });
      expect(late.status).toBe(401);
      expect(keystoneCalls(stub.calls)).toHaveLength(2);
      expect(glanceCalls(stub.calls)).toHaveLength(1);
    });

    it("does not trust a cached verdict past TOKEN_VERDICT_TTL", async () => {
      const stub = stubUpstream({ [VALIDATE]: tokenDocument(), [LIST]: glanceList() });
      const vars = { ...inKeystoneMode, TOKEN_VERDICT_TTL: "60" };
      await okBody(await callApi(PATH, { vars }));
      const realNow = Date.now();
      vi.spyOn(Date, "now").mockReturnValue(realNow + 59_000);
      await okBody(await callApi(PATH, { vars }));
      expect(keystoneCalls(stub.calls)).toHaveLength(1);
      vi.spyOn(Date, "now").mockReturnValue(realNow + 61_000);
      await okBody(await callApi(PATH, { vars }));
      expect(keystoneCalls(stub.calls)).toHaveLength(2);
    });

    it("asks Keystone every time when TOKEN_VERDICT_TTL is 0", async () => {
      const stub = stubUpstream({ [VALIDATE]: tokenDocument(), [LIST]: glanceList() });
      const vars = { ...inKeystoneMode, TOKEN_VERDICT_TTL: "0" };
      await okBody(await callApi(PATH, { vars }));
      await okBody(await callApi(PATH, { vars }));
      expect(keystoneCalls(stub.calls)).toHaveLength(2);
      expect(glanceCalls(stub.calls)).toHaveLength(1);
    });

    it("answers 502, not Glance's refusal, when Keystone refuses the token check itself (e.g. 403)", async () => {
      const stub = stubUpstream({
        [VALIDATE]: () =>
          glanceJson({ error: { code: 403, title: "Forbidden", message: "You are not authorized" } }, 403),
        [LIST]: glanceList(),
      });
      const response = await callApi(PATH, { vars: inKeystoneMode });
      const problem = await problemOf(response, 502);
      expect(problem.type).toBe("urn:glance-edge:problem:bad-gateway");
      expect(problem.detail).toBe("Keystone refused the token check: You are not authorized");
      expect(glanceCalls(stub.calls)).toEqual([]);
    });

    it("caches neither a Keystone failure nor a Glance failure", async () => {
      let keystoneDown = true;
      let glanceDown = true;
      const stub = stubUpstream({
        [VALIDATE]: () => (keystoneDown ? new Response("down", { status: 500 }) : tokenDocument()),
        [LIST]: () => (glanceDown ? new Response("boom", { status: 500 }) : glanceList()),
      });
      const keystoneFailed = await callApi(PATH, { vars: inKeystoneMode });
      expect(keystoneFailed.status).toBe(502);
      expect((await problemOf(keystoneFailed)).detail).toMatch(/^Keystone failed with 500/);
      expect(glanceCalls(stub.calls)).toEqual([]);

      keystoneDown = false;
      const glanceFailed = await callApi(PATH, { vars: inKeystoneMode });
      expect(glanceFailed.status).toBe(502);
      expect((await problemOf(glanceFailed)).upstream_status).toBe(500);

      glanceDown = false;
      const recovered = await callApi(PATH, { vars: inKeystoneMode });
      expect(recovered.headers.get("cache-status")).toBe("glance-edge; fwd=miss; stored");
      expect(await okBody(recovered)).toEqual({ items: RESOURCE_TYPES });
      // the verdict from the second call was cached; the failed list was not
      expect(keystoneCalls(stub.calls)).toHaveLength(2);
      expect(glanceCalls(stub.calls)).toHaveLength(2);
    });
  });

  describe("security", () => {
    it("refuses a missing token with 401 and no upstream call, in either mode", async () => {
      const stub = stubUpstream({});
      expect((await callApi(PATH, { token: null })).status).toBe(401);
      expect((await callApi(PATH, { token: null, vars: inKeystoneMode })).status).toBe(401);
      expect(stub.calls).toEqual([]);
    });

    it("keeps the token out of the cache keys", async () => {
      const stub = stubUpstream({ [VALIDATE]: tokenDocument(), [LIST]: glanceList() });
      const put = vi.spyOn(caches.default, "put");
      await okBody(await callApi(PATH, { vars: inKeystoneMode }));
      await okBody(await callApi(PATH, { token: OTHER_TOKEN }));
      const keys = put.mock.calls.map(([request]) =>
        typeof request === "string" ? request : (request as Request).url,
      );
      expect(keys).toHaveLength(3); // verdict, shared list, per-token list
      for (const key of keys) {
        expect(key).not.toContain(TOKEN);
        expect(key).not.toContain(OTHER_TOKEN);
        expect(key).toMatch(/^https:\/\/edge-cache\.glance-edge\.internal\/v1\/[a-z-]+\/[0-9a-f]{64}$/);
      }
      expect(stub.calls).toHaveLength(3);
    });
  });
});

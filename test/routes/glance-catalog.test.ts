import { afterEach, describe, expect, it, vi } from "vitest";
import { ImageListSchema } from "../../src/routes/images/images.schemas";
import { RegionListSchema } from "../../src/routes/regions/regions.schemas";
import { GlanceVersionSchema } from "../../src/routes/version/version.schemas";
import { callApi, forgetCached } from "../support/call-api";
import { problemOf } from "../support/expect";
import { GLANCE, glanceJson, KEYSTONE, type RecordedCall, stubUpstream } from "../support/glance-stub";
import { glanceImage } from "../support/glance-image";

const GLANCE_TWO = "http://glance-two.test:9292";
const VALIDATE = `GET ${KEYSTONE}/v3/auth/tokens`;
const HOUR = 3_600_000;

/** Catalog mode: no GLANCE_URL, Glance comes from the token's catalog. */
const CATALOG = { GLANCE_URL: "", KEYSTONE_URL: KEYSTONE };

// Every test gets its own tokens, so catalog entries cached by an earlier test never answer for it.
let tokenCount = 0;
const freshToken = () => `gAAAAABcatalog-token-${Date.now()}-${++tokenCount}`;

type Endpoint = { interface: string; region_id?: string; region?: string; url: string };
const BOTH_REGIONS: Endpoint[] = [
  { interface: "public", region_id: "RegionOne", region: "RegionOne", url: GLANCE },
  { interface: "internal", region_id: "RegionOne", region: "RegionOne", url: "http://glance-internal.test:9292" },
  { interface: "public", region_id: "RegionTwo", region: "RegionTwo", url: `${GLANCE_TWO}/` },
];

/** Keystone's token document, catalog included, for a token that expires `inMs` from now. */
const tokenDocument = (imageEndpoints: Endpoint[] | null = BOTH_REGIONS, inMs = HOUR) =>
  glanceJson({
    token: {
      expires_at: new Date(Date.now() + inMs).toISOString(),
      methods: ["password"],
      project: { id: "p1" },
      roles: [{ id: "r1", name: "member" }],
      catalog: [
        {
          type: "identity",
          name: "keystone",
          endpoints: [{ interface: "public", region_id: "RegionOne", url: `${KEYSTONE}/v3` }],
        },
        ...(imageEndpoints ? [{ type: "image", name: "glance", endpoints: imageEndpoints }] : []),
      ],
    },
  });

const image = (id: string) => glanceImage({ id, name: id, status: "active" });
const listOf = (id: string) => glanceJson({ images: [image(id)], first: "/v2/images", schema: "/v2/schemas/images" });

/** Keystone and both Glances; each Glance answers with an image named after its region. */
function stubCloud(keystoneAnswer: () => Response = () => tokenDocument()) {
  return stubUpstream({
    [VALIDATE]: () => keystoneAnswer(),
    "GET /v2/images": listOf("image-of-region-one"),
    [`GET ${GLANCE_TWO}/v2/images`]: listOf("image-of-region-two"),
  });
}

const keystoneCalls = (calls: RecordedCall[]) => calls.filter((call) => call.url.origin === KEYSTONE);
const glanceCalls = (calls: RecordedCall[]) => calls.filter((call) => call.url.origin !== KEYSTONE);
const origins = (calls: RecordedCall[]) => glanceCalls(calls).map((call) => call.url.origin);

async function imageNames(response: Response) {
  expect(response.status).toBe(200);
  return ImageListSchema.parse(await response.json()).items.map((item) => item.name);
}

afterEach(() => vi.restoreAllMocks());

describe("Glance from the caller's Keystone catalog (GLANCE_URL empty)", () => {
  describe("choosing the region", () => {
    it("reads the token's own catalog and calls DEFAULT_REGION's public image endpoint with the caller's token", async () => {
      const token = freshToken();
      const stub = stubCloud();
      const response = await callApi("/api/glance/images/", {
        token,
        vars: { ...CATALOG, DEFAULT_REGION: "RegionOne" },
      });
      expect(await imageNames(response)).toEqual(["image-of-region-one"]);
      const [keystone] = keystoneCalls(stub.calls);
      expect(keystone.path).toBe("/v3/auth/tokens");
      expect(keystone.headers["x-auth-token"]).toBe(token);
      expect(keystone.headers["x-subject-token"]).toBe(token);
      expect(keystone.query).toEqual([]); // no nocatalog: the catalog is what is wanted
      expect(origins(stub.calls)).toEqual([GLANCE]);
      expect(glanceCalls(stub.calls)[0].headers["x-auth-token"]).toBe(token);
    });

    it("sends X-OpenStack-Region: RegionTwo to RegionTwo's Glance only", async () => {
      const stub = stubCloud();
      const response = await callApi("/api/glance/images/", {
        token: freshToken(),
        headers: { "x-openstack-region": "RegionTwo" },
        vars: { ...CATALOG, DEFAULT_REGION: "RegionOne" },
      });
      expect(await imageNames(response)).toEqual(["image-of-region-two"]);
      expect(origins(stub.calls)).toEqual([GLANCE_TWO]);
      expect(glanceCalls(stub.calls)[0].path).toBe("/v2/images");
    });

    it("takes ?region= the same way and never sends it to Glance as a property filter", async () => {
      const stub = stubCloud();
      const response = await callApi("/api/glance/images/?region=RegionTwo&os_distro=cirros", {
        token: freshToken(),
        vars: { ...CATALOG, DEFAULT_REGION: "RegionOne" },
      });
      expect(await imageNames(response)).toEqual(["image-of-region-two"]);
      const [call] = glanceCalls(stub.calls);
      expect(call.url.origin).toBe(GLANCE_TWO);
      expect(call.query.map(([key]) => key)).toContain("os_distro");
      expect(call.query.map(([key]) => key)).not.toContain("region");
    });

    it("accepts the header and the query key when they agree", async () => {
      const stub = stubCloud();
      const response = await callApi("/api/glance/images/?region=RegionTwo", {
        token: freshToken(),
        headers: { "x-openstack-region": "RegionTwo" },
        vars: CATALOG,
      });
      expect(await imageNames(response)).toEqual(["image-of-region-two"]);
      expect(origins(stub.calls)).toEqual([GLANCE_TWO]);
    });

    it("refuses a header and a query key that disagree with a 400 before any call", async () => {
      const stub = stubCloud();
      const response = await callApi("/api/glance/images/?region=RegionOne", {
        token: freshToken(),
        headers: { "x-openstack-region": "RegionTwo" },
        vars: CATALOG,
      });
      const problem = await problemOf(response, 400);
      expect(problem.errors).toEqual([
        {
          location: "query",
          field: "region",
          message: expect.stringContaining("conflicts with the X-OpenStack-Region header"),
        },
      ]);
      expect(stub.calls).toEqual([]);
    });

    it("refuses a region given twice in the query", async () => {
      const stub = stubCloud();
      const problem = await problemOf(
        await callApi("/api/glance/images/?region=RegionOne&region=RegionTwo", { token: freshToken(), vars: CATALOG }),
        400,
      );
      expect(problem.errors).toEqual([{ location: "query", field: "region", message: "given more than once" }]);
      expect(stub.calls).toEqual([]);
    });

    it("answers an unknown region with a 400 listing the regions that offer image, and calls no Glance", async () => {
      const stub = stubCloud();
      const response = await callApi("/api/glance/images/", {
        token: freshToken(),
        headers: { "x-openstack-region": "RegionNine" },
        vars: CATALOG,
      });
      const problem = await problemOf(response, 400);
      expect(problem.detail).toBe(
        "unknown region RegionNine; regions with an image endpoint for this token: RegionOne, RegionTwo",
      );
      expect(problem.errors?.[0]).toMatchObject({ location: "header", field: "X-OpenStack-Region" });
      expect(glanceCalls(stub.calls)).toEqual([]);
    });

    it("asks the caller to choose when several regions offer image and there is no DEFAULT_REGION", async () => {
      const stub = stubCloud();
      const problem = await problemOf(
        await callApi("/api/glance/images/", { token: freshToken(), vars: CATALOG }),
        400,
      );
      expect(problem.detail).toContain("choose one of: RegionOne, RegionTwo");
      expect(glanceCalls(stub.calls)).toEqual([]);
    });

    it("uses the only region with an image endpoint when none is chosen and there is no DEFAULT_REGION", async () => {
      const stub = stubCloud(() => tokenDocument([{ interface: "public", region_id: "RegionTwo", url: GLANCE_TWO }]));
      expect(await imageNames(await callApi("/api/glance/images/", { token: freshToken(), vars: CATALOG }))).toEqual([
        "image-of-region-two",
      ]);
      expect(origins(stub.calls)).toEqual([GLANCE_TWO]);
    });

    it("uses GLANCE_INTERFACE's endpoints (internal)", async () => {
      const stub = stubUpstream({
        [VALIDATE]: () => tokenDocument(),
        "GET http://glance-internal.test:9292/v2/images": listOf("internal"),
      });
      const response = await callApi("/api/glance/images/", {
        token: freshToken(),
        vars: { ...CATALOG, GLANCE_INTERFACE: "internal" },
      });
      expect(await imageNames(response)).toEqual(["internal"]);
      expect(origins(stub.calls)).toEqual(["http://glance-internal.test:9292"]);
    });

    it("answers a clear 403 for a catalog without an image service, calling no Glance", async () => {
      const stub = stubCloud(() => tokenDocument(null));
      const problem = await problemOf(
        await callApi("/api/glance/images/", { token: freshToken(), vars: CATALOG }),
        403,
      );
      expect(problem.detail).toContain("service catalog has no public image endpoint");
      expect(glanceCalls(stub.calls)).toEqual([]);
    });

    it("passes Keystone's refusal of the token on as a 401", async () => {
      const stub = stubCloud(() =>
        glanceJson({ error: { code: 404, title: "Not Found", message: "The token could not be found" } }, 404),
      );
      await problemOf(await callApi("/api/glance/images/", { token: freshToken(), vars: CATALOG }), 401);
      expect(glanceCalls(stub.calls)).toEqual([]);
    });

    it("writes the chosen region into the access log line", async () => {
      stubCloud();
      const lines: string[] = [];
      vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
      await callApi("/api/glance/images/", {
        token: freshToken(),
        headers: { "x-openstack-region": "RegionTwo" },
        vars: CATALOG,
      });
      const request = lines
        .map((line) => JSON.parse(line))
        .find((entry) => entry.msg === "request" || entry.message === "request");
      expect(request).toMatchObject({ region: "RegionTwo", status: 200 });
    });
  });

  describe("the catalog cache", () => {
    it("asks Keystone once for many requests of one token", async () => {
      const token = freshToken();
      const stub = stubCloud();
      for (const region of ["RegionOne", "RegionTwo", "RegionOne"]) {
        expect(
          (await callApi("/api/glance/images/", { token, headers: { "x-openstack-region": region }, vars: CATALOG }))
            .status,
        ).toBe(200);
      }
      expect(keystoneCalls(stub.calls)).toHaveLength(1);
      expect(origins(stub.calls)).toEqual([GLANCE, GLANCE_TWO, GLANCE]);
    });

    it("shares one Keystone call between concurrent requests of one token", async () => {
      const token = freshToken();
      let release!: () => void;
      const keystoneHeld = new Promise<void>((resolve) => (release = resolve));
      const stub = stubUpstream({
        [VALIDATE]: async () => {
          await keystoneHeld;
          return tokenDocument();
        },
        "GET /v2/images": listOf("image-of-region-one"),
      });
      const requests = [1, 2, 3].map(() =>
        callApi("/api/glance/images/", { token, vars: { ...CATALOG, DEFAULT_REGION: "RegionOne" } }),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      for (const response of await Promise.all(requests)) expect(response.status).toBe(200);
      expect(keystoneCalls(stub.calls)).toHaveLength(1);
      expect(origins(stub.calls)).toEqual([GLANCE, GLANCE, GLANCE]);
    });

    it("never serves a catalog past the token's expiry: the next request asks Keystone again", async () => {
      const token = freshToken();
      const stub = stubCloud(() => tokenDocument(BOTH_REGIONS, 20_000));
      const vars = { ...CATALOG, DEFAULT_REGION: "RegionOne", TOKEN_VERDICT_TTL: "600" };
      const realNow = Date.now();
      await callApi("/api/glance/images/", { token, vars });
      vi.spyOn(Date, "now").mockReturnValue(realNow + 10_000);
      await callApi("/api/glance/images/", { token, vars });
      expect(keystoneCalls(stub.calls)).toHaveLength(1);
      vi.spyOn(Date, "now").mockReturnValue(realNow + 21_000);
      await callApi("/api/glance/images/", { token, vars });
      expect(keystoneCalls(stub.calls)).toHaveLength(2);
    });

    it("reuses a catalog for at most TOKEN_VERDICT_TTL, and not at all when it is 0", async () => {
      const token = freshToken();
      const stub = stubCloud();
      const realNow = Date.now();
      await callApi("/api/glance/images/", {
        token,
        vars: { ...CATALOG, DEFAULT_REGION: "RegionOne", TOKEN_VERDICT_TTL: "30" },
      });
      vi.spyOn(Date, "now").mockReturnValue(realNow + 31_000);
      await callApi("/api/glance/images/", {
        token,
        vars: { ...CATALOG, DEFAULT_REGION: "RegionOne", TOKEN_VERDICT_TTL: "30" },
      });
      expect(keystoneCalls(stub.calls)).toHaveLength(2);
      const other = freshToken();
      await callApi("/api/glance/images/", {
        token: other,
        vars: { ...CATALOG, DEFAULT_REGION: "RegionOne", TOKEN_VERDICT_TTL: "0" },
      });
      await callApi("/api/glance/images/", {
        token: other,
        vars: { ...CATALOG, DEFAULT_REGION: "RegionOne", TOKEN_VERDICT_TTL: "0" },
      });
      expect(keystoneCalls(stub.calls)).toHaveLength(4);
    });

    it("the resource-types route's token check is the catalog lookup: one Keystone call for a new token, none after it", async () => {
      const token = freshToken();
      const stub = stubUpstream({
        [VALIDATE]: () => tokenDocument(),
        "GET /v2/metadefs/resource_types": glanceJson({ resource_types: [{ name: "OS::Glance::Image" }] }),
      });
      const vars = { ...CATALOG, DEFAULT_REGION: "RegionOne" };
      for (let i = 0; i < 2; i++) {
        expect((await callApi("/api/glance/metadefs/resourcetypes/", { token, vars })).status).toBe(200);
        expect(keystoneCalls(stub.calls)).toHaveLength(1);
      }
      // With TOKEN_VERDICT_TTL 0 nothing is reused across requests, and still one lookup serves a request.
      const uncached = freshToken();
      const response = await callApi("/api/glance/metadefs/resourcetypes/", {
        token: uncached,
        vars: { ...vars, TOKEN_VERDICT_TTL: "0" },
      });
      expect(response.status).toBe(200);
      expect(keystoneCalls(stub.calls).filter((call) => call.headers["x-subject-token"] === uncached)).toHaveLength(1);
    });

    it("does not cache a refused token: each request asks Keystone", async () => {
      const token = freshToken();
      const stub = stubCloud(() => glanceJson({ error: { code: 401, message: "nope" } }, 401));
      await problemOf(await callApi("/api/glance/images/", { token, vars: CATALOG }), 401);
      await problemOf(await callApi("/api/glance/images/", { token, vars: CATALOG }), 401);
      expect(keystoneCalls(stub.calls)).toHaveLength(2);
    });
  });

  describe("GLANCE_ENDPOINT_ALLOWLIST", () => {
    it("refuses a catalog endpoint whose scheme, host or port the list lacks with a 502, calling nothing there and naming no URL", async () => {
      const stub = stubCloud();
      // RegionTwo's endpoint is http://glance-two.test:9292: listed without http://, or without the port, it is refused.
      for (const list of ["http://glance.test:9292, glance-two.test:9292", "http://glance-two.test", "other.test"]) {
        const problem = await problemOf(
          await callApi("/api/glance/images/", {
            token: freshToken(),
            headers: { "x-openstack-region": "RegionTwo" },
            vars: { ...CATALOG, GLANCE_ENDPOINT_ALLOWLIST: list },
          }),
          502,
        );
        expect(problem.detail, list).toBe(
          "The service catalog's image endpoint for RegionTwo is not one GLANCE_ENDPOINT_ALLOWLIST allows (scheme, host and port); it is not called",
        );
        expect(problem.detail).not.toContain("glance-two");
      }
      expect(glanceCalls(stub.calls)).toEqual([]);
      // An endpoint listed with its scheme and port is called as usual (host names compare case-insensitively).
      const allowed = await callApi("/api/glance/images/", {
        token: freshToken(),
        headers: { "x-openstack-region": "RegionTwo" },
        vars: { ...CATALOG, GLANCE_ENDPOINT_ALLOWLIST: "http://GLANCE-TWO.test:9292" },
      });
      expect(await imageNames(allowed)).toEqual(["image-of-region-two"]);
    });

    it("refuses a catalog endpoint that is not http(s), list or not", async () => {
      const stub = stubCloud(() =>
        tokenDocument([{ interface: "public", region_id: "RegionOne", url: "file:///etc/passwd" }]),
      );
      await problemOf(await callApi("/api/glance/images/", { token: freshToken(), vars: CATALOG }), 502);
      expect(glanceCalls(stub.calls)).toEqual([]);
    });
  });

  describe("edge caches never cross regions", () => {
    it("keys the version lookup by the Glance endpoint, and needs a token to find Glance", async () => {
      await forgetCached("glance-version", GLANCE);
      await forgetCached("glance-version", GLANCE_TWO);
      const stub = stubUpstream({
        [VALIDATE]: () => tokenDocument(),
        "GET /versions": glanceJson({ versions: [{ id: "v2.15", status: "CURRENT" }] }),
        [`GET ${GLANCE_TWO}/versions`]: glanceJson({ versions: [{ id: "v2.9", status: "CURRENT" }] }),
      });
      const noToken = await problemOf(await callApi("/api/glance/version/", { token: null, vars: CATALOG }), 401);
      expect(noToken.detail).toContain("without GLANCE_URL, Glance is found in the caller's Keystone service catalog");
      expect(stub.calls).toEqual([]);

      const token = freshToken();
      const version = async (region: string) => {
        const response = await callApi("/api/glance/version/", {
          token,
          headers: { "x-openstack-region": region },
          vars: CATALOG,
        });
        return [GlanceVersionSchema.parse(await response.json()).current_version, response.headers.get("cache-status")];
      };
      // ?region= is consumed before the route's strict (no-keys) query check.
      const viaQuery = await callApi("/api/glance/version/?region=RegionTwo", { token, vars: CATALOG });
      expect(viaQuery.status).toBe(200);
      expect(GlanceVersionSchema.parse(await viaQuery.json()).current_version).toBe("2.9");
      await forgetCached("glance-version", GLANCE_TWO);
      stub.calls.length = 0;
      expect(await version("RegionOne")).toEqual(["2.15", "glance-edge; fwd=miss; stored"]);
      expect(await version("RegionTwo")).toEqual(["2.9", "glance-edge; fwd=miss; stored"]);
      expect(await version("RegionOne")).toEqual(["2.15", "glance-edge; hit"]);
      expect(await version("RegionTwo")).toEqual(["2.9", "glance-edge; hit"]);
      expect(origins(stub.calls)).toEqual([GLANCE, GLANCE_TWO]);
    });

    it("keys the resource-types list by the Glance endpoint", async () => {
      const token = freshToken();
      await forgetCached("metadefs-resource-types", GLANCE);
      await forgetCached("metadefs-resource-types", GLANCE_TWO);
      const stub = stubUpstream({
        [VALIDATE]: () => tokenDocument(),
        "GET /v2/metadefs/resource_types": glanceJson({
          resource_types: [{ name: "OS::Glance::Image", created_at: "2015-08-21T16:49:43Z" }],
        }),
        [`GET ${GLANCE_TWO}/v2/metadefs/resource_types`]: glanceJson({
          resource_types: [{ name: "OS::Nova::Server", created_at: "2015-08-21T16:49:43Z" }],
        }),
      });
      const names = async (region: string) => {
        const response = await callApi("/api/glance/metadefs/resourcetypes/", {
          token,
          headers: { "x-openstack-region": region },
          vars: CATALOG,
        });
        expect(response.status).toBe(200);
        return ((await response.json()) as { items: { name: string }[] }).items.map((item) => item.name);
      };
      expect(await names("RegionOne")).toEqual(["OS::Glance::Image"]);
      expect(await names("RegionTwo")).toEqual(["OS::Nova::Server"]);
      expect(await names("RegionOne")).toEqual(["OS::Glance::Image"]);
      expect(origins(stub.calls)).toEqual([GLANCE, GLANCE_TWO]);
    });
  });

  it("sends a JSON body already read by the body cap to the ?region= Glance intact (PATCH with ?region=)", async () => {
    const id = "7e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";
    const stub = stubUpstream({
      [VALIDATE]: () => tokenDocument(),
      [`GET ${GLANCE_TWO}/v2/images/${id}`]: glanceJson(image(id)),
      [`PATCH ${GLANCE_TWO}/v2/images/${id}`]: glanceJson({ ...image(id), name: "renamed" }),
    });
    const response = await callApi(`/api/glance/images/${id}/?region=RegionTwo`, {
      method: "PATCH",
      token: freshToken(),
      body: { name: "renamed", disk_format: "raw", visibility: "private", protected: false },
      vars: { ...CATALOG, DEFAULT_REGION: "RegionOne" },
    });
    expect(response.status, await response.clone().text()).toBe(204);
    const patch = glanceCalls(stub.calls).find((call) => call.method === "PATCH");
    expect(patch?.url.origin).toBe(GLANCE_TWO);
    expect(patch?.body).toContainEqual({ op: "replace", path: "/name", value: "renamed" });
  });

  it("streams an upload with ?region= to that region's Glance, body and length intact", async () => {
    const id = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";
    const data = "x".repeat(70_000);
    const digest = await crypto.subtle.digest("SHA-512", new TextEncoder().encode(data));
    const sha512 = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
    const rawImage = { ...image(id), container_format: "bare", disk_format: "raw" };
    let imageReads = 0;
    const stub = stubUpstream({
      [VALIDATE]: () => tokenDocument(),
      [`GET ${GLANCE_TWO}/v2/info/usage`]: glanceJson({ usage: {} }),
      [`PUT ${GLANCE_TWO}/v2/images/${id}/file`]: new Response(null, { status: 204 }),
      // Read once before the upload (it must be queued), once after it (the answer).
      [`GET ${GLANCE_TWO}/v2/images/${id}`]: () =>
        glanceJson(
          ++imageReads === 1
            ? { ...rawImage, status: "queued" }
            : { ...rawImage, size: data.length, checksum: "abc", os_hash_algo: "sha512", os_hash_value: sha512 },
        ),
    });
    const response = await callApi(`/api/glance/images/${id}/file/?region=RegionTwo`, {
      method: "PUT",
      token: freshToken(),
      body: data,
      headers: { "content-type": "application/octet-stream", "content-length": String(data.length) },
      vars: { ...CATALOG, DEFAULT_REGION: "RegionOne" },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const put = glanceCalls(stub.calls).find((call) => call.method === "PUT");
    expect(put?.url.origin).toBe(GLANCE_TWO);
    expect(put?.query).toEqual([]);
    expect(put?.body).toBe(data);
    expect(put?.headers["content-length"]).toBe(String(data.length));
    expect(origins(stub.calls).every((origin) => origin === GLANCE_TWO)).toBe(true);
  });

  it("keeps the region the request used in the Location of a 201 create and a 202 import", async () => {
    const id = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";
    stubUpstream({
      [VALIDATE]: () => tokenDocument(),
      [`POST ${GLANCE_TWO}/v2/images`]: glanceJson(image(id), 201),
      [`GET ${GLANCE_TWO}/v2/info/import`]: glanceJson({ "import-methods": { value: ["glance-direct"] } }),
      [`POST ${GLANCE_TWO}/v2/images/${id}/import`]: new Response(null, { status: 202 }),
      [`GET ${GLANCE_TWO}/v2/images/${id}`]: glanceJson(image(id)),
    });
    const vars = { ...CATALOG, DEFAULT_REGION: "RegionOne" };
    const created = await callApi("/api/glance/images/?region=RegionTwo", {
      method: "PUT",
      token: freshToken(),
      body: { name: "x", disk_format: "raw" },
      vars,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    expect(created.headers.get("location")).toBe(`/api/glance/images/${id}/?region=RegionTwo`);
    const imported = await callApi(`/api/glance/images/${id}/import/`, {
      method: "POST",
      token: freshToken(),
      headers: { "x-openstack-region": "RegionTwo" },
      body: { method: "glance-direct" },
      vars,
    });
    expect(imported.status, await imported.clone().text()).toBe(202);
    expect(imported.headers.get("location")).toBe(`/api/glance/images/${id}/?region=RegionTwo`);
  });

  it("lets a browser send X-OpenStack-Region (CORS preflight)", async () => {
    const response = await callApi("/api/glance/images/", {
      method: "OPTIONS",
      token: null,
      headers: {
        origin: "https://ui.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "x-auth-token, x-openstack-region",
      },
      vars: { ...CATALOG, CORS_ALLOWED_ORIGINS: "https://ui.example" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-headers")).toContain("X-OpenStack-Region");
  });

  describe("GET /api/glance/regions/", () => {
    it("lists the regions offering image for this token, with the default one, and no endpoint URL", async () => {
      const token = freshToken();
      const stub = stubCloud();
      const response = await callApi("/api/glance/regions/", {
        token,
        vars: { ...CATALOG, DEFAULT_REGION: "RegionTwo" },
      });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain("glance");
      expect(RegionListSchema.parse(JSON.parse(text))).toEqual({
        items: [
          { region: "RegionOne", default: false },
          { region: "RegionTwo", default: true },
        ],
        default_region: "RegionTwo",
        source: "catalog",
      });
      expect(keystoneCalls(stub.calls)).toHaveLength(1);
      expect(glanceCalls(stub.calls)).toEqual([]);
    });

    it("has no default when several regions offer image and DEFAULT_REGION is unset, and lists nothing for a catalog without image", async () => {
      stubCloud();
      const several = RegionListSchema.parse(
        await (await callApi("/api/glance/regions/", { token: freshToken(), vars: CATALOG })).json(),
      );
      expect(several.default_region).toBeNull();
      expect(several.items.map((item) => item.region)).toEqual(["RegionOne", "RegionTwo"]);
      vi.restoreAllMocks();
      stubCloud(() => tokenDocument(null));
      const none = RegionListSchema.parse(
        await (await callApi("/api/glance/regions/", { token: freshToken(), vars: CATALOG })).json(),
      );
      expect(none).toEqual({ items: [], default_region: null, source: "catalog" });
    });

    it("requires a token", async () => {
      const stub = stubCloud();
      await problemOf(await callApi("/api/glance/regions/", { token: null, vars: CATALOG }), 401);
      expect(stub.calls).toEqual([]);
    });
  });
});

describe("GLANCE_URL set: the catalog is never read", () => {
  it("calls GLANCE_URL with no Keystone call even when KEYSTONE_URL is set", async () => {
    const stub = stubCloud();
    const response = await callApi("/api/glance/images/", {
      token: freshToken(),
      vars: { GLANCE_URL: GLANCE, KEYSTONE_URL: KEYSTONE },
    });
    expect(await imageNames(response)).toEqual(["image-of-region-one"]);
    expect(keystoneCalls(stub.calls)).toEqual([]);
    expect(origins(stub.calls)).toEqual([GLANCE]);
  });

  it("accepts DEFAULT_REGION as the region and refuses any other with a 400, before any call", async () => {
    const stub = stubCloud();
    const vars = { GLANCE_URL: GLANCE, KEYSTONE_URL: KEYSTONE, DEFAULT_REGION: "RegionOne" };
    expect(
      await imageNames(await callApi("/api/glance/images/?region=RegionOne", { token: freshToken(), vars })),
    ).toEqual(["image-of-region-one"]);
    expect(glanceCalls(stub.calls)[0].query.map(([key]) => key)).not.toContain("region");
    const problem = await problemOf(
      await callApi("/api/glance/images/", {
        token: freshToken(),
        headers: { "x-openstack-region": "RegionTwo" },
        vars,
      }),
      400,
    );
    expect(problem.detail).toBe("unknown region RegionTwo; this API serves only region RegionOne (DEFAULT_REGION)");
    expect(stub.calls).toHaveLength(1);
  });

  it("lists DEFAULT_REGION (or nothing) as the regions", async () => {
    stubCloud();
    const named = RegionListSchema.parse(
      await (
        await callApi("/api/glance/regions/", {
          token: freshToken(),
          vars: { GLANCE_URL: GLANCE, DEFAULT_REGION: "RegionOne" },
        })
      ).json(),
    );
    expect(named).toEqual({
      items: [{ region: "RegionOne", default: true }],
      default_region: "RegionOne",
      source: "GLANCE_URL",
    });
    const unnamed = RegionListSchema.parse(
      await (await callApi("/api/glance/regions/", { token: freshToken() })).json(),
    );
    expect(unnamed).toEqual({ items: [], default_region: null, source: "GLANCE_URL" });
  });

  it("answers a configuration problem naming both variables when neither is set", async () => {
    const stub = stubCloud();
    const problem = await problemOf(
      await callApi("/api/glance/images/", { token: freshToken(), vars: { GLANCE_URL: "", KEYSTONE_URL: "" } }),
      500,
    );
    expect(problem.detail).toContain("GLANCE_URL or KEYSTONE_URL");
    expect(stub.calls).toEqual([]);
  });
});

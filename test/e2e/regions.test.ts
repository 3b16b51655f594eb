import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { ImageListSchema, ImageSchema } from "../../src/routes/images/images.schemas";
import { RegionListSchema } from "../../src/routes/regions/regions.schemas";
import { GlanceVersionSchema } from "../../src/routes/version/version.schemas";
import { e2e } from "./support/context";
import { api, type ApiCall, glance, type HttpResult, tokenOf } from "./support/http";
import { type GlanceImage, imageName } from "./support/images";
import { ACCOUNTS, GLANCE2_REGION, GLANCE2_URL, GLANCE_URL, issueToken, KEYSTONE_URL } from "./support/stack";
import { REPO_ROOT, type RunningWorker, startWorker } from "./support/worker";

// glance-edge with GLANCE_URL empty: every request finds Glance in the caller's own catalog, where
// `openstack-stack.sh up` registered GLANCE_URL as REGION_ONE and GLANCE2_URL as GLANCE2_REGION.
const REGION_ONE: string = process.env.OS_REGION_NAME ?? "RegionOne";
const REGION_TWO = GLANCE2_REGION;
const GLANCES = { [REGION_ONE]: GLANCE_URL, [REGION_TWO]: GLANCE2_URL };

let worker: RunningWorker;
const made: { region: string; id: string }[] = [];

beforeAll(async () => {
  worker = await startWorker(
    { GLANCE_URL: "", KEYSTONE_URL, DEFAULT_REGION: REGION_ONE },
    { logFile: join(REPO_ROOT, ".wrangler/e2e-logs", `${e2e().runPrefix}-regions.log`) },
  );
});

afterAll(async () => {
  for (const { region, id } of made) {
    const gone = await glance(`/v2/images/${id}`, { method: "DELETE", as: "admin", glanceUrl: GLANCES[region] });
    if (gone.status !== 204 && gone.status !== 404)
      console.warn(`cleanup: DELETE ${id} in ${region} answered ${gone.status}`);
  }
  await worker?.stop();
});

/** Calls the catalog-mode Worker. */
const edge = (path: string, call: ApiCall = {}) => api(path, { ...call, baseUrl: worker.baseUrl });
const inRegion = (region: string) => ({ "x-openstack-region": region });

/** A queued image made directly in one region's Glance (a fixture). */
async function fixtureIn(region: string, label: string): Promise<GlanceImage> {
  const response = await glance("/v2/images", {
    method: "POST",
    glanceUrl: GLANCES[region],
    body: { name: imageName(label), disk_format: "raw", container_format: "bare" },
  });
  if (response.status !== 201) throw new Error(`fixture in ${region}: ${response.status} ${response.text}`);
  const image = response.body as GlanceImage;
  made.push({ region, id: image.id });
  return image;
}

/** What Glance of `region` itself answers for an image: 200 or 404. */
const statusIn = async (region: string, id: string) =>
  (await glance(`/v2/images/${id}`, { glanceUrl: GLANCES[region] })).status;

function names(response: HttpResult) {
  expect(response.status, response.text).toBe(200);
  return ImageListSchema.parse(response.body).items.map((image) => image.name);
}

function problem(response: HttpResult, status: number) {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return ProblemSchema.parse(response.body);
}

describe(`one edge in front of two regions (${REGION_ONE}, ${REGION_TWO}) found in the Keystone catalog`, () => {
  it("lists only the default region's images, and only RegionTwo's with the header or ?region=", async () => {
    const one = await fixtureIn(REGION_ONE, "region-one");
    const two = await fixtureIn(REGION_TWO, "region-two");
    const byPrefix = `?name=in:${one.name},${two.name}`;

    expect(names(await edge(`/api/glance/images/${byPrefix}`))).toEqual([one.name]);
    expect(names(await edge(`/api/glance/images/${byPrefix}`, { headers: inRegion(REGION_TWO) }))).toEqual([two.name]);
    expect(names(await edge(`/api/glance/images/${byPrefix}&region=${REGION_TWO}`))).toEqual([two.name]);
    expect(names(await edge(`/api/glance/images/${byPrefix}&region=${REGION_ONE}`))).toEqual([one.name]);
  });

  it("creates, reads, updates and deletes in RegionTwo only, as each Glance itself shows", async () => {
    const headers = inRegion(REGION_TWO);
    const created = await edge("/api/glance/images/", {
      method: "POST",
      headers,
      body: { name: imageName("region-two-crud"), disk_format: "qcow2", min_ram: 64 },
    });
    expect(created.status, created.text).toBe(201);
    const image = ImageSchema.parse(created.body);
    made.push({ region: REGION_TWO, id: image.id });
    expect(await statusIn(REGION_TWO, image.id)).toBe(200);
    expect(await statusIn(REGION_ONE, image.id)).toBe(404);
    // The Location names the region, so following it reaches RegionTwo's Glance whatever the default.
    expect(created.headers.get("location")).toBe(`/api/glance/images/${image.id}/?region=${REGION_TWO}`);
    expect((await edge(created.headers.get("location")!)).status).toBe(200);

    expect((await edge(`/api/glance/images/${image.id}/`, { headers })).status).toBe(200);
    expect((await edge(`/api/glance/images/${image.id}/`)).status).toBe(404); // the default region has no such image

    const updated = await edge(`/api/glance/images/${image.id}/?region=${REGION_TWO}`, {
      method: "PATCH",
      body: { name: image.name, disk_format: "qcow2", visibility: "private", protected: false, min_ram: 512 },
    });
    expect(updated.status, updated.text).toBe(204);
    const stored = await glance(`/v2/images/${image.id}`, { glanceUrl: GLANCE2_URL });
    expect((stored.body as GlanceImage).min_ram).toBe(512);

    const deleted = await edge(`/api/glance/images/${image.id}/`, { method: "DELETE", headers });
    expect(deleted.status, deleted.text).toBe(204);
    expect(await statusIn(REGION_TWO, image.id)).toBe(404);
  });

  it("does not delete in the default region what exists only in RegionTwo", async () => {
    const two = await fixtureIn(REGION_TWO, "region-two-only");
    expect((await edge(`/api/glance/images/${two.id}/`, { method: "DELETE" })).status).toBe(404);
    expect(await statusIn(REGION_TWO, two.id)).toBe(200);
  });

  it("answers an unknown region with a 400 listing both regions", async () => {
    const body = problem(await edge("/api/glance/images/", { headers: inRegion("RegionNine") }), 400);
    expect(body.detail).toBe(
      `unknown region RegionNine; regions with an image endpoint for this token: ${[REGION_ONE, REGION_TWO].sort().join(", ")}`,
    );
    const viaQuery = problem(await edge("/api/glance/images/?region=RegionNine"), 400);
    expect(viaQuery.errors?.[0]).toMatchObject({ location: "query", field: "region" });
  });

  it("lists both regions with the default for a region picker", async () => {
    const response = await edge("/api/glance/regions/");
    expect(response.status, response.text).toBe(200);
    expect(RegionListSchema.parse(response.body)).toEqual({
      items: [REGION_ONE, REGION_TWO].sort().map((region) => ({ region, default: region === REGION_ONE })),
      default_region: REGION_ONE,
      source: "catalog",
    });
    expect(response.text).not.toContain("127.0.0.1");
  });

  it("keeps the version and resource-type caches apart per region", async () => {
    const version = async (region: string) => {
      const response = await edge("/api/glance/version/", { headers: inRegion(region) });
      expect(response.status, response.text).toBe(200);
      GlanceVersionSchema.parse(response.body);
      return response.headers.get("cache-status");
    };
    // This Worker's cache starts empty: each region's first lookup is its own miss.
    expect(await version(REGION_ONE)).toBe("glance-edge; fwd=miss; stored");
    expect(await version(REGION_TWO)).toBe("glance-edge; fwd=miss; stored");
    expect(await version(REGION_TWO)).toBe("glance-edge; hit");
    expect(await version(REGION_ONE)).toBe("glance-edge; hit");

    const resourceTypes = async (region: string) => {
      const response = await edge("/api/glance/metadefs/resourcetypes/", { headers: inRegion(region) });
      expect(response.status, response.text).toBe(200);
      return response.headers.get("cache-status");
    };
    expect(await resourceTypes(REGION_TWO)).toBe("glance-edge; fwd=miss; stored");
    expect(await resourceTypes(REGION_ONE)).toBe("glance-edge; fwd=miss; stored");
    expect(await resourceTypes(REGION_ONE)).toBe("glance-edge; hit");
    expect(await resourceTypes(REGION_TWO)).toBe("glance-edge; hit");
  });

  it("asks Keystone for a token's catalog once, for concurrent and later requests alike (Server-Timing counts the calls)", async () => {
    const { token } = await issueToken(ACCOUNTS.alt);
    const keystoneCalls = (response: HttpResult) => {
      expect(response.status, response.text).toBe(200);
      const match = /keystone;dur=[\d.]+;desc="(\d+) calls?"/.exec(response.headers.get("server-timing") ?? "");
      return match ? Number(match[1]) : 0;
    };
    const concurrent = await Promise.all(
      [REGION_ONE, REGION_TWO, REGION_ONE, REGION_TWO, REGION_ONE].map((region) =>
        edge("/api/glance/images/?limit=1", { token, headers: inRegion(region) }),
      ),
    );
    const later = [];
    for (const region of [REGION_TWO, REGION_ONE])
      later.push(await edge("/api/glance/images/?limit=1", { token, headers: inRegion(region) }));
    expect([...concurrent, ...later].map(keystoneCalls).reduce((sum, calls) => sum + calls, 0)).toBe(1);
  });

  it("needs a token for the version when Glance comes from the catalog", async () => {
    const body = problem(await edge("/api/glance/version/", { as: null }), 401);
    expect(body.detail).toContain("without GLANCE_URL");
  });

  it("gives a token whose catalog has no image service (an unscoped token) the clear problem", async () => {
    const { user, password } = ACCOUNTS.demo;
    const issued = await fetch(`${KEYSTONE_URL}/v3/auth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // explicitly unscoped: without a scope Keystone would scope the token to the default project
      body: JSON.stringify({
        auth: {
          identity: { methods: ["password"], password: { user: { name: user, domain: { id: "default" }, password } } },
          scope: "unscoped",
        },
      }),
      signal: AbortSignal.timeout(60_000),
    });
    const unscoped = issued.headers.get("x-subject-token");
    expect(issued.status).toBe(201);
    const body = problem(await edge("/api/glance/images/", { token: unscoped ?? "" }), 403);
    expect(body.detail).toContain("service catalog has no public image endpoint");
    // The same token is a valid one: the regions route lists nothing rather than failing.
    expect(RegionListSchema.parse((await edge("/api/glance/regions/", { token: unscoped ?? "" })).body).items).toEqual(
      [],
    );
    expect(tokenOf("demo")).not.toBe(unscoped);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { ImageListSchema, ImageSchema } from "../../src/routes/images/images.schemas";
import { ResourceTypeListSchema } from "../../src/routes/metadefs/metadefs.schemas";
import { e2e } from "./support/context";
import { api, glance } from "./support/http";
import { deleteImages, type GlanceImage, glanceImage, imageName } from "./support/images";
import type { Account } from "./support/stack";

const created: string[] = [];
let altPrivate: GlanceImage;
let adminPublic: GlanceImage;

async function createAs(as: Account, body: Record<string, unknown>) {
  const response = await api("/api/glance/images/", { method: "PUT", as, body });
  if (response.status !== 201) throw new Error(`create as ${as} answered ${response.status}: ${response.text}`);
  const image = ImageSchema.parse(response.body);
  created.push(image.id);
  return await glanceImage(image.id, as);
}

function expectGlanceRefusal(response: { status: number; body: unknown }, status: number, detail: RegExp) {
  expect(response.status).toBe(status);
  const problem = ProblemSchema.parse(response.body);
  expect(problem.upstream_status).toBe(status);
  expect(problem.detail).toMatch(detail);
}

beforeAll(async () => {
  altPrivate = await createAs("alt", { name: imageName("alt-private"), visibility: "private", hw_secret: "alt's" });
  adminPublic = await createAs("admin", { name: imageName("admin-public"), visibility: "public" });
});

afterAll(async () => {
  await deleteImages(created);
});

describe("tenancy: what Glance lets demo see and change, through glance-edge", () => {
  it("demo can neither see nor change alt's private image (404)", async () => {
    const path = `/api/glance/images/${altPrivate.id}/`;
    expectGlanceRefusal(await api(path), 404, /No image found with ID/);
    expectGlanceRefusal(await api(`${path}properties/`), 404, /No image found with ID/);
    expectGlanceRefusal(
      await api(path, {
        method: "PATCH",
        body: { name: "taken", disk_format: "raw", visibility: "public", protected: false },
      }),
      404,
      /No image found with ID/,
    );
    expectGlanceRefusal(
      await api(`${path}properties/`, { method: "PATCH", body: { updated: { hw_secret: "mine" } } }),
      404,
      /No image found/,
    );
    expectGlanceRefusal(await api(path, { method: "DELETE" }), 404, /Failed to find image|No image found/);

    const listed = await api(`/api/glance/images/?name=${encodeURIComponent(altPrivate.name ?? "")}`);
    expect(ImageListSchema.parse(listed.body).items).toEqual([]);
    const asAlt = await api(path, { as: "alt" });
    expect(ImageSchema.parse(asAlt.body).properties.hw_secret).toBe("alt's");
    expect(await glanceImage(altPrivate.id, "alt")).toEqual(altPrivate);
  });

  it("demo sees admin's public image, but cannot change or delete it (403)", async () => {
    const listed = await api(
      `/api/glance/images/?visibility=public&name=${encodeURIComponent(adminPublic.name ?? "")}`,
    );
    const items = ImageListSchema.parse(listed.body).items;
    expect(items.map((item) => [item.id, item.is_public, item.owner])).toEqual([
      [adminPublic.id, true, e2e().tokens.admin.projectId],
    ]);
    const shown = await api(`/api/glance/images/${adminPublic.id}/`);
    expect(ImageSchema.parse(shown.body)).toMatchObject({ id: adminPublic.id, visibility: "public", is_public: true });

    const path = `/api/glance/images/${adminPublic.id}/`;
    expectGlanceRefusal(
      await api(path, {
        method: "PATCH",
        body: { name: "taken", disk_format: "raw", visibility: "public", protected: false },
      }),
      403,
      /You do not own this image/,
    );
    expectGlanceRefusal(await api(path, { method: "DELETE" }), 403, /You do not own this image/);
    expect(await glanceImage(adminPublic.id, "admin")).toEqual(adminPublic);
  });

  it("a cached resource-types list is not served to a bad token", async () => {
    const direct = await glance("/v2/metadefs/resource_types");
    const names = (direct.body as { resource_types: { name: string }[] }).resource_types.map((type) => type.name);

    const first = await api("/api/glance/metadefs/resourcetypes/");
    expect(first.status).toBe(200);
    expect(ResourceTypeListSchema.parse(first.body).items.map((item) => item.name)).toEqual(names);
    // The entry is stored in waitUntil after the first answer; poll until demo is served from it.
    await expect
      .poll(async () => (await api("/api/glance/metadefs/resourcetypes/")).headers.get("cache-status"), {
        timeout: 30_000,
        interval: 200,
      })
      .toMatch(/^glance-edge; hit/);

    const refused = await api("/api/glance/metadefs/resourcetypes/", {
      token: `${e2e().tokens.demo.token.slice(0, -4)}AAAA`,
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-status")).toBeNull();
    expect(ProblemSchema.parse(refused.body).type).toMatch(/unauthenticated$/);
    expect(refused.text).not.toContain("OS::Glance::Image");

    // Another project's good token shares the entry (the list is global).
    const alt = await api("/api/glance/metadefs/resourcetypes/", { as: "alt" });
    expect(alt.status).toBe(200);
    expect(alt.headers.get("cache-status")).toMatch(/^glance-edge; hit/);
    expect(ResourceTypeListSchema.parse(alt.body)).toEqual(ResourceTypeListSchema.parse(first.body));
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import type { operations } from "@glance-edge/client";
import { ImageListSchema } from "../../src/routes/images/images.schemas";
import { edgeClient } from "./support/client";
import { e2e } from "./support/context";
import { api, glance } from "./support/http";
import { createGlanceImage, deleteImages, type GlanceImage } from "./support/images";

// 30 queued images of demo's, more than Glance's default page of 25: every third also carries a
// second tag, five are community images, the rest private. Names sort in a known order.
const COUNT = 30;
const COMMUNITY = new Set([2, 9, 14, 21, 27]);
let runTag: string;
let secondTag: string;
let fixtures: GlanceImage[] = [];

const namesOf = (items: { name: string | null }[]) => items.map((item) => item.name);
/** Glance (sqlite) sorts names by code unit, as Array.prototype.sort does without a comparator. */
const byCodeUnit = (a: string | null, b: string | null) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);
const idsOf = (items: { id: string }[]) => items.map((item) => item.id);

type ListQuery = NonNullable<operations["listImages"]["parameters"]["query"]>;

/** Lists through the typed client (clients/typescript); the answer is checked against the route's own schema. */
async function list(query: ListQuery) {
  const { data, error, response } = await edgeClient().GET("/api/glance/images/", { params: { query } });
  if (response.status !== 200)
    throw new Error(`list ${JSON.stringify(query)} answered ${response.status}: ${JSON.stringify(error)}`);
  return ImageListSchema.parse(data);
}

beforeAll(async () => {
  runTag = `${e2e().runPrefix}-list`;
  secondTag = `${runTag}-third`;
  // Created in shuffled name order, so name order and creation order differ.
  const order = Array.from({ length: COUNT }, (_, i) => (i * 7) % COUNT);
  for (const i of order) {
    fixtures.push(
      await createGlanceImage({
        name: `${runTag}-${String(i).padStart(2, "0")}`,
        tags: i % 3 === 0 ? [runTag, secondTag] : [runTag],
        visibility: COMMUNITY.has(i) ? "community" : "private",
        min_disk: i,
      }),
    );
  }
});

afterAll(async () => {
  await deleteImages(idsOf(fixtures));
  fixtures = [];
});

describe("GET /api/glance/images/ against the real Glance", () => {
  it("without paginate answers all 30 (Glance's own default page stops at 25), in Horizon's list shape", async () => {
    const direct = await glance(`/v2/images?tag=${encodeURIComponent(runTag)}`);
    expect((direct.body as { images: unknown[] }).images).toHaveLength(25);
    expect((direct.body as { next?: string }).next).toBeDefined();

    const page = await list({ tag: [runTag] });
    expect(page.has_more_data).toBe(false);
    expect(page.has_prev_data).toBe(false);
    expect(new Set(idsOf(page.items))).toEqual(new Set(idsOf(fixtures)));
    for (const item of page.items) {
      const fixture = fixtures.find((f) => f.id === item.id)!;
      expect(item).toMatchObject({
        name: fixture.name,
        status: "queued",
        visibility: fixture.visibility,
        is_public: false,
        owner: e2e().tokens.demo.projectId,
        size: 0,
        checksum: null,
        architecture: null,
        disk_format: "raw",
        container_format: "bare",
        min_disk: fixture.min_disk,
        protected: false,
      });
      expect(new Set(item.tags)).toEqual(new Set(fixture.tags));
      // list variant: no file/schema/tags inside properties, never self
      expect(item.properties).not.toHaveProperty("file");
      expect(item.properties).not.toHaveProperty("tags");
      expect(item.properties).not.toHaveProperty("self");
      expect(item.properties).toMatchObject({ os_hidden: false, os_hash_algo: null, os_hash_value: null });
    }
  });

  it("pages with paginate=true (page size 20), and reversed_order=true gives the previous page back", async () => {
    const tag = [runTag];
    const first = await list({ paginate: "true", tag });
    expect(first.items).toHaveLength(20);
    expect(first).toMatchObject({ has_more_data: true, has_prev_data: false });

    const second = await list({ paginate: "true", tag, marker: first.items[19].id });
    expect(second.items).toHaveLength(10);
    expect(second).toMatchObject({ has_more_data: false, has_prev_data: true });
    const all = [...idsOf(first.items), ...idsOf(second.items)];
    expect(new Set(all).size).toBe(COUNT);
    expect(new Set(all)).toEqual(new Set(idsOf(fixtures)));

    const previous = await list({ paginate: "true", tag, reversed_order: "true", marker: second.items[0].id });
    expect(idsOf(previous.items)).toEqual(idsOf(first.items));
    expect(previous).toMatchObject({ has_more_data: true, has_prev_data: false });
  });

  it("walks 30 images sorted by name in pages of 7, forwards and then backwards", async () => {
    const sorted = namesOf(fixtures).sort(byCodeUnit);
    const base: ListQuery = { paginate: "true", limit: "7", sort_key: "name", sort_dir: "asc", tag: [runTag] };
    const pages: string[][] = [];
    let marker = "";
    for (;;) {
      const page = await list(marker ? { ...base, marker } : base);
      pages.push(idsOf(page.items));
      expect(page.has_prev_data).toBe(marker !== "");
      if (!page.has_more_data) break;
      marker = page.items[page.items.length - 1].id;
      expect(pages.length).toBeLessThan(10);
    }
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 2]);
    const byId = new Map(fixtures.map((f) => [f.id, f.name]));
    expect(pages.flat().map((id) => byId.get(id))).toEqual(sorted);

    // Backwards from the last page: each previous page equals the one seen going forwards.
    let first = pages[pages.length - 1][0];
    for (let index = pages.length - 2; index >= 0; index--) {
      const page = await list({ ...base, reversed_order: "true", marker: first });
      expect(idsOf(page.items)).toEqual(pages[index]);
      expect(page.has_more_data).toBe(true);
      expect(page.has_prev_data).toBe(index > 0);
      first = page.items[0].id;
    }
  });

  it("sorts by name descending and by created_at descending (the default)", async () => {
    const byName = await list({ sort_key: "name", sort_dir: "desc", tag: [runTag] });
    expect(namesOf(byName.items)).toEqual(namesOf(fixtures).sort(byCodeUnit).reverse());

    const byDefault = await list({ tag: [runTag] });
    const created = byDefault.items.map((item) => item.created_at ?? "");
    expect(created).toEqual([...created].sort().reverse());
  });

  it("filters by several tags (all must match) and by visibility", async () => {
    const both = await list({ tag: [runTag, secondTag] });
    expect(new Set(idsOf(both.items))).toEqual(new Set(idsOf(fixtures.filter((f) => f.tags.includes(secondTag)))));
    expect(both.items).toHaveLength(10);

    const community = await list({ visibility: "community", tag: [runTag] });
    expect(new Set(idsOf(community.items))).toEqual(
      new Set(idsOf(fixtures.filter((f) => f.visibility === "community"))),
    );

    const privateOnes = await list({ is_public: "false", tag: [runTag] });
    expect(privateOnes.items).toHaveLength(COUNT - COMMUNITY.size);
    expect(privateOnes.items.every((item) => item.visibility === "private")).toBe(true);

    const publicOnes = await list({ is_public: "TRUE", tag: [runTag] });
    expect(publicOnes.items).toEqual([]);
  });

  it("refuses an invalid sort key with a 400 naming it", async () => {
    const response = await api(`/api/glance/images/?sort_key=bogus&tag=${encodeURIComponent(runTag)}`);
    expect(response.status).toBe(400);
    const problem = ProblemSchema.parse(response.body);
    expect(problem.errors?.map((e) => [e.location, e.field])).toEqual([["query", "sort_key"]]);
  });
});

import { describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { NamespaceListSchema } from "../../src/routes/metadefs/metadefs.schemas";
import { api, glance } from "./support/http";

interface GlanceNamespace {
  namespace: string;
  self?: string;
  resource_type_associations?: { name: string; prefix?: string | null; properties_target?: string | null }[];
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

async function glanceNamespaces(query: string): Promise<GlanceNamespace[]> {
  const response = await glance(`/v2/metadefs/namespaces?limit=1000&sort_key=namespace&sort_dir=asc${query}`);
  if (response.status !== 200) throw new Error(`Glance namespaces answered ${response.status}: ${response.text}`);
  return (response.body as { namespaces: GlanceNamespace[] }).namespaces;
}

async function namespaces(query: string) {
  const response = await api(`/api/glance/metadefs/namespaces/?${query}`);
  if (response.status !== 200) throw new Error(`namespaces ?${query} answered ${response.status}: ${response.text}`);
  return NamespaceListSchema.parse(response.body);
}

const names = (items: { namespace: string }[]) => items.map((item) => item.namespace);

describe("GET /api/glance/metadefs/namespaces/ against the real Glance", () => {
  it("answers each OS::Nova::Flavor namespace as Glance details it for that resource type, in list order", async () => {
    const listed = await glanceNamespaces("&resource_types=OS::Nova::Flavor");
    expect(listed.length).toBeGreaterThan(10);

    const page = await namespaces("resource_type=OS::Nova::Flavor");
    expect(page).toMatchObject({ has_more_data: false, has_prev_data: false });
    expect(names(page.items)).toEqual(names(listed));
    for (const item of page.items) {
      const detail = await glance(
        `/v2/metadefs/namespaces/${encodeURIComponent(item.namespace)}?resource_type=OS::Nova::Flavor`,
      );
      const { self: _self, ...withoutSelf } = detail.body as GlanceNamespace;
      expect(item).toEqual(withoutSelf);
      expect(item).not.toHaveProperty("self");
    }
    const libvirt = page.items.find((item) => item.namespace === "OS::Compute::Libvirt");
    const propertyNames = Object.keys((libvirt?.properties ?? {}) as Record<string, unknown>);
    expect(propertyNames.length).toBeGreaterThan(0);
    expect(propertyNames.every((name) => name.startsWith("hw:"))).toBe(true);
  });

  it("pages with paginate=true (page size 20) and sorts descending", async () => {
    const all = names(await glanceNamespaces(""));
    expect(all.length).toBeGreaterThan(20);

    const first = await namespaces("paginate=true");
    expect(names(first.items)).toEqual(all.slice(0, 20));
    expect(first).toMatchObject({ has_more_data: true, has_prev_data: false });
    const second = await namespaces(`paginate=true&marker=${encodeURIComponent(first.items[19].namespace)}`);
    expect(names(second.items)).toEqual(all.slice(20, 40));
    expect(second.has_prev_data).toBe(true);
    expect(second.has_more_data).toBe(all.length > 40);

    const descending = await namespaces("sort_dir=desc&resource_type=OS::Glance::Image");
    const ascending = await namespaces("sort_dir=asc&resource_type=OS::Glance::Image");
    expect(names(descending.items)).toEqual(names(ascending.items).reverse());
  });

  it("keeps only the namespaces whose association has the properties_target", async () => {
    const listed = await glanceNamespaces("&resource_types=OS::Cinder::Volume");
    const expected = listed.filter((ns) =>
      ns.resource_type_associations?.some((a) => a.name === "OS::Cinder::Volume" && a.properties_target === "image"),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(listed.length);

    const page = await namespaces("resource_type=OS::Cinder::Volume&properties_target=image");
    expect(names(page.items)).toEqual(names(expected));
  });

  it("answers items: [] when nothing matches, and 400 for a bad sort key", async () => {
    expect(await namespaces("resource_type=OS::E2E::Nothing")).toEqual({
      items: [],
      has_more_data: false,
      has_prev_data: false,
    });

    const refused = await api("/api/glance/metadefs/namespaces/?resource_type=OS::Nova::Flavor&sort_key=name");
    expect(refused.status).toBe(400);
    expect(ProblemSchema.parse(refused.body).errors?.map((e) => [e.location, e.field])).toEqual([
      ["query", "sort_key"],
    ]);
  });
});

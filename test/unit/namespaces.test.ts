import { describe, expect, it } from "vitest";
import {
  hasPropertiesTarget,
  keptNamespaces,
  type NamespaceListQuery,
  namespaceListQuery,
  planNamespaceList,
  withoutSelf,
} from "../../src/glance/transform/namespaces";
import { ProblemError } from "../../src/lib/problem";

const query = (extra: Partial<NamespaceListQuery> & Record<string, unknown> = {}): NamespaceListQuery =>
  ({ sort_key: "namespace", sort_dir: "asc", ...extra }) as NamespaceListQuery;

function problemOf(run: () => unknown): ProblemError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error("expected a ProblemError");
}

const volume = { name: "OS::Cinder::Volume", prefix: "hw_", properties_target: "image" };
const image = { name: "OS::Glance::Image", prefix: "hw_" };
const server = { name: "OS::Nova::Server", properties_target: "metadata" };

describe("planNamespaceList", () => {
  it("defaults to Horizon's sort and no pagination, with no filters", () => {
    expect(planNamespaceList(query())).toEqual({
      paginate: false,
      marker: undefined,
      sortKey: "namespace",
      sortDir: "asc",
      filters: [],
      resourceTypes: undefined,
      resourceType: undefined,
      propertiesTarget: undefined,
      propertiesTargetTypes: [],
    });
  });

  it("filters by resource_type and prefixes details with it", () => {
    const plan = planNamespaceList(query({ resource_type: "OS::Glance::Image", properties_target: "image" }));
    expect(plan).toMatchObject({
      resourceTypes: "OS::Glance::Image",
      resourceType: "OS::Glance::Image",
      propertiesTarget: "image",
      propertiesTargetTypes: ["OS::Glance::Image"],
    });
  });

  it("uses resource_types without resource_type: a Glance filter, no prefixing, properties_target matched on each", () => {
    const plan = planNamespaceList(
      query({ resource_types: "OS::Cinder::Volume, OS::Nova::Server", properties_target: "image" }),
    );
    expect(plan).toMatchObject({
      resourceTypes: "OS::Cinder::Volume, OS::Nova::Server",
      resourceType: undefined,
      propertiesTargetTypes: ["OS::Cinder::Volume", "OS::Nova::Server"],
    });
  });

  it("accepts resource_types equal to resource_type", () => {
    const plan = planNamespaceList(query({ resource_type: "OS::Glance::Image", resource_types: "OS::Glance::Image" }));
    expect(plan.resourceTypes).toBe("OS::Glance::Image");
  });

  it("keeps visibility first, then the other filters in request order with repeats, and treats an empty marker as none", () => {
    const plan = planNamespaceList(query({ owner: "admin", tag: ["a", "b"], visibility: "public", marker: "" }));
    expect(plan.filters).toEqual([
      ["visibility", "public"],
      ["owner", "admin"],
      ["tag", "a"],
      ["tag", "b"],
    ]);
    expect(plan.marker).toBeUndefined();
  });

  it("names every offending field in one 400", () => {
    const problem = problemOf(() =>
      planNamespaceList(
        query({ resource_type: "OS::Glance::Image", resource_types: "OS::Nova::Flavor", limit: 1001 }),
        { resultLimit: 1000 },
      ),
    );
    expect(problem.init.status).toBe(400);
    expect(problem.init.errors?.map((e) => [e.location, e.field])).toEqual([
      ["query", "resource_types"],
      ["query", "limit"],
    ]);
  });

  it("keeps the caller's limit up to API_RESULT_LIMIT, never as a Glance filter", () => {
    const plan = planNamespaceList(query({ limit: 1000, owner: "admin" }), { resultLimit: 1000 });
    expect(plan.limit).toBe(1000);
    expect(plan.filters).toEqual([["owner", "admin"]]);
    const problem = problemOf(() => planNamespaceList(query({ limit: 1001 }), { resultLimit: 1000 }));
    expect(problem.init.errors).toEqual([
      { location: "query", field: "limit", message: "must be at most 1000 (API_RESULT_LIMIT)" },
    ]);
  });

  it("refuses properties_target without a resource type", () => {
    const problem = problemOf(() => planNamespaceList(query({ properties_target: "image" })));
    expect(problem.init.errors).toEqual([
      { location: "query", field: "properties_target", message: expect.stringContaining("resource_type") },
    ]);
  });
});

describe("namespaceListQuery", () => {
  it("orders filters, resource_types, limit, marker, sort_key, sort_dir", () => {
    const plan = planNamespaceList(
      query({
        visibility: "private",
        owner: "p1",
        resource_type: "OS::Nova::Flavor",
        marker: "CIM::X",
        sort_dir: "desc",
        sort_key: "created_at",
      }),
    );
    expect(namespaceListQuery(plan, 21)).toEqual([
      ["visibility", "private"],
      ["owner", "p1"],
      ["resource_types", "OS::Nova::Flavor"],
      ["limit", "21"],
      ["marker", "CIM::X"],
      ["sort_key", "created_at"],
      ["sort_dir", "desc"],
    ]);
  });

  it("sends no marker and no resource_types when not given", () => {
    expect(namespaceListQuery(planNamespaceList(query()), 1000)).toEqual([
      ["limit", "1000"],
      ["sort_key", "namespace"],
      ["sort_dir", "asc"],
    ]);
  });

  it("puts a further page's marker in the caller's marker place, repeated filters kept", () => {
    const plan = planNamespaceList(query({ owner: ["p1", "p2"], marker: "CIM::X" }));
    expect(namespaceListQuery(plan, 5, "OS::Y")).toEqual([
      ["owner", "p1"],
      ["owner", "p2"],
      ["limit", "5"],
      ["marker", "OS::Y"],
      ["sort_key", "namespace"],
      ["sort_dir", "asc"],
    ]);
  });
});

describe("properties_target filter", () => {
  const namespaces = [
    { namespace: "ns1", resource_type_associations: [image] },
    { namespace: "ns2", resource_type_associations: [volume, server] },
    { namespace: "ns3", resource_type_associations: [server] },
    { namespace: "ns4" },
    { namespace: "ns5", resource_type_associations: [{ ...volume, properties_target: "user" }] },
  ];

  it("keeps a namespace only when the same association has the resource type and the target", () => {
    expect(hasPropertiesTarget(namespaces[1], ["OS::Cinder::Volume"], "image")).toBe(true);
    expect(hasPropertiesTarget(namespaces[1], ["OS::Cinder::Volume"], "metadata")).toBe(false);
    expect(hasPropertiesTarget(namespaces[1], ["OS::Nova::Server"], "metadata")).toBe(true);
    expect(hasPropertiesTarget(namespaces[0], ["OS::Glance::Image"], "image")).toBe(false);
    expect(hasPropertiesTarget(namespaces[3], ["OS::Cinder::Volume"], "image")).toBe(false);
  });

  it("filters a list in order (as Horizon's test does: only the `user` target on Cinder volumes)", () => {
    const plan = planNamespaceList(query({ resource_type: "OS::Cinder::Volume", properties_target: "user" }));
    expect(keptNamespaces(namespaces, plan).map((n) => n.namespace)).toEqual(["ns5"]);
  });

  it("keeps everything when no properties_target is given", () => {
    const plan = planNamespaceList(query({ resource_type: "OS::Cinder::Volume" }));
    expect(keptNamespaces(namespaces, plan)).toEqual(namespaces);
  });
});

describe("withoutSelf", () => {
  it("drops only self", () => {
    const detail = {
      namespace: "OS::Compute::Watchdog",
      self: "/v2/metadefs/namespaces/OS::Compute::Watchdog",
      schema: "/v2/schemas/metadefs/namespace",
      properties: {},
    };
    expect(withoutSelf(detail)).toEqual({
      namespace: "OS::Compute::Watchdog",
      schema: "/v2/schemas/metadefs/namespace",
      properties: {},
    });
    expect(detail.self).toBeDefined();
  });
});

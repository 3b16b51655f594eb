import { afterEach, describe, expect, it, vi } from "vitest";
import { NamespaceListSchema } from "../../src/routes/metadefs/metadefs.schemas";
import { callApi, TOKEN } from "../support/call-api";
import { glanceError, glanceJson, type RecordedCall, stubUpstream, type StubAnswer } from "../support/glance-stub";
import { problemOf } from "../support/expect";

afterEach(() => vi.restoreAllMocks());

const PATH = "/api/glance/metadefs/namespaces/";
const LIST = "GET /v2/metadefs/namespaces";
const IMAGE = "OS::Glance::Image";
const CREATED = "2026-11-26T22:06:49Z";

const detailPath = (name: string) => `/v2/metadefs/namespaces/${encodeURIComponent(name)}`;
const detailKey = (name: string) => `GET ${detailPath(name)}`;

/** A list entry as Glance gives it (no properties), associated with the given resource types. */
function summary(
  name: string,
  associations: Record<string, unknown>[] = [{ name: IMAGE, prefix: "hw_", created_at: CREATED }],
) {
  return {
    namespace: name,
    display_name: `${name} options`,
    visibility: "public",
    protected: true,
    owner: "admin",
    created_at: CREATED,
    resource_type_associations: associations,
    self: `/v2/metadefs/namespaces/${name}`,
    schema: "/v2/schemas/metadefs/namespace",
  };
}

/** The detail Glance answers, with property names prefixed when a resource_type was asked for. */
function detail(name: string, call?: RecordedCall) {
  const prefix = call?.url.searchParams.get("resource_type") ? "hw_" : "";
  return {
    ...summary(name),
    properties: {
      [`${prefix}watchdog_action`]: { type: "string", title: "Watchdog Action", enum: ["disabled", "reset"] },
    },
  };
}

const listAnswer = (names: string[], next?: string) =>
  glanceJson({
    namespaces: names.map((name) => summary(name)),
    first: "/v2/metadefs/namespaces",
    schema: "/v2/schemas/metadefs/namespaces",
    ...(next ? { next } : {}),
  });

function detailRoutes(names: string[]): Record<string, StubAnswer> {
  return Object.fromEntries(
    names.map((name) => [detailKey(name), (call: RecordedCall) => glanceJson(detail(name, call))]),
  );
}

const withoutSelf = ({ self: _self, ...rest }: Record<string, unknown>) => rest;

async function okBody(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return NamespaceListSchema.parse(await response.json());
}

const listCalls = (calls: RecordedCall[]) => calls.filter((call) => call.path === "/v2/metadefs/namespaces");
const detailCalls = (calls: RecordedCall[]) => calls.filter((call) => call.path !== "/v2/metadefs/namespaces");

describe("GET /api/glance/metadefs/namespaces/", () => {
  describe("happy paths", () => {
    it("lists with Horizon's defaults, then reads each detail without a query, keeping the list order and dropping self", async () => {
      const names = ["OS::Compute::Watchdog", "CIM::ProcessorAllocationSettingData"];
      const stub = stubUpstream({ [LIST]: listAnswer(names), ...detailRoutes(names) });
      const body = await okBody(await callApi(PATH));
      expect(body).toEqual({
        items: names.map((name) => withoutSelf(detail(name))),
        has_more_data: false,
        has_prev_data: false,
      });
      expect(stub.calls.map((call) => [call.method, call.path, call.query])).toEqual([
        [
          "GET",
          "/v2/metadefs/namespaces",
          [
            ["limit", "1000"],
            ["sort_key", "namespace"],
            ["sort_dir", "asc"],
          ],
        ],
        ["GET", detailPath(names[0]), []],
        ["GET", detailPath(names[1]), []],
      ]);
      for (const call of stub.calls) {
        expect(call.headers["x-auth-token"]).toBe(TOKEN);
        expect(call.body).toBeUndefined();
      }
      expect(stub.unmatched).toEqual([]);
    });

    it("filters by resource_type and asks each detail with it, so property names come prefixed", async () => {
      const names = ["OS::Compute::CPUPinning", "OS::Glance::Signatures", "OS::Compute::Watchdog"];
      const stub = stubUpstream({ [LIST]: listAnswer(names), ...detailRoutes(names) });
      const body = await okBody(await callApi(`${PATH}?resource_type=${encodeURIComponent(IMAGE)}`));
      expect(body.items.map((item) => item.namespace)).toEqual(names);
      expect(body.items.map((item) => Object.keys(item.properties ?? {}))).toEqual(
        names.map(() => ["hw_watchdog_action"]),
      );
      expect(body.items.every((item) => !("self" in item))).toBe(true);
      expect(listCalls(stub.calls).map((call) => call.query)).toEqual([
        [
          ["resource_types", IMAGE],
          ["limit", "1000"],
          ["sort_key", "namespace"],
          ["sort_dir", "asc"],
        ],
      ]);
      expect(detailCalls(stub.calls).map((call) => [call.path, call.query])).toEqual(
        names.map((name) => [detailPath(name), [["resource_type", IMAGE]]]),
      );
    });

    it("passes visibility, sort and other keys on as filters, in Horizon's order", async () => {
      const stub = stubUpstream({ [LIST]: listAnswer(["a"]), ...detailRoutes(["a"]) });
      await okBody(
        await callApi(
          `${PATH}?sort_dir=desc&owner=admin&sort_key=created_at&visibility=public&resource_type=${encodeURIComponent(IMAGE)}&marker=z&paginate=False`,
        ),
      );
      expect(listCalls(stub.calls)[0].query).toEqual([
        ["visibility", "public"],
        ["owner", "admin"],
        ["resource_types", IMAGE],
        ["limit", "1000"],
        ["marker", "z"],
        ["sort_key", "created_at"],
        ["sort_dir", "desc"],
      ]);
    });

    it("forwards resource_types as Glance's filter when resource_type is absent, with unprefixed details", async () => {
      const stub = stubUpstream({ [LIST]: listAnswer(["a"]), ...detailRoutes(["a"]) });
      await okBody(await callApi(`${PATH}?resource_types=type`));
      expect(stub.calls.map((call) => [call.path, call.query])).toEqual([
        [
          "/v2/metadefs/namespaces",
          [
            ["resource_types", "type"],
            ["limit", "1000"],
            ["sort_key", "namespace"],
            ["sort_dir", "asc"],
          ],
        ],
        [detailPath("a"), []],
      ]);
    });

    it("keeps only namespaces whose association with the resource type has the properties_target, and reads only their details", async () => {
      const server = "OS::Nova::Server";
      const namespaces = [
        summary("OS::Software::DBMS", [{ name: IMAGE }, { name: server, properties_target: "metadata" }]),
        summary("CIM::ProcessorAllocationSettingData", [{ name: server, properties_target: "scheduler_hints" }]),
        summary("OS::Compute::Watchdog", [{ name: IMAGE, properties_target: "metadata" }]),
        summary("OS::Software::WebServers", [{ name: server, properties_target: "metadata" }]),
      ];
      const kept = ["OS::Software::DBMS", "OS::Software::WebServers"];
      const stub = stubUpstream({ [LIST]: glanceJson({ namespaces }), ...detailRoutes(kept) });
      const body = await okBody(
        await callApi(`${PATH}?resource_type=${encodeURIComponent(server)}&properties_target=metadata`),
      );
      expect(body.items.map((item) => item.namespace)).toEqual(kept);
      expect(listCalls(stub.calls)[0].query).toEqual([
        ["resource_types", server],
        ["limit", "1000"],
        ["sort_key", "namespace"],
        ["sort_dir", "asc"],
      ]);
      expect(detailCalls(stub.calls).map((call) => [call.path, call.query])).toEqual(
        kept.map((name) => [detailPath(name), [["resource_type", server]]]),
      );
      expect(stub.unmatched).toEqual([]);
    });

    it("answers items: [] for no match with only the list call (Horizon master: 500)", async () => {
      const stub = stubUpstream({
        [LIST]: glanceJson({
          namespaces: [],
          schema: "/v2/schemas/metadefs/namespaces",
          first: "/v2/metadefs/namespaces?resource_types=OS%3A%3ANo%3A%3ASuch",
        }),
      });
      const body = await okBody(await callApi(`${PATH}?resource_type=OS::No::Such`));
      expect(body).toEqual({ items: [], has_more_data: false, has_prev_data: false });
      expect(stub.calls).toHaveLength(1);
      expect(stub.calls[0].path).toBe("/v2/metadefs/namespaces");
    });

    it("with the public-detail cache off, the same request twice asks Glance twice", async () => {
      const stub = stubUpstream({ [LIST]: listAnswer(["a"]), ...detailRoutes(["a"]) });
      await okBody(await callApi(`${PATH}?visibility=public`));
      await okBody(await callApi(`${PATH}?visibility=public`));
      expect(stub.calls.map((call) => call.path)).toEqual([
        "/v2/metadefs/namespaces",
        detailPath("a"),
        "/v2/metadefs/namespaces",
        detailPath("a"),
      ]);
    });
  });

  describe("public namespace detail cache (PUBLIC_NAMESPACE_CACHE_TTL)", () => {
    const vars = { PUBLIC_NAMESPACE_CACHE_TTL: "60" };
    // Cache entries outlive a test, so each test uses namespace names of its own.
    const fresh = () => `OS::Test::${crypto.randomUUID()}`;
    const listOf = (entries: Record<string, unknown>[]) => glanceJson({ namespaces: entries });

    it("reads the list every time and a public namespace's detail once", async () => {
      const name = fresh();
      const stub = stubUpstream({ [LIST]: listAnswer([name]), ...detailRoutes([name]) });
      const first = await okBody(await callApi(`${PATH}?resource_type=${IMAGE}`, { vars }));
      const second = await okBody(await callApi(`${PATH}?resource_type=${IMAGE}`, { vars }));
      expect(second).toEqual(first);
      expect(stub.calls.map((call) => call.path)).toEqual([
        "/v2/metadefs/namespaces",
        detailPath(name),
        "/v2/metadefs/namespaces",
      ]);
      expect(stub.calls.every((call) => call.headers["x-auth-token"] === TOKEN)).toBe(true);
    });

    it("always reads a private namespace's detail with the caller's token", async () => {
      const name = fresh();
      const stub = stubUpstream({
        [LIST]: listOf([{ ...summary(name), visibility: "private" }]),
        ...detailRoutes([name]),
      });
      await okBody(await callApi(PATH, { vars }));
      await okBody(await callApi(PATH, { vars }));
      expect(stub.calls.filter((call) => call.path === detailPath(name))).toHaveLength(2);
    });

    it("keys the detail by resource type and by the namespace's updated_at", async () => {
      const name = fresh();
      let updatedAt = "2026-11-26T10:00:00Z";
      const stub = stubUpstream({
        [LIST]: () => listOf([{ ...summary(name), updated_at: updatedAt }]),
        ...detailRoutes([name]),
      });
      const prefixed = await okBody(await callApi(`${PATH}?resource_type=${IMAGE}`, { vars }));
      const plain = await okBody(await callApi(PATH, { vars }));
      expect(Object.keys(prefixed.items[0].properties as object)).toEqual(["hw_watchdog_action"]);
      expect(Object.keys(plain.items[0].properties as object)).toEqual(["watchdog_action"]);
      updatedAt = "2026-11-26T11:00:00Z";
      await okBody(await callApi(PATH, { vars }));
      expect(stub.calls.filter((call) => call.path === detailPath(name)).map((call) => call.query)).toEqual([
        [["resource_type", IMAGE]],
        [],
        [],
      ]);
    });

    it("serves nothing cached to a caller whose list call Glance refuses", async () => {
      const name = fresh();
      let refuse = false;
      const stub = stubUpstream({
        [LIST]: () =>
          refuse
            ? glanceError(401, "Unauthorized", "The request you have made requires authentication.")
            : listAnswer([name]),
        ...detailRoutes([name]),
      });
      await okBody(await callApi(PATH, { vars }));
      refuse = true;
      const refused = await callApi(PATH, { vars, token: "gAAAAAB-someone-else" });
      expect((await problemOf(refused, 401)).detail).toBe("The request you have made requires authentication.");
      expect(stub.calls.filter((call) => call.path === detailPath(name))).toHaveLength(1);
    });

    it("does not cache a failed detail read", async () => {
      const name = fresh();
      let fail = true;
      const stub = stubUpstream({
        [LIST]: listAnswer([name]),
        [detailKey(name)]: (call) => (fail ? glanceError(404, "Not Found", "gone") : glanceJson(detail(name, call))),
      });
      await problemOf(await callApi(PATH, { vars }), 404);
      fail = false;
      await okBody(await callApi(PATH, { vars }));
      expect(stub.calls.filter((call) => call.path === detailPath(name))).toHaveLength(2);
    });
  });

  describe("pagination", () => {
    const vars = { API_RESULT_PAGE_SIZE: "2" };

    describe("limit, as the image list honours it", () => {
      it("with paginate: limit is the page size; Glance is asked for limit + 1 and the extra one sets has_more_data", async () => {
        const stub = stubUpstream({
          [LIST]: listAnswer(["a", "b", "c", "d"], "/v2/metadefs/namespaces?limit=4&marker=d"),
          ...detailRoutes(["a", "b", "c"]),
        });
        const body = await okBody(await callApi(`${PATH}?paginate=true&limit=3`, { vars }));
        expect(body.items.map((item) => item.namespace)).toEqual(["a", "b", "c"]);
        expect(body).toMatchObject({ has_more_data: true, has_prev_data: false });
        expect(listCalls(stub.calls).map((call) => call.query)).toEqual([
          [
            ["limit", "4"],
            ["sort_key", "namespace"],
            ["sort_dir", "asc"],
          ],
        ]);
        expect(detailCalls(stub.calls).map((call) => call.path)).toEqual([
          detailPath("a"),
          detailPath("b"),
          detailPath("c"),
        ]);
      });

      it("with paginate: a short last page says has_more_data false", async () => {
        const stub = stubUpstream({ [LIST]: listAnswer(["a", "b"]), ...detailRoutes(["a", "b"]) });
        const body = await okBody(await callApi(`${PATH}?paginate=true&limit=3`, { vars }));
        expect(body).toMatchObject({
          items: [expect.objectContaining({ namespace: "a" }), expect.objectContaining({ namespace: "b" })],
          has_more_data: false,
        });
        expect(listCalls(stub.calls)[0].query[0]).toEqual(["limit", "4"]);
      });

      it("without paginate: limit caps the answer and has_more_data says whether Glance had more", async () => {
        const stub = stubUpstream({
          [LIST]: listAnswer(["a", "b", "c"], "/v2/metadefs/namespaces?limit=3&marker=c"),
          ...detailRoutes(["a", "b"]),
        });
        const body = await okBody(await callApi(`${PATH}?limit=2`, { vars: { API_RESULT_PAGE_SIZE: "20" } }));
        expect(body.items.map((item) => item.namespace)).toEqual(["a", "b"]);
        expect(body).toMatchObject({ has_more_data: true, has_prev_data: false });
        expect(listCalls(stub.calls).map((call) => call.query[0])).toEqual([["limit", "3"]]);
        expect(detailCalls(stub.calls)).toHaveLength(2);
      });

      it("limit = API_RESULT_LIMIT is accepted (Glance asked for at most that many); one more is a 400 before any call", async () => {
        const stub = stubUpstream({ [LIST]: listAnswer(["a"]), ...detailRoutes(["a"]) });
        const body = await okBody(await callApi(`${PATH}?limit=5`, { vars: { API_RESULT_LIMIT: "5" } }));
        expect(body).toMatchObject({ has_more_data: false });
        expect(listCalls(stub.calls)[0].query[0]).toEqual(["limit", "5"]);
        const refused = stubUpstream({});
        const problem = await problemOf(await callApi(`${PATH}?limit=6`, { vars: { API_RESULT_LIMIT: "5" } }), 400);
        expect(problem.errors).toEqual([
          { location: "query", field: "limit", message: "must be at most 5 (API_RESULT_LIMIT)" },
        ]);
        expect(refused.calls).toEqual([]);
      });
    });

    it("asks for page size + 1, keeps the page size, reads only the kept details, and flags more", async () => {
      const stub = stubUpstream({
        [LIST]: listAnswer(["a", "b", "c"], "/v2/metadefs/namespaces?limit=3&marker=c"),
        ...detailRoutes(["a", "b"]),
      });
      const body = await okBody(await callApi(`${PATH}?paginate=true`, { vars }));
      expect(body.items.map((item) => item.namespace)).toEqual(["a", "b"]);
      expect(body).toMatchObject({ has_more_data: true, has_prev_data: false });
      expect(listCalls(stub.calls)).toHaveLength(1);
      expect(listCalls(stub.calls)[0].query).toEqual([
        ["limit", "3"],
        ["sort_key", "namespace"],
        ["sort_dir", "asc"],
      ]);
      expect(detailCalls(stub.calls).map((call) => call.path)).toEqual([detailPath("a"), detailPath("b")]);
    });

    it("forwards the marker and flags a previous page", async () => {
      const stub = stubUpstream({ [LIST]: listAnswer(["c", "d", "e"]), ...detailRoutes(["c", "d"]) });
      const body = await okBody(
        await callApi(`${PATH}?paginate=1&marker=${encodeURIComponent("OS::Compute::Libvirt")}`, { vars }),
      );
      expect(body).toMatchObject({ has_more_data: true, has_prev_data: true });
      expect(listCalls(stub.calls)[0].query).toEqual([
        ["limit", "3"],
        ["marker", "OS::Compute::Libvirt"],
        ["sort_key", "namespace"],
        ["sort_dir", "asc"],
      ]);
    });

    it("flags the last page truthfully, also with sort_dir=desc (Horizon's flags were wrong there)", async () => {
      const stub = stubUpstream({ [LIST]: listAnswer(["b"]), ...detailRoutes(["b"]) });
      const body = await okBody(await callApi(`${PATH}?paginate=TRUE&sort_dir=desc&marker=c`, { vars }));
      expect(body).toMatchObject({ has_more_data: false, has_prev_data: true });
      expect(body.items.map((item) => item.namespace)).toEqual(["b"]);
      expect(listCalls(stub.calls)[0].query).toEqual([
        ["limit", "3"],
        ["marker", "c"],
        ["sort_key", "namespace"],
        ["sort_dir", "desc"],
      ]);
    });

    it("treats paginate=false as no pagination (Horizon: true) and an empty marker as none", async () => {
      const stub = stubUpstream({ [LIST]: listAnswer(["a", "b", "c"]), ...detailRoutes(["a", "b", "c"]) });
      const body = await okBody(await callApi(`${PATH}?paginate=false&marker=`, { vars }));
      expect(body.items).toHaveLength(3);
      expect(body).toMatchObject({ has_more_data: false, has_prev_data: false });
      expect(listCalls(stub.calls)[0].query).toEqual([
        ["limit", "1000"],
        ["sort_key", "namespace"],
        ["sort_dir", "asc"],
      ]);
    });

    it("reads further list pages through properties_target until the page is full", async () => {
      const volume = "OS::Cinder::Volume";
      const matching = (name: string) => summary(name, [{ name: volume, properties_target: "image" }]);
      const other = (name: string) => summary(name, [{ name: volume, properties_target: "user" }]);
      const firstNext = `/v2/metadefs/namespaces?resource_types=${encodeURIComponent(volume)}&limit=3&sort_key=namespace&sort_dir=asc&marker=c`;
      const secondNext = `/v2/metadefs/namespaces?resource_types=${encodeURIComponent(volume)}&limit=3&sort_key=namespace&sort_dir=asc&marker=f`;
      let page = 0;
      const pages = [
        glanceJson({ namespaces: [other("a"), matching("b"), other("c")], next: firstNext }),
        glanceJson({ namespaces: [other("d"), matching("e"), matching("f")], next: secondNext }),
      ];
      const stub = stubUpstream({ [LIST]: () => pages[page++], ...detailRoutes(["b", "e"]) });
      const body = await okBody(
        await callApi(`${PATH}?paginate=true&resource_type=${encodeURIComponent(volume)}&properties_target=image`, {
          vars,
        }),
      );
      expect(body.items.map((item) => item.namespace)).toEqual(["b", "e"]);
      expect(body).toMatchObject({ has_more_data: true, has_prev_data: false });
      expect(listCalls(stub.calls).map((call) => call.query)).toEqual([
        [
          ["resource_types", volume],
          ["limit", "3"],
          ["sort_key", "namespace"],
          ["sort_dir", "asc"],
        ],
        [
          ["resource_types", volume],
          ["limit", "3"],
          ["marker", "c"],
          ["sort_key", "namespace"],
          ["sort_dir", "asc"],
        ],
      ]);
      expect(detailCalls(stub.calls).map((call) => call.path)).toEqual([detailPath("b"), detailPath("e")]);
    });

    it("flags more when properties_target reading stops at API_RESULT_LIMIT with less than a page kept while Glance has more", async () => {
      const volume = "OS::Cinder::Volume";
      const matching = (name: string) => summary(name, [{ name: volume, properties_target: "image" }]);
      const other = (name: string) => summary(name, [{ name: volume, properties_target: "user" }]);
      const stub = stubUpstream({
        [LIST]: glanceJson({
          namespaces: [other("a"), matching("b"), other("c")],
          next: "/v2/metadefs/namespaces?limit=3&marker=c",
        }),
        ...detailRoutes(["b"]),
      });
      const body = await okBody(
        await callApi(`${PATH}?paginate=true&resource_type=${encodeURIComponent(volume)}&properties_target=image`, {
          vars: { ...vars, API_RESULT_LIMIT: "3" },
        }),
      );
      expect(body.items.map((item) => item.namespace)).toEqual(["b"]);
      expect(body).toMatchObject({ has_more_data: true, has_prev_data: false });
      expect(listCalls(stub.calls).map((call) => call.query)).toEqual([
        [
          ["resource_types", volume],
          ["limit", "3"],
          ["sort_key", "namespace"],
          ["sort_dir", "asc"],
        ],
      ]);
    });
  });

  describe("following next without pagination", () => {
    it("reads on from the last namespace while Glance says next, asking only for what is still needed, and says when API_RESULT_LIMIT cut the list", async () => {
      let page = 0;
      const pages = [
        listAnswer(["a", "b"], "/v2/metadefs/namespaces?limit=5&sort_key=namespace&sort_dir=asc&marker=b"),
        listAnswer(["c", "d"], "/v2/metadefs/namespaces?limit=5&sort_key=namespace&sort_dir=asc&marker=d"),
        listAnswer(["e"], "/v2/metadefs/namespaces?limit=1&sort_key=namespace&sort_dir=asc&marker=e"),
      ];
      const names = ["a", "b", "c", "d", "e"];
      const stub = stubUpstream({ [LIST]: () => pages[page++], ...detailRoutes(names) });
      const body = await okBody(await callApi(PATH, { vars: { API_RESULT_LIMIT: "5" } }));
      expect(body.items.map((item) => item.namespace)).toEqual(names);
      expect(body).toMatchObject({ has_more_data: true, has_prev_data: false });
      expect(listCalls(stub.calls).map((call) => call.query)).toEqual([
        [
          ["limit", "5"],
          ["sort_key", "namespace"],
          ["sort_dir", "asc"],
        ],
        [
          ["limit", "3"],
          ["marker", "b"],
          ["sort_key", "namespace"],
          ["sort_dir", "asc"],
        ],
        [
          ["limit", "1"],
          ["marker", "d"],
          ["sort_key", "namespace"],
          ["sort_dir", "asc"],
        ],
      ]);
    });

    it("stops at the last page and says there is no more", async () => {
      let page = 0;
      const pages = [listAnswer(["a", "b"], "/v2/metadefs/namespaces?limit=2&marker=b"), listAnswer(["c"])];
      const stub = stubUpstream({ [LIST]: () => pages[page++], ...detailRoutes(["a", "b", "c"]) });
      const body = await okBody(await callApi(PATH, { vars: { API_RESULT_LIMIT: "10" } }));
      expect(body.items.map((item) => item.namespace)).toEqual(["a", "b", "c"]);
      expect(body).toMatchObject({ has_more_data: false, has_prev_data: false });
      expect(listCalls(stub.calls)).toHaveLength(2);
      expect(listCalls(stub.calls)[1].query).toEqual([
        ["limit", "8"],
        ["marker", "b"],
        ["sort_key", "namespace"],
        ["sort_dir", "asc"],
      ]);
    });

    it("keeps repeated filters on further pages, which Glance's next link collapses into the last value", async () => {
      let page = 0;
      // Glance builds next from dict(request.params): of owner=p1&owner=p2 only owner=p2 survives.
      const pages = [
        listAnswer(["a", "b"], "/v2/metadefs/namespaces?owner=p2&limit=3&sort_key=namespace&sort_dir=asc&marker=b"),
        listAnswer(["c"]),
      ];
      const stub = stubUpstream({ [LIST]: () => pages[page++], ...detailRoutes(["a", "b", "c"]) });
      const body = await okBody(await callApi(`${PATH}?owner=p1&owner=p2`, { vars: { API_RESULT_LIMIT: "3" } }));
      expect(body.items.map((item) => item.namespace)).toEqual(["a", "b", "c"]);
      expect(listCalls(stub.calls).map((call) => call.query)).toEqual([
        [
          ["owner", "p1"],
          ["owner", "p2"],
          ["limit", "3"],
          ["sort_key", "namespace"],
          ["sort_dir", "asc"],
        ],
        [
          ["owner", "p1"],
          ["owner", "p2"],
          ["limit", "1"],
          ["marker", "b"],
          ["sort_key", "namespace"],
          ["sort_dir", "asc"],
        ],
      ]);
    });
  });

  describe("bounded fan-out", () => {
    /**
     * Detail answers that wait until the test releases them: everything waiting is released (in
     * reverse order) when `bound` calls are in flight or every expected call has arrived.
     */
    function gatedDetails(names: string[], bound: number) {
      let inFlight = 0;
      let maxInFlight = 0;
      let arrivals = 0;
      let waiting: (() => void)[] = [];
      const answer = (name: string) => async (call: RecordedCall) => {
        arrivals++;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const gate = new Promise<void>((resolve) => waiting.push(resolve));
        if (inFlight >= bound || arrivals === names.length) {
          const release = waiting.reverse();
          waiting = [];
          for (const open of release) open();
        }
        await gate;
        inFlight--;
        return glanceJson(detail(name, call));
      };
      return {
        routes: Object.fromEntries(names.map((name) => [detailKey(name), answer(name)])) as Record<string, StubAnswer>,
        maxInFlight: () => maxInFlight,
      };
    }

    it("never has more than NAMESPACE_DETAIL_CONCURRENCY detail calls in flight, and keeps the list order", async () => {
      const names = Array.from({ length: 11 }, (_, index) => `ns-${String(index).padStart(2, "0")}`);
      const gated = gatedDetails(names, 3);
      const stub = stubUpstream({ [LIST]: listAnswer(names), ...gated.routes });
      const body = await okBody(await callApi(PATH, { vars: { NAMESPACE_DETAIL_CONCURRENCY: "3" } }));
      expect(gated.maxInFlight()).toBe(3);
      expect(body.items.map((item) => item.namespace)).toEqual(names);
      expect(detailCalls(stub.calls).map((call) => call.path)).toEqual(names.map(detailPath));
    });

    it("runs every detail at once when fewer than the default bound of 8", async () => {
      const names = ["a", "b", "c", "d", "e"];
      const gated = gatedDetails(names, 8);
      stubUpstream({ [LIST]: listAnswer(names), ...gated.routes });
      const body = await okBody(await callApi(PATH));
      expect(gated.maxInFlight()).toBe(5);
      expect(body.items.map((item) => item.namespace)).toEqual(names);
    });
  });

  describe("upstream errors", () => {
    it("fails the whole request with Glance's 404 when a detail read fails, naming the namespace", async () => {
      const stub = stubUpstream({
        [LIST]: listAnswer(["a", "OS::Gone", "c"]),
        ...detailRoutes(["a", "c"]),
        [detailKey("OS::Gone")]: glanceError(404, "Not Found", "Metadata definition namespace=OS::Gone was not found."),
      });
      const response = await callApi(PATH, { vars: { NAMESPACE_DETAIL_CONCURRENCY: "1" } });
      expect(response.status).toBe(404);
      const problem = await problemOf(response);
      expect(problem).toMatchObject({
        type: "urn:glance-edge:problem:glance-error",
        status: 404,
        upstream_status: 404,
        instance: PATH,
      });
      expect(problem.detail).toBe(
        "Reading namespace OS::Gone failed: Metadata definition namespace=OS::Gone was not found.",
      );
      // fail fast: with one call at a time, nothing after the failure is read
      expect(detailCalls(stub.calls).map((call) => call.path)).toEqual([detailPath("a"), detailPath("OS::Gone")]);
    });

    it("answers 502 with Glance's status when a detail read fails with a 500", async () => {
      stubUpstream({
        [LIST]: listAnswer(["a", "b"]),
        ...detailRoutes(["a"]),
        [detailKey("b")]: new Response("boom", { status: 500 }),
      });
      const response = await callApi(PATH);
      expect(response.status).toBe(502);
      const problem = await problemOf(response);
      expect(problem).toMatchObject({ type: "urn:glance-edge:problem:bad-gateway", upstream_status: 500 });
      expect(problem.detail).toMatch(/^Reading namespace b failed: Glance failed with 500/);
    });

    it("passes Glance's 404 for an unknown marker through, with no detail call", async () => {
      const stub = stubUpstream({
        [LIST]: glanceError(404, "Not Found", "Metadata definition namespace=nope was not found."),
      });
      const response = await callApi(`${PATH}?marker=nope&paginate=true`);
      expect(response.status).toBe(404);
      expect((await problemOf(response)).detail).toBe("Metadata definition namespace=nope was not found.");
      expect(stub.calls).toHaveLength(1);
    });

    it("passes Glance's 401 through", async () => {
      stubUpstream({
        [LIST]: glanceJson(
          {
            error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." },
          },
          401,
        ),
      });
      const response = await callApi(PATH);
      expect(response.status).toBe(401);
      expect((await problemOf(response)).detail).toBe("The request you have made requires authentication.");
    });
  });

  describe("bad input is refused before any Glance call", () => {
    it.each([
      ["sort_key=name", "sort_key"],
      ["sort_dir=up", "sort_dir"],
      ["visibility=shared", "visibility"],
      ["paginate=yes", "paginate"],
      ["paginate=", "paginate"],
      ["resource_type=", "resource_type"],
      ["resource_type=OS::Glance::Image,OS::Nova::Flavor", "resource_type"],
      ["sort_key=namespace&sort_key=created_at", "sort_key"],
      ["resource_type=OS::Glance::Image&resource_type=OS::Nova::Flavor", "resource_type"],
      ["resource_type=OS::Glance::Image&resource_types=OS::Nova::Flavor", "resource_types"],
      ["properties_target=image", "properties_target"],
      ["limit=0", "limit"],
      ["limit=1001", "limit"],
      ["limit=ten", "limit"],
      ["limit=5&limit=6", "limit"],
      ["=x", "(empty)"],
      ["__proto__=x", "__proto__"],
      ["paginate=1&paginate=0", "paginate"],
    ])("?%s → 400 naming %s", async (query, field) => {
      const stub = stubUpstream({});
      const response = await callApi(`${PATH}?${query}`);
      expect(response.status).toBe(400);
      const problem = await problemOf(response);
      expect(problem.type).toBe("urn:glance-edge:problem:validation-error");
      expect(problem.errors?.map((error) => [error.location, error.field])).toEqual([["query", field]]);
      expect(stub.calls).toEqual([]);
    });

    it("says a single-valued keyword was given more than once, not zod's expected string", async () => {
      const stub = stubUpstream({});
      const response = await callApi(
        `${PATH}?paginate=1&paginate=0&sort_dir=asc&sort_dir=desc&marker=a&marker=b&visibility=public&visibility=private`,
      );
      expect(response.status).toBe(400);
      expect((await problemOf(response)).errors).toEqual(
        ["paginate", "marker", "sort_dir", "visibility"].map((field) => ({
          location: "query",
          field,
          message: "given more than once",
        })),
      );
      expect(stub.calls).toEqual([]);
    });

    it("refuses an empty key and __proto__, which the query parser and zod would drop, naming both", async () => {
      const stub = stubUpstream({});
      const response = await callApi(`${PATH}?=x&__proto__=y&owner=p1`);
      expect(response.status).toBe(400);
      expect((await problemOf(response)).errors).toEqual([
        { location: "query", field: "(empty)", message: "a query parameter needs a name" },
        { location: "query", field: "__proto__", message: "cannot be used as a filter name" },
      ]);
      expect(stub.calls).toEqual([]);
    });

    it("names every bad field at once", async () => {
      const stub = stubUpstream({});
      const response = await callApi(`${PATH}?sort_key=name&sort_dir=up&visibility=all`);
      expect(response.status).toBe(400);
      expect((await problemOf(response)).errors?.map((error) => error.field).sort()).toEqual([
        "sort_dir",
        "sort_key",
        "visibility",
      ]);
      expect(stub.calls).toEqual([]);
    });
  });

  describe("security", () => {
    it("refuses a missing token with 401 and no Glance call", async () => {
      const stub = stubUpstream({});
      const response = await callApi(PATH, { token: null });
      expect(response.status).toBe(401);
      expect((await problemOf(response)).type).toBe("urn:glance-edge:problem:unauthenticated");
      expect(stub.calls).toEqual([]);
    });
  });
});

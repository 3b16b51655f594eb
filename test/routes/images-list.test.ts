import { afterEach, describe, expect, it, vi } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { ImageListSchema } from "../../src/routes/images/images.schemas";
import { REPEATED_MESSAGE } from "../../src/routes/images/list-query";
import { callApi, TOKEN } from "../support/call-api";
import { glanceError, glanceJson, type RecordedCall, stubUpstream } from "../support/glance-stub";
import { glanceImage } from "../support/glance-image";

afterEach(() => vi.restoreAllMocks());

/** Seven stub images: img-01 … img-07 with increasing created_at. */
const listedImage = (n: number) =>
  glanceImage({
    id: `img-0${n}`,
    name: `image-${n}`,
    status: "active",
    visibility: n % 2 ? "public" : "private",
    owner: "p1",
    size: n * 1024,
    created_at: `2026-11-0${n}T10:00:00Z`,
    updated_at: `2026-11-0${n}T10:00:00Z`,
    tags: n === 1 ? ["lts"] : [],
    os_distro: "cirros",
  });
const IMAGES = [1, 2, 3, 4, 5, 6, 7].map(listedImage);

/**
 * A Glance list endpoint over IMAGES: sorts by sort_key/sort_dir, starts after the marker, caps each
 * page at `cap` (Glance's api_limit_max) and adds `next` when a page is full. Like Glance, `next`
 * is rebuilt from a dict of the parameters, so a repeated `tag` keeps only its last value.
 */
function fakeGlanceList({ cap = 1000, images = IMAGES } = {}) {
  return (call: RecordedCall) => {
    const params = new URLSearchParams(call.url.search);
    const key = (params.get("sort_key") ?? "created_at") as keyof (typeof images)[number];
    const sorted = [...images].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
    if (params.get("sort_dir") !== "asc") sorted.reverse();
    const marker = params.get("marker");
    const start = marker === null ? 0 : sorted.findIndex((image) => image.id === marker) + 1;
    if (start === 0 && marker !== null) return glanceError(400, "Bad Request", `No image found with ID ${marker}`);
    const limit = Math.min(Number(params.get("limit") ?? 25), cap);
    const page = sorted.slice(start, start + limit);
    const body: Record<string, unknown> = { images: page, first: "/v2/images", schema: "/v2/schemas/images" };
    if (page.length === limit) {
      const asDict = Object.fromEntries(params);
      delete asDict.marker;
      body.next = `/v2/images?${new URLSearchParams({ ...asDict, marker: page[page.length - 1].id }).toString()}`;
    }
    return glanceJson(body);
  };
}

const query = (call: RecordedCall) => new URLSearchParams(call.query).toString();
const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

async function list(path: string, vars?: Record<string, string>) {
  const response = await callApi(`/api/glance/images/${path}`, { vars });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return ImageListSchema.parse(await response.json());
}

async function refused(path: string, status = 400) {
  const response = await callApi(`/api/glance/images/${path}`);
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return ProblemSchema.parse(await response.json());
}

const PAGE_SIZE_2 = { API_RESULT_PAGE_SIZE: "2" };

describe("GET /api/glance/images/ — happy paths", () => {
  it("no parameters → one Glance call for API_RESULT_LIMIT+1, every image, list variant, flags false", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const body = await list("");
    expect(stub.calls).toHaveLength(1);
    const [call] = stub.calls;
    expect(call.method).toBe("GET");
    expect(call.path).toBe("/v2/images");
    expect(query(call)).toBe("limit=1001&sort_key=created_at&sort_dir=desc");
    expect(call.headers["x-auth-token"]).toBe(TOKEN);
    expect(call.headers.accept).toBe("application/json");
    expect(call.body).toBeUndefined();
    expect(ids(body)).toEqual(["img-07", "img-06", "img-05", "img-04", "img-03", "img-02", "img-01"]);
    expect(body).toMatchObject({ has_more_data: false, has_prev_data: false });
    expect(body.items[6]).toEqual({
      id: "img-01",
      name: "image-1",
      status: "active",
      visibility: "public",
      owner: "p1",
      checksum: null,
      container_format: "bare",
      disk_format: "qcow2",
      created_at: "2026-11-01T10:00:00Z",
      updated_at: "2026-11-01T10:00:00Z",
      min_disk: 0,
      min_ram: 0,
      protected: false,
      architecture: null,
      size: 1024,
      is_public: true,
      tags: ["lts"],
      virtual_size: null,
      properties: { os_hidden: false, os_hash_algo: null, os_hash_value: null, os_distro: "cirros" },
    });
  });

  it("paginate=true asks for page size + 1 and keeps a page", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const body = await list("?paginate=true", PAGE_SIZE_2);
    expect(stub.calls.map(query)).toEqual(["limit=3&sort_key=created_at&sort_dir=desc"]);
    expect(ids(body)).toEqual(["img-07", "img-06"]);
    expect(body).toMatchObject({ has_more_data: true, has_prev_data: false });
  });

  it("a marker in the middle → more and prev", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const body = await list("?paginate=true&marker=img-06", PAGE_SIZE_2);
    expect(stub.calls.map(query)).toEqual(["limit=3&sort_key=created_at&sort_dir=desc&marker=img-06"]);
    expect(ids(body)).toEqual(["img-05", "img-04"]);
    expect(body).toMatchObject({ has_more_data: true, has_prev_data: true });
  });

  it("the last page → prev only", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const body = await list("?paginate=true&marker=img-03", PAGE_SIZE_2);
    expect(stub.calls.map(query)).toEqual(["limit=3&sort_key=created_at&sort_dir=desc&marker=img-03"]);
    expect(ids(body)).toEqual(["img-02", "img-01"]);
    expect(body).toMatchObject({ has_more_data: false, has_prev_data: true });
  });

  it("sort_dir=asc is used as given without reversed_order", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const body = await list("?paginate=true&sort_dir=asc&marker=img-03", PAGE_SIZE_2);
    expect(stub.calls.map(query)).toEqual(["limit=3&sort_key=created_at&sort_dir=asc&marker=img-03"]);
    expect(ids(body)).toEqual(["img-04", "img-05"]);
    expect(body).toMatchObject({ has_more_data: true, has_prev_data: true });
  });

  it("fewer than or exactly a page → no more", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const fewer = await list("?paginate=true", { API_RESULT_PAGE_SIZE: "20" });
    const exact = await list("?paginate=true", { API_RESULT_PAGE_SIZE: "7" });
    expect(stub.calls.map(query)).toEqual([
      "limit=21&sort_key=created_at&sort_dir=desc",
      "limit=8&sort_key=created_at&sort_dir=desc",
    ]);
    expect(fewer.items).toHaveLength(7);
    expect(exact.items).toHaveLength(7);
    expect([fewer.has_more_data, fewer.has_prev_data, exact.has_more_data, exact.has_prev_data]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("limit is the page size when paginating (Horizon ignored it)", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const body = await list("?paginate=true&limit=3");
    expect(stub.calls.map(query)).toEqual(["limit=4&sort_key=created_at&sort_dir=desc"]);
    expect(ids(body)).toEqual(["img-07", "img-06", "img-05"]);
    expect(body).toMatchObject({ has_more_data: true, has_prev_data: false });
  });

  it("filters first, then limit, sort_key, sort_dir", async () => {
    const stub = stubUpstream({ "GET /v2/images": glanceJson({ images: [listedImage(1)] }) });
    const body = await list("?name=img-01&status=active&sort_key=name&sort_dir=asc");
    expect(stub.calls.map(query)).toEqual(["name=img-01&status=active&limit=1001&sort_key=name&sort_dir=asc"]);
    expect(ids(body)).toEqual(["img-01"]);
  });

  it("marker and name filter without paging", async () => {
    const fedora = { ...listedImage(2), id: "fedora", name: "fedora" };
    const cirros = { ...listedImage(1), id: "cirros", name: "cirros" };
    const stub = stubUpstream({ "GET /v2/images": glanceJson({ images: [fedora, cirros] }) });
    const body = await list("?sort_dir=desc&sort_key=name&marker=1&paginate=False&name=fedora");
    expect(stub.calls.map(query)).toEqual(["name=fedora&limit=1001&sort_key=name&sort_dir=desc&marker=1"]);
    expect(ids(body)).toEqual(["fedora", "cirros"]);
    // Horizon says false for both without paginate; we say what is true: a marker was given
    expect(body).toMatchObject({ has_more_data: false, has_prev_data: true });
  });
});

describe("GET /api/glance/images/ — Horizon bugs fixed", () => {
  it.each(["false", "False", "FALSE", "0"])("paginate=%s does not page", async (value) => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const body = await list(`?paginate=${value}`, PAGE_SIZE_2);
    expect(stub.calls.map(query)).toEqual(["limit=1001&sort_key=created_at&sort_dir=desc"]);
    expect(body.items).toHaveLength(7);
    expect(body).toMatchObject({ has_more_data: false, has_prev_data: false });
  });

  it("paginate=yes is a 400 naming the field, with no Glance call", async () => {
    const stub = stubUpstream({});
    const problem = await refused("?paginate=yes");
    expect(problem.errors).toEqual([{ location: "query", field: "paginate", message: "must be true, false, 1 or 0" }]);
    expect(stub.calls).toEqual([]);
  });

  it.each([
    ["True", "public"],
    ["true", "public"],
    ["FALSE", "private"],
  ])("is_public=%s → visibility=%s", async (value, visibility) => {
    const stub = stubUpstream({ "GET /v2/images": glanceJson({ images: [] }) });
    await list(`?is_public=${value}`);
    expect(stub.calls.map(query)).toEqual([`visibility=${visibility}&limit=1001&sort_key=created_at&sort_dir=desc`]);
  });

  it.each(["None", "yes"])("is_public=%s is a 400 before any Glance call", async (value) => {
    const stub = stubUpstream({});
    const problem = await refused(`?is_public=${value}`);
    expect(problem).toMatchObject({ status: 400, type: "urn:glance-edge:problem:validation-error" });
    expect(problem.errors).toEqual([{ location: "query", field: "is_public", message: "must be true or false" }]);
    expect(stub.calls).toEqual([]);
  });

  it("property-owner_id is sent as owner", async () => {
    const stub = stubUpstream({ "GET /v2/images": glanceJson({ images: [] }) });
    await list("?property-owner_id=p9");
    expect(stub.calls.map(query)).toEqual(["owner=p9&limit=1001&sort_key=created_at&sort_dir=desc"]);
  });

  it("one tag is sent whole, several as repeated tag parameters", async () => {
    const stub = stubUpstream({ "GET /v2/images": glanceJson({ images: [] }) });
    await list("?tag=ab");
    await list("?tag=ab&tag=cd");
    expect(stub.calls.map((call) => call.query)).toEqual([
      [
        ["tag", "ab"],
        ["limit", "1001"],
        ["sort_key", "created_at"],
        ["sort_dir", "desc"],
      ],
      [
        ["tag", "ab"],
        ["tag", "cd"],
        ["limit", "1001"],
        ["sort_key", "created_at"],
        ["sort_dir", "desc"],
      ],
    ]);
  });

  it("every tag is still sent on later pages, although Glance's next link keeps only the last", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList({ cap: 3 }) });
    const body = await list("?tag=a&tag=b&paginate=true&limit=4");
    expect(stub.calls.map(query)).toEqual([
      "tag=a&tag=b&limit=5&sort_key=created_at&sort_dir=desc",
      "tag=a&tag=b&limit=2&sort_key=created_at&sort_dir=desc&marker=img-05",
    ]);
    expect(ids(body)).toEqual(["img-07", "img-06", "img-05", "img-04"]);
    expect(body).toMatchObject({ has_more_data: true, has_prev_data: false });
  });

  it("reversed_order=true gives the page before the marker, in the caller's order, and is not sent to Glance", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const body = await list("?paginate=true&reversed_order=true&marker=img-03", PAGE_SIZE_2);
    expect(stub.calls.map(query)).toEqual(["limit=3&sort_key=created_at&sort_dir=asc&marker=img-03"]);
    expect(ids(body)).toEqual(["img-05", "img-04"]);
    expect(body).toMatchObject({ has_more_data: true, has_prev_data: true });
  });

  it("going back to the first page says there is nothing before it", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const body = await list("?paginate=1&reversed_order=TRUE&marker=img-05", PAGE_SIZE_2);
    expect(stub.calls.map(query)).toEqual(["limit=3&sort_key=created_at&sort_dir=asc&marker=img-05"]);
    expect(ids(body)).toEqual(["img-07", "img-06"]);
    expect(body).toMatchObject({ has_more_data: true, has_prev_data: false });
  });

  it("reversed_order with sort_dir=asc asks Glance for desc", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const body = await list("?paginate=true&reversed_order=true&sort_dir=asc&marker=img-04", PAGE_SIZE_2);
    expect(stub.calls.map(query)).toEqual(["limit=3&sort_key=created_at&sort_dir=desc&marker=img-04"]);
    expect(ids(body)).toEqual(["img-02", "img-03"]);
    expect(body).toMatchObject({ has_more_data: true, has_prev_data: true });
  });

  it("without paginate, more images than API_RESULT_LIMIT → has_more_data true, not a silent cut", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const body = await list("", { API_RESULT_LIMIT: "5" });
    expect(stub.calls.map(query)).toEqual(["limit=6&sort_key=created_at&sort_dir=desc"]);
    expect(ids(body)).toEqual(["img-07", "img-06", "img-05", "img-04", "img-03"]);
    expect(body).toMatchObject({ has_more_data: true, has_prev_data: false });
  });

  it("limit caps the unpaginated list, truthfully", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const body = await list("?limit=7");
    expect(stub.calls.map(query)).toEqual(["limit=8&sort_key=created_at&sort_dir=desc"]);
    expect(body.items).toHaveLength(7);
    expect(body.has_more_data).toBe(false);
  });

  it("limit above API_RESULT_LIMIT is a 400, not silently lowered", async () => {
    const stub = stubUpstream({});
    const problem = await refused("?limit=1001");
    expect(problem.errors).toEqual([
      { location: "query", field: "limit", message: "must be at most 1000 (API_RESULT_LIMIT)" },
    ]);
    expect(stub.calls).toEqual([]);
  });

  it("unknown keys (typos too) are custom-property filters, sent as given, as documented", async () => {
    const stub = stubUpstream({ "GET /v2/images": glanceJson({ images: [] }) });
    const body = await list("?staus=active&os_distro=ubuntu");
    expect(stub.calls.map(query)).toEqual([
      "staus=active&os_distro=ubuntu&limit=1001&sort_key=created_at&sort_dir=desc",
    ]);
    expect(body).toEqual({ items: [], has_more_data: false, has_prev_data: false });
  });

  it("a parameter without a name or named __proto__ is a 400, not silently dropped", async () => {
    const stub = stubUpstream({});
    expect((await refused("?=v&name=x")).errors).toEqual([
      { location: "query", field: "(empty)", message: "a query parameter needs a name" },
    ]);
    expect((await refused("?__proto__=x")).errors).toEqual([
      { location: "query", field: "__proto__", message: "cannot be used as a filter name" },
    ]);
    expect(stub.calls).toEqual([]);
  });

  it("odd but valid property names and values are sent encoded, as given", async () => {
    const stub = stubUpstream({ "GET /v2/images": glanceJson({ images: [] }) });
    await list("?constructor=y&hw%3Acpu=a%26b&name=%E2%9C%93");
    expect(stub.calls.map((call) => call.query)).toEqual([
      [
        ["name", "✓"],
        ["constructor", "y"],
        ["hw:cpu", "a&b"],
        ["limit", "1001"],
        ["sort_key", "created_at"],
        ["sort_dir", "desc"],
      ],
    ]);
  });

  it("boolean filters are sent lowercase, other values as given", async () => {
    const stub = stubUpstream({ "GET /v2/images": glanceJson({ images: [] }) });
    await list("?os_hidden=True&foo=None&member_status=all&protected=FALSE");
    expect(stub.calls.map(query)).toEqual([
      "member_status=all&protected=false&os_hidden=true&foo=None&limit=1001&sort_key=created_at&sort_dir=desc",
    ]);
  });

  it("a sort key Glance would refuse is a 400 with no call", async () => {
    const stub = stubUpstream({});
    const problem = await refused("?sort_dir=desc&sort_key=namespace&marker=1&paginate=False&name=fedora");
    expect(problem.errors).toEqual([
      {
        location: "query",
        field: "sort_key",
        message: "must be one of: name, status, container_format, disk_format, size, id, created_at, updated_at",
      },
    ]);
    expect(stub.calls).toEqual([]);
  });

  it("sort= (Glance's other syntax), a bad sort_dir and a repeated key are named together, with no call", async () => {
    const stub = stubUpstream({});
    const problem = await refused("?sort=name:asc&sort_dir=up&name=a&name=b");
    expect(problem.errors).toEqual([
      { location: "query", field: "sort_dir", message: "must be one of: asc, desc" },
      { location: "query", field: "name", message: REPEATED_MESSAGE },
      {
        location: "query",
        field: "sort",
        message:
          "Glance's sort=key:dir syntax cannot be combined with sort_key/sort_dir, which are always sent; use sort_key and sort_dir",
      },
    ]);
    expect(stub.calls).toEqual([]);
  });

  it("a key given twice is a 400 (Horizon kept the last)", async () => {
    const stub = stubUpstream({});
    const problem = await refused("?name=x&name=img-02");
    expect(problem.errors).toEqual([{ location: "query", field: "name", message: REPEATED_MESSAGE }]);
    expect(stub.calls).toEqual([]);
  });

  it.each([
    ["visibility=everyone", "visibility"],
    ["member_status=maybe", "member_status"],
    ["protected=yes", "protected"],
    ["os_hidden=maybe", "os_hidden"],
    ["status=running", "status"],
    ["size_min=-1", "size_min"],
    ["created_at=yesterday", "created_at"],
    ["reversed_order=back", "reversed_order"],
    ["limit=0", "limit"],
    ["is_public=true&visibility=public", "is_public"],
  ])("%s is a 400 naming %s, with no call", async (search, field) => {
    const stub = stubUpstream({});
    const problem = await refused(`?${search}`);
    expect(problem.errors?.map((error) => error.field)).toEqual([field]);
    expect(stub.calls).toEqual([]);
  });
});

describe("GET /api/glance/images/ — following Glance's pages", () => {
  it("without paginate, follows full pages asking for the remaining count", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList({ cap: 3 }) });
    const body = await list("");
    expect(stub.calls.map(query)).toEqual([
      "limit=1001&sort_key=created_at&sort_dir=desc",
      "limit=998&sort_key=created_at&sort_dir=desc&marker=img-05",
      "limit=995&sort_key=created_at&sort_dir=desc&marker=img-02",
    ]);
    expect(stub.calls.every((call) => call.headers["x-auth-token"] === TOKEN)).toBe(true);
    expect(body.items).toHaveLength(7);
    expect(body).toMatchObject({ has_more_data: false, has_prev_data: false });
  });

  it("paginated, stops as soon as page size + 1 images arrived", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList({ cap: 3 }) });
    const body = await list("?paginate=true", { API_RESULT_PAGE_SIZE: "5" });
    expect(stub.calls.map(query)).toEqual([
      "limit=6&sort_key=created_at&sort_dir=desc",
      "limit=3&sort_key=created_at&sort_dir=desc&marker=img-05",
    ]);
    expect(ids(body)).toEqual(["img-07", "img-06", "img-05", "img-04", "img-03"]);
    expect(body).toMatchObject({ has_more_data: true, has_prev_data: false });
  });

  it("a full last page (next present, nothing after it) → has_more_data false", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList({ cap: 7 }) });
    const body = await list("", { API_RESULT_LIMIT: "7" });
    expect(stub.calls.map(query)).toEqual([
      "limit=8&sort_key=created_at&sort_dir=desc",
      "limit=1&sort_key=created_at&sort_dir=desc&marker=img-01",
    ]);
    expect(body.items).toHaveLength(7);
    expect(body.has_more_data).toBe(false);
  });

  it("without paginate and above API_RESULT_LIMIT across pages: stops at the limit + 1 and says there is more", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList({ cap: 3 }) });
    const body = await list("", { API_RESULT_LIMIT: "4" });
    expect(stub.calls.map(query)).toEqual([
      "limit=5&sort_key=created_at&sort_dir=desc",
      "limit=2&sort_key=created_at&sort_dir=desc&marker=img-05",
    ]);
    expect(ids(body)).toEqual(["img-07", "img-06", "img-05", "img-04"]);
    expect(body.has_more_data).toBe(true);
  });
});

describe("GET /api/glance/images/ — errors", () => {
  it("Glance's 400 (unknown marker) passes through as 400 with Glance's message", async () => {
    const stub = stubUpstream({ "GET /v2/images": fakeGlanceList() });
    const problem = await refused("?marker=nope&paginate=true");
    expect(stub.calls.map(query)).toEqual(["limit=21&sort_key=created_at&sort_dir=desc&marker=nope"]);
    expect(problem).toMatchObject({
      status: 400,
      type: "urn:glance-edge:problem:glance-error",
      detail: "No image found with ID nope",
      upstream_status: 400,
      instance: "/api/glance/images/",
    });
  });

  it("Glance's 400 for a filter it refuses passes through", async () => {
    stubUpstream({
      "GET /v2/images": glanceError(
        400,
        "Bad Request",
        "Invalid sort key: foo. It must be one of the following: name, status.",
      ),
    });
    const problem = await refused("?os_distro=x");
    expect(problem.detail).toBe("Invalid sort key: foo. It must be one of the following: name, status.");
  });

  it("Glance's 401 (keystonemiddleware JSON) passes through", async () => {
    stubUpstream({
      "GET /v2/images": glanceJson(
        { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } },
        401,
      ),
    });
    const problem = await refused("", 401);
    expect(problem).toMatchObject({
      status: 401,
      detail: "The request you have made requires authentication.",
      upstream_status: 401,
    });
  });

  it("Glance's 403 text/plain passes through", async () => {
    stubUpstream({
      "GET /v2/images": new Response("forbidden text", { status: 403, headers: { "content-type": "text/plain" } }),
    });
    const problem = await refused("", 403);
    expect(problem).toMatchObject({ status: 403, detail: "forbidden text" });
  });

  it("a Glance status Horizon could not map (415) still passes through", async () => {
    stubUpstream({ "GET /v2/images": glanceError(415, "Unsupported Media Type", "nope") });
    const problem = await refused("", 415);
    expect(problem).toMatchObject({ status: 415, detail: "nope" });
  });

  it("Glance 503 → 502 with upstream_status, after one retry", async () => {
    const stub = stubUpstream({ "GET /v2/images": glanceError(503, "Service Unavailable", "down") });
    const problem = await refused("", 502);
    expect(problem).toMatchObject({ status: 502, type: "urn:glance-edge:problem:bad-gateway", upstream_status: 503 });
    expect(problem.detail).toContain("down");
    expect(stub.calls.map(query)).toEqual(Array(2).fill("limit=1001&sort_key=created_at&sort_dir=desc"));
  });

  it("a network failure → 502 naming no internal URL", async () => {
    const stub = stubUpstream({
      "GET /v2/images": () => {
        throw new TypeError("connect ECONNREFUSED glance.test:9292");
      },
    });
    const problem = await refused("", 502);
    expect(problem).toMatchObject({ status: 502, detail: "Glance could not be reached" });
    expect(JSON.stringify(problem)).not.toContain("glance.test");
    expect(stub.calls).toHaveLength(2);
  });

  it("an answer that is not an image list → 502", async () => {
    stubUpstream({ "GET /v2/images": glanceJson({ servers: [] }) });
    const problem = await refused("", 502);
    expect(problem.type).toBe("urn:glance-edge:problem:bad-gateway");
  });

  it("no token → 401 with no Glance call", async () => {
    const stub = stubUpstream({});
    const response = await callApi("/api/glance/images/", { token: null });
    expect(response.status).toBe(401);
    expect(ProblemSchema.parse(await response.json()).type).toBe("urn:glance-edge:problem:unauthenticated");
    expect(stub.calls).toEqual([]);
  });

  it("no trailing slash → 308 to the slash, query kept, no Glance call", async () => {
    const stub = stubUpstream({});
    const response = await callApi("/api/glance/images?paginate=true");
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/api/glance/images/?paginate=true");
    expect(stub.calls).toEqual([]);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { ImportMethodsSchema, StoresSchema, UsageSchema } from "../../src/routes/info/info.schemas";
import { callApi, TOKEN } from "../support/call-api";
import { glanceError, glanceJson, stubUpstream } from "../support/glance-stub";
import { problemOf, sent } from "../support/expect";

afterEach(() => vi.restoreAllMocks());

const getCall = (path: string) => ({
  method: "GET",
  path,
  query: [],
  token: TOKEN,
  contentType: undefined,
  body: undefined,
});

describe("GET /api/glance/info/import/", () => {
  it("answers Glance's import-methods value", async () => {
    const stub = stubUpstream({
      "GET /v2/info/import": glanceJson({
        "import-methods": {
          description: "Import methods available.",
          type: "array",
          value: ["glance-direct", "web-download", "copy-image"],
        },
      }),
    });
    const response = await callApi("/api/glance/info/import/");

    expect(response.status).toBe(200);
    expect(ImportMethodsSchema.parse(await response.json())).toEqual({
      import_methods: ["glance-direct", "web-download", "copy-image"],
    });
    expect(stub.calls.map(sent)).toEqual([getCall("/v2/info/import")]);
  });

  it("an empty list when interoperable import is off (Glance's 404)", async () => {
    stubUpstream({ "GET /v2/info/import": glanceError(404, "Not Found", "The resource could not be found.") });
    expect(await (await callApi("/api/glance/info/import/")).json()).toEqual({ import_methods: [] });
  });

  it("Glance's 5xx is a 502", async () => {
    stubUpstream({ "GET /v2/info/import": glanceError(500, "Internal Server Error", "boom") });
    await problemOf(await callApi("/api/glance/info/import/"), 502);
  });

  it("no token is a 401 before any Glance call", async () => {
    const stub = stubUpstream({});
    await problemOf(await callApi("/api/glance/info/import/", { token: null }), 401);
    expect(stub.calls).toEqual([]);
  });
});

describe("GET /api/glance/info/stores/", () => {
  it("a single-store Glance (its 404, as Glance 25 answers) is an empty list", async () => {
    const stub = stubUpstream({
      "GET /v2/info/stores": glanceError(404, "Not Found", "Multi backend is not supported at this site."),
    });
    const response = await callApi("/api/glance/info/stores/");

    expect(response.status).toBe(200);
    expect(StoresSchema.parse(await response.json())).toEqual({ stores: [] });
    expect(stub.calls.map(sent)).toEqual([getCall("/v2/info/stores")]);
  });

  it("a multi-store Glance's stores with default and read-only spelled out", async () => {
    stubUpstream({
      "GET /v2/info/stores": glanceJson({
        stores: [
          { id: "reliable", description: "More expensive store with data redundancy" },
          { id: "fast", description: "Provides quick access to your image data", default: true },
          { id: "web", "read-only": true },
        ],
      }),
    });
    const response = await callApi("/api/glance/info/stores/");

    expect(StoresSchema.parse(await response.json())).toEqual({
      stores: [
        { id: "reliable", description: "More expensive store with data redundancy", default: false, read_only: false },
        { id: "fast", description: "Provides quick access to your image data", default: true, read_only: false },
        { id: "web", description: "", default: false, read_only: true },
      ],
    });
  });

  it("Glance's 403 keeps its status", async () => {
    stubUpstream({
      "GET /v2/info/stores": glanceError(403, "Forbidden", "You are not authorized to complete this action."),
    });
    await problemOf(await callApi("/api/glance/info/stores/"), 403);
  });
});

describe("GET /api/glance/info/usage/", () => {
  it("answers Glance's usage per resource", async () => {
    const usage = {
      image_size_total: { limit: 1024, usage: 256 },
      image_count_total: { limit: 10, usage: 2 },
      image_stage_total: { limit: 512, usage: 0 },
      image_count_uploading: { limit: 2, usage: 0 },
    };
    const stub = stubUpstream({ "GET /v2/info/usage": glanceJson({ usage }) });
    const response = await callApi("/api/glance/info/usage/");

    expect(response.status).toBe(200);
    expect(UsageSchema.parse(await response.json())).toEqual({ usage });
    expect(stub.calls.map(sent)).toEqual([getCall("/v2/info/usage")]);
  });

  it("an empty usage when Glance enforces no unified limits (Glance 25 out of the box)", async () => {
    stubUpstream({ "GET /v2/info/usage": glanceJson({ usage: {} }) });
    expect(await (await callApi("/api/glance/info/usage/")).json()).toEqual({ usage: {} });
  });
});

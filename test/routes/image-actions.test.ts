import { afterEach, describe, expect, it, vi } from "vitest";
import { ImageTaskListSchema } from "../../src/routes/image-actions/image-actions.schemas";
import { ImageSchema } from "../../src/routes/images/images.schemas";
import { callApi, TOKEN } from "../support/call-api";
import { glanceError, glanceJson, stubUpstream } from "../support/glance-stub";
import { expectNoContent, fieldsOf, problemOf, sent } from "../support/expect";
import { glanceImage } from "../support/glance-image";

afterEach(() => vi.restoreAllMocks());

const IMAGE_ID = "171f13e0-b006-4bff-a80f-15dff4d1b6f5";
const REMOTE_IMAGE_ID = "c4705b36-b281-40f6-a01d-bf98883ead8e";
const IMPORT = `/api/glance/images/${IMAGE_ID}/import/`;
const GLANCE_IMAGE_PATH = `/v2/images/${IMAGE_ID}`;
const GLANCE_IMPORT = `/v2/images/${IMAGE_ID}/import`;

const importInfo = (methods: string[]) =>
  glanceJson({ "import-methods": { description: "Import methods available.", type: "array", value: methods } });

// What Glance 25 offers out of the box.
const ZED_METHODS = ["glance-direct", "web-download", "copy-image"];

const GLANCE_IMAGE = glanceImage({
  id: IMAGE_ID,
  name: "staged",
  disk_format: "raw",
  visibility: "shared",
  size: 100000,
  status: "importing",
  os_glance_import_task: "390a8bbe-3582-4fd4-a882-daf1f195fe73",
});

// Glance answers the import call with an empty 202.
const accepted = () => new Response(null, { status: 202, headers: { "content-type": "text/html; charset=UTF-8" } });

const glanceCall = (method: string, path: string, body?: unknown) => ({
  method,
  path,
  query: [],
  token: TOKEN,
  contentType: body === undefined ? undefined : "application/json",
  body,
});

const INFO_CALL = glanceCall("GET", "/v2/info/import");
const STORES_CALL = glanceCall("GET", "/v2/info/stores");
const REREAD_CALL = glanceCall("GET", GLANCE_IMAGE_PATH);

function importStub(methods = ZED_METHODS, extra: Parameters<typeof stubUpstream>[0] = {}) {
  return stubUpstream({
    "GET /v2/info/import": importInfo(methods),
    [`POST ${GLANCE_IMPORT}`]: accepted,
    [`GET ${GLANCE_IMAGE_PATH}`]: glanceJson(GLANCE_IMAGE),
    ...extra,
  });
}

const postImport = (body: unknown) => callApi(IMPORT, { method: "POST", body });

describe("POST /api/glance/images/{image_id}/import/", () => {
  it("glance-direct: checks the method is offered, imports, re-reads; 202 with the image and Location", async () => {
    const stub = importStub();
    const response = await postImport({ method: "glance-direct" });

    expect(response.status).toBe(202);
    expect(response.headers.get("location")).toBe(`/api/glance/images/${IMAGE_ID}/`);
    const image = ImageSchema.parse(await response.json());
    expect(image).toMatchObject({ id: IMAGE_ID, status: "importing", name: "staged" });
    expect(image.properties).toMatchObject({
      os_glance_import_task: GLANCE_IMAGE.os_glance_import_task,
      file: `${GLANCE_IMAGE_PATH}/file`,
    });
    expect(stub.calls.map(sent)).toEqual([
      INFO_CALL,
      glanceCall("POST", GLANCE_IMPORT, { method: { name: "glance-direct" } }),
      REREAD_CALL,
    ]);
    expect(stub.unmatched).toEqual([]);
  });

  it("web-download: the uri goes inside Glance's method object", async () => {
    const stub = importStub();
    const uri = "http://127.0.0.1:8000/disk.raw";
    const response = await postImport({ method: "web-download", uri });

    expect(response.status).toBe(202);
    expect(stub.calls.map(sent)[1]).toEqual(
      glanceCall("POST", GLANCE_IMPORT, { method: { name: "web-download", uri } }),
    );
  });

  it("glance-download: the remote image, region and interface go inside the method object", async () => {
    const stub = importStub([...ZED_METHODS, "glance-download"]);
    const response = await postImport({
      method: "glance-download",
      glance_image_id: REMOTE_IMAGE_ID,
      glance_region: "RegionTwo",
      glance_service_interface: "internal",
    });

    expect(response.status).toBe(202);
    expect(stub.calls.map(sent)[1]).toEqual(
      glanceCall("POST", GLANCE_IMPORT, {
        method: {
          name: "glance-download",
          glance_image_id: REMOTE_IMAGE_ID,
          glance_region: "RegionTwo",
          glance_service_interface: "internal",
        },
      }),
    );
  });

  it("copy-image to stores Glance has: checks them with GET /v2/info/stores and sends stores and all_stores_must_succeed", async () => {
    const stub = importStub(ZED_METHODS, {
      "GET /v2/info/stores": glanceJson({ stores: [{ id: "fast", default: true }, { id: "cheap" }, { id: "slow" }] }),
    });
    const response = await postImport({
      method: "copy-image",
      stores: ["cheap", "slow"],
      all_stores_must_succeed: false,
    });

    expect(response.status).toBe(202);
    expect(stub.calls.map(sent)).toEqual([
      INFO_CALL,
      STORES_CALL,
      glanceCall("POST", GLANCE_IMPORT, {
        method: { name: "copy-image" },
        stores: ["cheap", "slow"],
        all_stores_must_succeed: false,
      }),
      REREAD_CALL,
    ]);
  });

  it("copy-image with all_stores: true on a multi-store Glance", async () => {
    const stub = importStub(ZED_METHODS, {
      "GET /v2/info/stores": glanceJson({ stores: [{ id: "fast", default: true }, { id: "cheap" }] }),
    });
    const response = await postImport({ method: "copy-image", all_stores: true });

    expect(response.status).toBe(202);
    expect(stub.calls.map(sent)[2]).toEqual(
      glanceCall("POST", GLANCE_IMPORT, { method: { name: "copy-image" }, all_stores: true }),
    );
  });

  it("a method Glance does not offer is a 400 naming the offered ones, after GET /v2/info/import only", async () => {
    const stub = importStub();
    const response = await postImport({
      method: "glance-download",
      glance_image_id: REMOTE_IMAGE_ID,
      glance_region: "RegionTwo",
    });

    const problem = await problemOf(response, 400);
    expect(fieldsOf(problem)).toEqual(["method"]);
    expect(problem.detail).toBe(
      "Glance does not offer the glance-download import method here (offered: glance-direct, web-download, copy-image)",
    );
    expect(stub.calls.map(sent)).toEqual([INFO_CALL]);
  });

  it("interoperable import off (Glance's 404 for /v2/info/import) is a 400 saying none is offered", async () => {
    const stub = importStub(ZED_METHODS, {
      "GET /v2/info/import": glanceError(404, "Not Found", "The resource could not be found."),
    });
    const response = await postImport({ method: "glance-direct" });

    expect((await problemOf(response, 400)).detail).toBe(
      "Glance does not offer the glance-direct import method here (offered: none)",
    );
    expect(stub.calls.map(sent)).toEqual([INFO_CALL]);
  });

  it("stores on a single-store Glance (404 for /v2/info/stores, as Glance 25 answers) are a 400, not silently ignored", async () => {
    const stub = importStub(ZED_METHODS, {
      "GET /v2/info/stores": glanceError(404, "Not Found", "Multi backend is not supported at this site."),
    });
    const response = await postImport({ method: "web-download", uri: "https://example.org/a.raw", stores: ["file"] });

    const problem = await problemOf(response, 400);
    expect(fieldsOf(problem)).toEqual(["stores"]);
    expect(problem.detail).toMatch(/single store/);
    expect(stub.calls.map(sent)).toEqual([INFO_CALL, STORES_CALL]);
  });

  it("all_stores: true on a single-store Glance is a 400 on all_stores", async () => {
    const stub = importStub(ZED_METHODS, {
      "GET /v2/info/stores": glanceError(404, "Not Found", "Multi backend is not supported at this site."),
    });
    const response = await postImport({ method: "copy-image", all_stores: true });

    expect(fieldsOf(await problemOf(response, 400))).toEqual(["all_stores"]);
    expect(stub.calls.map(sent)).toEqual([INFO_CALL, STORES_CALL]);
  });

  it("a store Glance does not have is a 400 naming Glance's stores", async () => {
    const stub = importStub(ZED_METHODS, {
      "GET /v2/info/stores": glanceJson({ stores: [{ id: "fast", default: true }, { id: "cheap" }] }),
    });
    const response = await postImport({ method: "copy-image", stores: ["cheap", "tape"] });

    expect((await problemOf(response, 400)).detail).toBe("unknown store tape (Glance's stores: fast, cheap)");
    expect(stub.calls.map(sent)).toEqual([INFO_CALL, STORES_CALL]);
  });

  it.each([
    ["glance-download without its fields (Glance 25 does not offer it)", ZED_METHODS, { method: "glance-download" }],
    ["copy-image without stores, where only glance-direct is offered", ["glance-direct"], { method: "copy-image" }],
    [
      "web-download with a glance_* field, where it is not offered",
      ["glance-direct"],
      { method: "web-download", glance_region: "R" },
    ],
  ])(
    "a method Glance does not offer is reported first, naming the offered ones, before that method's own fields: %s",
    async (_name, methods, body) => {
      const stub = importStub(methods);
      const problem = await problemOf(await postImport(body), 400);
      expect(fieldsOf(problem)).toEqual(["method"]);
      expect(problem.detail).toBe(
        `Glance does not offer the ${body.method} import method here (offered: ${methods.join(", ")})`,
      );
      expect(stub.calls.map(sent)).toEqual([INFO_CALL]);
    },
  );

  it.each([
    ["web-download without uri", { method: "web-download" }, ["uri"]],
    ["a uri with another method", { method: "glance-direct", uri: "https://example.org/a.raw" }, ["uri"]],
    ["glance-download without its fields", { method: "glance-download" }, ["glance_image_id", "glance_region"]],
    [
      "glance_* fields with another method",
      { method: "glance-direct", glance_region: "R", glance_service_interface: "public" },
      ["glance_region", "glance_service_interface"],
    ],
    ["copy-image without stores", { method: "copy-image" }, ["stores"]],
    ["stores with all_stores: true", { method: "copy-image", stores: ["fast"], all_stores: true }, ["all_stores"]],
  ])(
    "%s (an offered method) is a 400 naming the fields, after GET /v2/info/import only",
    async (_name, body, fields) => {
      const stub = importStub([...ZED_METHODS, "glance-download"]);
      const response = await postImport(body);

      expect(fieldsOf(await problemOf(response, 400))).toEqual(fields);
      expect(stub.calls.map(sent)).toEqual([INFO_CALL]);
    },
  );

  it.each([
    ["no method", {}, ["method"]],
    ["an unknown method", { method: "copy-from" }, ["method"]],
    ["a uri that is not http(s)", { method: "web-download", uri: "file:///etc/passwd" }, ["uri"]],
    [
      "a remote image id that is not a UUID",
      { method: "glance-download", glance_image_id: "x", glance_region: "R" },
      ["glance_image_id"],
    ],
    [
      "an empty or repeated store list",
      { method: "web-download", uri: "https://example.org/a", stores: [] },
      ["stores"],
    ],
    ["a store named twice", { method: "copy-image", stores: ["fast", "fast"] }, ["stores"]],
    ["all_stores that is not a boolean", { method: "copy-image", all_stores: "true" }, ["all_stores"]],
    ["an unknown field", { method: "glance-direct", backend: "fast" }, ["backend"]],
  ])("%s is a 400 before any Glance call", async (_name, body, fields) => {
    const stub = importStub();
    const response = await postImport(body);

    expect(fieldsOf(await problemOf(response, 400))).toEqual(fields);
    expect(stub.calls).toEqual([]);
  });

  it("no token is a 401 before any Glance call", async () => {
    const stub = importStub();
    await problemOf(await callApi(IMPORT, { method: "POST", body: { method: "glance-direct" }, token: null }), 401);
    expect(stub.calls).toEqual([]);
  });

  it("Glance's 409 (nothing staged yet) keeps its status with Glance's message, and nothing is re-read", async () => {
    const stub = importStub(ZED_METHODS, {
      [`POST ${GLANCE_IMPORT}`]: glanceError(
        409,
        "Conflict",
        "Image needs to be staged before 'glance-direct' method can be used",
      ),
    });
    const response = await postImport({ method: "glance-direct" });

    const problem = await problemOf(response, 409);
    expect(problem).toMatchObject({
      type: "urn:glance-edge:problem:glance-error",
      detail: "Image needs to be staged before 'glance-direct' method can be used",
      upstream_status: 409,
    });
    expect(stub.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      "GET /v2/info/import",
      `POST ${GLANCE_IMPORT}`,
    ]);
  });

  it("a failed re-read after Glance's 202 says the import was accepted", async () => {
    importStub(ZED_METHODS, {
      [`GET ${GLANCE_IMAGE_PATH}`]: glanceError(404, "Not Found", `No image found with ID ${IMAGE_ID}`),
    });
    const response = await postImport({ method: "glance-direct" });

    const problem = await problemOf(response, 404);
    expect(problem.detail).toMatch(
      /^Glance accepted the import \(202\), but the image could not be read back: No image found/,
    );
  });
});

describe("GET /api/glance/images/{image_id}/tasks/", () => {
  const TASKS = `/api/glance/images/${IMAGE_ID}/tasks/`;
  // Glance 25's answer after a glance-direct import (recorded against the local stack).
  const ZED_TASK = {
    id: "390a8bbe-3582-4fd4-a882-daf1f195fe73",
    type: "api_image_import",
    status: "success",
    owner: "aba0ffb55d29409d90c2f7cedac73b07",
    expires_at: "2026-12-01T18:55:55.256108",
    created_at: "2026-11-29T18:55:54.236876",
    updated_at: "2026-11-29T18:55:55.258650",
    deleted_at: null,
    deleted: false,
    image_id: IMAGE_ID,
    request_id: "req-437585fc-ae41-4630-aa7a-862bc5e3fabc",
    user_id: "57f47ba57b7f4e0f8ef212e60bb626dd",
    input: { image_id: IMAGE_ID, import_req: { method: { name: "glance-direct" } }, backend: [null] },
    result: { image_id: IMAGE_ID },
    message: "Copied 0 MiB",
  };

  it("lists the image's tasks from GET /v2/images/{id}/tasks, without Glance's database-only keys", async () => {
    const stub = stubUpstream({ [`GET ${GLANCE_IMAGE_PATH}/tasks`]: glanceJson({ tasks: [ZED_TASK] }) });
    const response = await callApi(TASKS);

    expect(response.status).toBe(200);
    const { deleted: _deleted, deleted_at: _deletedAt, ...kept } = ZED_TASK;
    expect(ImageTaskListSchema.parse(await response.json())).toEqual({ items: [kept] });
    expect(stub.calls.map(sent)).toEqual([glanceCall("GET", `${GLANCE_IMAGE_PATH}/tasks`)]);
  });

  it("an image without tasks is an empty list", async () => {
    stubUpstream({ [`GET ${GLANCE_IMAGE_PATH}/tasks`]: glanceJson({ tasks: [] }) });
    const response = await callApi(TASKS);
    expect(await response.json()).toEqual({ items: [] });
  });

  it("Glance's 404 keeps its status", async () => {
    stubUpstream({
      [`GET ${GLANCE_IMAGE_PATH}/tasks`]: glanceError(404, "Not Found", "The resource could not be found."),
    });
    await problemOf(await callApi(TASKS), 404);
  });

  it("an answer without a tasks list is a 502", async () => {
    stubUpstream({ [`GET ${GLANCE_IMAGE_PATH}/tasks`]: glanceJson({ items: [] }) });
    await problemOf(await callApi(TASKS), 502);
  });
});

describe.each(["deactivate", "reactivate"])("POST /api/glance/images/{image_id}/actions/%s", (action) => {
  const glancePath = `${GLANCE_IMAGE_PATH}/actions/${action}`;
  const noContent = () => new Response(null, { status: 204, headers: { "content-type": "text/html; charset=UTF-8" } });

  it.each([
    ["with the trailing slash", "/"],
    ["without it, as Horizon's UI calls it (no 308)", ""],
  ])("%s: one POST to Glance, 204", async (_name, slash) => {
    const stub = stubUpstream({ [`POST ${glancePath}`]: noContent });
    const response = await callApi(`/api/glance/images/${IMAGE_ID}/actions/${action}${slash}`, { method: "POST" });

    await expectNoContent(response);
    expect(stub.calls.map(sent)).toEqual([glanceCall("POST", glancePath)]);
  });

  it.each([
    [403, "Forbidden", "Not allowed to deactivate image in status 'queued'"],
    [404, "Not Found", `No image found with ID ${IMAGE_ID}`],
    [400, "Bad Request", "Image status transition from queued to deactivated is not allowed"],
  ])("Glance's %i keeps its status with Glance's message", async (status, title, message) => {
    stubUpstream({ [`POST ${glancePath}`]: glanceError(status, title, message) });
    const response = await callApi(`/api/glance/images/${IMAGE_ID}/actions/${action}`, { method: "POST" });
    expect((await problemOf(response, status)).detail).toBe(message);
  });

  it("no token is a 401 before any Glance call, on both paths", async () => {
    const stub = stubUpstream({ [`POST ${glancePath}`]: noContent });
    await problemOf(
      await callApi(`/api/glance/images/${IMAGE_ID}/actions/${action}`, { method: "POST", token: null }),
      401,
    );
    await problemOf(
      await callApi(`/api/glance/images/${IMAGE_ID}/actions/${action}/`, { method: "POST", token: null }),
      401,
    );
    expect(stub.calls).toEqual([]);
  });

  it("GET is a 405 naming POST", async () => {
    const stub = stubUpstream({});
    const response = await callApi(`/api/glance/images/${IMAGE_ID}/actions/${action}/`);
    await problemOf(response, 405);
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    expect(stub.calls).toEqual([]);
  });
});

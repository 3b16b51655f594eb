import { afterEach, describe, expect, it, vi } from "vitest";
import { JSON_PATCH_MEDIA_TYPE } from "../../src/glance/client";
import { ImageSchema } from "../../src/routes/images/images.schemas";
import { callApi, TOKEN } from "../support/call-api";
import { glanceError, glanceJson, type RecordedCall, stubUpstream } from "../support/glance-stub";
import { fieldsOf, problemOf, sent } from "../support/expect";
import { glanceImage } from "../support/glance-image";

afterEach(() => vi.restoreAllMocks());

const IMAGE_ID = "bbcfd60f-be6a-4cfb-af45-7f871b31dd79";
const KERNEL_ID = "0a0b0c0d-0000-4000-8000-000000000001";
const RAMDISK_ID = "0a0b0c0d-0000-4000-8000-000000000002";
const IMAGE_URL = "http://images.example.org/disk-64k.raw";
const IMAGES = "/api/glance/images/";

/** What Glance 25 answers to `POST /v2/images` for a given body: Glance's own defaults, then the body, queued. */
function glanceCreated(body: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return glanceImage({
    name: null,
    disk_format: null,
    container_format: null,
    visibility: "shared",
    ...body,
    size: null,
    virtual_size: null,
    status: "queued",
    checksum: null,
    os_hash_algo: null,
    os_hash_value: null,
    id: IMAGE_ID,
    ...overrides,
  });
}

/** Glance's create: echoes the body as an image and records it. */
const echoCreate =
  (overrides: Record<string, unknown> = {}) =>
  (call: RecordedCall) =>
    glanceJson(glanceCreated(call.body as Record<string, unknown>, overrides), 201, {
      location: `http://glance.test:9292/v2/images/${IMAGE_ID}`,
    });

const IMPORT_INFO = glanceJson({
  "import-methods": {
    description: "Import methods available.",
    type: "array",
    value: ["glance-direct", "web-download", "copy-image"],
  },
});

/** The parts of a recorded Glance call a test pins down. */

const expected = (
  method: string,
  path: string,
  body?: unknown,
  contentType = body === undefined ? undefined : "application/json",
) => ({
  method,
  path,
  query: [],
  token: TOKEN,
  contentType,
  body,
});

// Horizon's test create with a real URL and UUIDs for kernel/ramdisk (its "kernel" and 10 are refused below).
const T8_BODY = {
  name: "Test",
  disk_format: "aki",
  import_data: false,
  visibility: "public",
  container_format: "aki",
  protected: false,
  image_url: IMAGE_URL,
  source_type: "url",
  architecture: "testArch",
  description: "description",
  kernel: KERNEL_ID,
  min_disk: 10,
  min_ram: 5,
  ramdisk: RAMDISK_ID,
};

const T8_METADATA = {
  name: "Test",
  disk_format: "aki",
  container_format: "aki",
  visibility: "public",
  protected: false,
  min_disk: 10,
  min_ram: 5,
  kernel_id: KERNEL_ID,
  ramdisk_id: RAMDISK_ID,
  description: "description",
  architecture: "testArch",
};

const LOCATION_OPS = [{ op: "add", path: "/locations/-", value: { url: IMAGE_URL, metadata: {} } }];

describe("PUT/POST /api/glance/images/ with an image URL registered as a location", () => {
  it.each(["public", "shared", "private"])(
    "creates the %s image, adds the location, answers 201 with the id Location",
    async (visibility) => {
      const stub = stubUpstream({
        "POST /v2/images": echoCreate(),
        [`PATCH /v2/images/${IMAGE_ID}`]: glanceJson(
          glanceCreated(T8_METADATA, {
            visibility,
            status: "active",
            size: 65536,
            locations: [{ url: IMAGE_URL, metadata: {} }],
          }),
        ),
      });
      const response = await callApi(IMAGES, { method: "PUT", body: { ...T8_BODY, visibility } });

      expect(response.status).toBe(201);
      expect(response.headers.get("location")).toBe(`/api/glance/images/${IMAGE_ID}/`);
      const image = ImageSchema.parse(await response.json());
      expect(image).toMatchObject({
        id: IMAGE_ID,
        name: "Test",
        status: "active",
        size: 65536,
        visibility,
        architecture: "testArch",
      });
      expect(image.properties).toMatchObject({
        locations: [{ url: IMAGE_URL, metadata: {} }],
        kernel_id: KERNEL_ID,
        description: "description",
      });
      expect(stub.calls.map(sent)).toEqual([
        expected("POST", "/v2/images", { ...T8_METADATA, visibility }),
        expected("PATCH", `/v2/images/${IMAGE_ID}`, LOCATION_OPS, JSON_PATCH_MEDIA_TYPE),
      ]);
      expect(stub.unmatched).toEqual([]);
    },
  );

  it("deletes the new image and returns Glance's 403 when Glance refuses the location (no orphan)", async () => {
    const stub = stubUpstream({
      "POST /v2/images": echoCreate(),
      [`PATCH /v2/images/${IMAGE_ID}`]: glanceError(
        403,
        "Forbidden",
        "It's not allowed to add locations if locations are invisible.",
      ),
      [`DELETE /v2/images/${IMAGE_ID}`]: new Response(null, { status: 204 }),
    });
    const response = await callApi(IMAGES, { method: "PUT", body: T8_BODY });

    expect(response.status).toBe(403);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({
      status: 403,
      detail: "It's not allowed to add locations if locations are invisible.",
      upstream_status: 403,
    });
    expect(stub.calls.map(sent)).toEqual([
      expected("POST", "/v2/images", T8_METADATA),
      expected("PATCH", `/v2/images/${IMAGE_ID}`, LOCATION_OPS, JSON_PATCH_MEDIA_TYPE),
      expected("DELETE", `/v2/images/${IMAGE_ID}`),
    ]);
  });

  it("clears the protected flag before deleting a protected image on rollback", async () => {
    const stub = stubUpstream({
      "POST /v2/images": echoCreate(),
      [`PATCH /v2/images/${IMAGE_ID}`]: (call) =>
        JSON.stringify(call.body) === JSON.stringify(LOCATION_OPS)
          ? glanceError(409, "Conflict", "It's not allowed to add locations if image status is killed.")
          : glanceJson(glanceCreated(T8_METADATA, { protected: false })),
      [`DELETE /v2/images/${IMAGE_ID}`]: new Response(null, { status: 204 }),
    });
    const response = await callApi(IMAGES, { method: "PUT", body: { ...T8_BODY, protected: true } });

    expect(response.status).toBe(409);
    expect(stub.calls.map(sent)).toEqual([
      expected("POST", "/v2/images", { ...T8_METADATA, protected: true }),
      expected("PATCH", `/v2/images/${IMAGE_ID}`, LOCATION_OPS, JSON_PATCH_MEDIA_TYPE),
      expected(
        "PATCH",
        `/v2/images/${IMAGE_ID}`,
        [{ op: "replace", path: "/protected", value: false }],
        JSON_PATCH_MEDIA_TYPE,
      ),
      expected("DELETE", `/v2/images/${IMAGE_ID}`),
    ]);
  });

  it("still returns Glance's error, naming the leftover image, when the rollback fails too", async () => {
    const stub = stubUpstream({
      "POST /v2/images": echoCreate(),
      [`PATCH /v2/images/${IMAGE_ID}`]: glanceError(
        403,
        "Forbidden",
        "It's not allowed to add locations if locations are invisible.",
      ),
      [`DELETE /v2/images/${IMAGE_ID}`]: glanceError(
        403,
        "Forbidden",
        "You are not authorized to complete delete_image action.",
      ),
    });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await callApi(IMAGES, { method: "PUT", body: T8_BODY });

    expect(response.status).toBe(403);
    const problem = await problemOf(response);
    expect(problem.detail).toBe(
      `It's not allowed to add locations if locations are invisible. (the image ${IMAGE_ID} created by this request could not be deleted and remains queued)`,
    );
    expect(stub.calls.map((call) => call.method)).toEqual(["POST", "PATCH", "DELETE"]);
  });
});

describe("PUT/POST /api/glance/images/ with import_data: web-download import", () => {
  // Required fields only, with copy; Horizon's copy_from property becomes a real import.
  const T12_BODY = {
    name: "Test",
    disk_format: "raw",
    import_data: true,
    container_format: "docker",
    visibility: "public",
    protected: false,
    source_type: "url",
    image_url: IMAGE_URL,
  };
  const T12_METADATA = {
    name: "Test",
    disk_format: "raw",
    container_format: "docker",
    visibility: "public",
    protected: false,
    min_disk: 0,
    min_ram: 0,
  };
  const IMPORT_BODY = { method: { name: "web-download", uri: IMAGE_URL } };

  it("checks the import methods first, creates, imports, re-reads, and answers 201 with the importing image", async () => {
    const stub = stubUpstream({
      "GET /v2/info/import": IMPORT_INFO,
      "POST /v2/images": echoCreate(),
      [`POST /v2/images/${IMAGE_ID}/import`]: new Response(null, { status: 202 }),
      [`GET /v2/images/${IMAGE_ID}`]: glanceJson(glanceCreated(T12_METADATA, { status: "importing" })),
    });
    const response = await callApi(IMAGES, { method: "PUT", body: T12_BODY });

    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/api/glance/images/${IMAGE_ID}/`);
    const image = ImageSchema.parse(await response.json());
    expect(image).toMatchObject({ id: IMAGE_ID, status: "importing", disk_format: "raw", container_format: "docker" });
    expect(image.properties).not.toHaveProperty("copy_from");
    expect(stub.calls.map(sent)).toEqual([
      expected("GET", "/v2/info/import"),
      expected("POST", "/v2/images", T12_METADATA),
      expected("POST", `/v2/images/${IMAGE_ID}/import`, IMPORT_BODY),
      expected("GET", `/v2/images/${IMAGE_ID}`),
    ]);
  });

  it("sends extra properties as top-level keys of the create body", async () => {
    const stub = stubUpstream({
      "GET /v2/info/import": IMPORT_INFO,
      "POST /v2/images": echoCreate(),
      [`POST /v2/images/${IMAGE_ID}/import`]: new Response(null, { status: 202 }),
      [`GET /v2/images/${IMAGE_ID}`]: glanceJson(
        glanceCreated({ ...T12_METADATA, arbitrary: "property", another: "prop" }, { status: "importing" }),
      ),
    });
    const response = await callApi(IMAGES, {
      method: "PUT",
      body: { ...T12_BODY, arbitrary: "property", another: "prop" },
    });

    expect(response.status).toBe(201);
    expect(ImageSchema.parse(await response.json()).properties).toMatchObject({
      arbitrary: "property",
      another: "prop",
    });
    expect(stub.calls[1].body).toEqual({ ...T12_METADATA, arbitrary: "property", another: "prop" });
  });

  it("answers 400 and writes nothing when Glance does not offer web-download", async () => {
    const stub = stubUpstream({
      "GET /v2/info/import": glanceJson({ "import-methods": { type: "array", value: ["glance-direct"] } }),
    });
    const response = await callApi(IMAGES, { method: "PUT", body: T12_BODY });

    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors).toEqual([
      { location: "body", field: "import_data", message: expect.stringMatching(/web-download.*nothing was created/) },
    ]);
    expect(stub.calls.map(sent)).toEqual([expected("GET", "/v2/info/import")]);
  });

  it("answers 400 and writes nothing when Glance has interoperable import off (404 on /v2/info/import)", async () => {
    const stub = stubUpstream({
      "GET /v2/info/import": glanceError(404, "Not Found", "The resource could not be found."),
    });
    const response = await callApi(IMAGES, { method: "POST", body: T12_BODY });

    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toMatch(/enabled: none/);
    expect(stub.calls.map((call) => `${call.method} ${call.path}`)).toEqual(["GET /v2/info/import"]);
  });

  it("deletes the new image and returns Glance's 400 when the import is refused", async () => {
    const stub = stubUpstream({
      "GET /v2/info/import": IMPORT_INFO,
      "POST /v2/images": echoCreate(),
      [`POST /v2/images/${IMAGE_ID}/import`]: glanceError(
        400,
        "Bad Request",
        `URI for web-download does not pass filtering: ${IMAGE_URL}`,
      ),
      [`DELETE /v2/images/${IMAGE_ID}`]: new Response(null, { status: 204 }),
    });
    const response = await callApi(IMAGES, { method: "PUT", body: T12_BODY });

    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({
      type: "urn:glance-edge:problem:glance-error",
      detail: `URI for web-download does not pass filtering: ${IMAGE_URL}`,
      upstream_status: 400,
    });
    expect(stub.calls.map(sent)).toEqual([
      expected("GET", "/v2/info/import"),
      expected("POST", "/v2/images", T12_METADATA),
      expected("POST", `/v2/images/${IMAGE_ID}/import`, IMPORT_BODY),
      expected("DELETE", `/v2/images/${IMAGE_ID}`),
    ]);
  });

  it("answers 201 with the created image when only the re-read after a started import fails", async () => {
    const stub = stubUpstream({
      "GET /v2/info/import": IMPORT_INFO,
      "POST /v2/images": echoCreate(),
      [`POST /v2/images/${IMAGE_ID}/import`]: new Response(null, { status: 202 }),
      [`GET /v2/images/${IMAGE_ID}`]: glanceError(404, "Not Found", `No image found with ID ${IMAGE_ID}`),
    });
    const response = await callApi(IMAGES, { method: "PUT", body: T12_BODY });

    expect(response.status).toBe(201);
    expect(ImageSchema.parse(await response.json())).toMatchObject({ id: IMAGE_ID, status: "queued" });
    expect(stub.calls.map((call) => call.method)).not.toContain("DELETE");
  });
});

describe("PUT/POST /api/glance/images/ without data (queued image)", () => {
  it.each(["PUT", "POST"])("%s {name} creates with Horizon's defaults in one Glance call", async (method) => {
    const stub = stubUpstream({ "POST /v2/images": echoCreate() });
    const response = await callApi(IMAGES, { method, body: { name: "Bare" } });

    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/api/glance/images/${IMAGE_ID}/`);
    expect(ImageSchema.parse(await response.json())).toMatchObject({
      id: IMAGE_ID,
      name: "Bare",
      status: "queued",
      size: 0,
      checksum: null,
    });
    expect(stub.calls.map(sent)).toEqual([
      expected("POST", "/v2/images", {
        name: "Bare",
        disk_format: "raw",
        container_format: "bare",
        visibility: "private",
        protected: false,
        min_disk: 0,
        min_ram: 0,
      }),
    ]);
  });

  it("accepts the body Horizon's create form sends for a file source, keeping Horizon-only fields out of Glance", async () => {
    const stub = stubUpstream({ "POST /v2/images": echoCreate() });
    const response = await callApi(IMAGES, {
      method: "PUT",
      body: {
        source_type: "file-direct",
        data: {},
        is_copying: false,
        protected: false,
        min_disk: 0,
        min_ram: 0,
        container_format: "bare",
        disk_format: "qcow2",
        visibility: "shared",
        name: "from-ui",
        description: "made in Horizon",
        hw_disk_bus: "virtio",
      },
    });

    expect(response.status).toBe(201);
    expect(stub.calls.map(sent)).toEqual([
      expected("POST", "/v2/images", {
        name: "from-ui",
        disk_format: "qcow2",
        container_format: "bare",
        visibility: "shared",
        protected: false,
        min_disk: 0,
        min_ram: 0,
        description: "made in Horizon",
        hw_disk_bus: "virtio",
      }),
    ]);
  });

  it("honours tags, owner, id and os_hidden instead of dropping them, and applies the ova fix-up", async () => {
    const stub = stubUpstream({ "POST /v2/images": echoCreate() });
    const response = await callApi(IMAGES, {
      method: "PUT",
      body: {
        id: IMAGE_ID,
        name: "tagged",
        disk_format: "ova",
        tags: ["lts", "x86"],
        owner: "91ac905a6f6e411393fdeca3d052fbf7",
        os_hidden: "true",
      },
    });

    expect(response.status).toBe(201);
    expect(ImageSchema.parse(await response.json()).tags).toEqual(["lts", "x86"]);
    expect(stub.calls.map(sent)).toEqual([
      expected("POST", "/v2/images", {
        id: IMAGE_ID,
        name: "tagged",
        disk_format: "vmdk",
        container_format: "ova",
        visibility: "private",
        protected: false,
        min_disk: 0,
        min_ram: 0,
        tags: ["lts", "x86"],
        owner: "91ac905a6f6e411393fdeca3d052fbf7",
        os_hidden: true,
      }),
    ]);
  });

  it("passes Glance's 403 through when Glance refuses the create", async () => {
    const stub = stubUpstream({
      "POST /v2/images": glanceError(403, "Forbidden", "You are not authorized to complete publicize_image action."),
    });
    const response = await callApi(IMAGES, {
      method: "PUT",
      body: { name: "osh-demo-try-public", visibility: "public" },
    });

    expect(response.status).toBe(403);
    expect((await problemOf(response)).detail).toBe("You are not authorized to complete publicize_image action.");
    expect(stub.calls.map((call) => `${call.method} ${call.path}`)).toEqual(["POST /v2/images"]);
  });
});

describe("PUT/POST /api/glance/images/ refuses bad input with 400 and no Glance call", () => {
  it("answers a bad visibility with Horizon's message", async () => {
    const stub = stubUpstream({});
    const response = await callApi(IMAGES, { method: "PUT", body: { ...T8_BODY, visibility: "verybad" } });

    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.type).toBe("urn:glance-edge:problem:validation-error");
    expect(problem.errors).toEqual([
      { location: "body", field: "visibility", message: "invalid visibility option: verybad" },
    ]);
    expect(problem.detail).toBe("invalid visibility option: verybad");
    expect(stub.calls).toEqual([]);
  });

  it("refuses Horizon's test create's non-UUID kernel, numeric ramdisk and scheme-less URL (Horizon: 500 from the client library)", async () => {
    const stub = stubUpstream({});
    const response = await callApi(IMAGES, {
      method: "PUT",
      body: { ...T8_BODY, kernel: "kernel", ramdisk: 10, image_url: "test.com" },
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(await problemOf(response))).toEqual(["image_url", "kernel", "ramdisk"]);
    expect(stub.calls).toEqual([]);
  });

  it("names every bad field at once: formats, name length, min_disk/min_ram, description null, non-string values", async () => {
    const stub = stubUpstream({});
    const response = await callApi(IMAGES, {
      method: "PUT",
      body: {
        name: "n".repeat(256),
        disk_format: "bogus",
        container_format: "box",
        min_disk: "10",
        min_ram: -1,
        protected: "true",
        description: null,
        hw_x: 5,
        long_value: "v".repeat(256),
        ["k".repeat(256)]: "v",
      },
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(await problemOf(response))).toEqual(
      [
        "container_format",
        "description",
        "disk_format",
        "hw_x",
        "k".repeat(256),
        "long_value",
        "min_disk",
        "min_ram",
        "name",
        "protected",
      ].sort(),
    );
    expect(stub.calls).toEqual([]);
  });

  it("refuses reserved and read-only keys that Glance would answer 403 for", async () => {
    const stub = stubUpstream({});
    const keys = [
      "os_glance_foo",
      "location",
      "deleted",
      "deleted_at",
      "self",
      "file",
      "schema",
      "direct_url",
      "stores",
      "status",
      "checksum",
      "size",
      "os_hash_value",
      "locations",
    ];
    const response = await callApi(IMAGES, {
      method: "PUT",
      body: { name: "osh-reserved", ...Object.fromEntries(keys.map((key) => [key, "x"])) },
    });

    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(fieldsOf(problem)).toEqual([...keys].sort());
    expect(problem.errors).toContainEqual({
      location: "body",
      field: "os_glance_foo",
      message: "Attribute 'os_glance_foo' is reserved.",
    });
    expect(problem.errors).toContainEqual({
      location: "body",
      field: "status",
      message: "Attribute 'status' is read-only.",
    });
    expect(stub.calls).toEqual([]);
  });

  it("refuses the keys Horizon silently ignores instead of dropping them", async () => {
    const stub = stubUpstream({});
    const response = await callApi(IMAGES, {
      method: "PUT",
      body: {
        name: "x",
        is_public: true,
        properties: { a: "b" },
        kernel_id: KERNEL_ID,
        ramdisk_id: RAMDISK_ID,
        id: "not-a-uuid",
      },
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(await problemOf(response))).toEqual(["id", "is_public", "kernel_id", "properties", "ramdisk_id"]);
    expect(stub.calls).toEqual([]);
  });

  it.each([
    ["source_type url without image_url", { source_type: "url" }, ["image_url"]],
    ["image_url without source_type url", { source_type: "file", image_url: IMAGE_URL }, ["image_url"]],
    ["import_data without a URL", { import_data: true }, ["import_data"]],
    ["data that is not a file name", { name: "x", data: ["sample.iso"] }, ["data"]],
    [
      "a direct upload with source_type url",
      { data: "sample.iso", source_type: "url", image_url: IMAGE_URL },
      ["data"],
    ],
    ["is_copying true", { is_copying: true }, ["is_copying"]],
    ["an unknown source_type", { source_type: "glance" }, ["source_type"]],
  ])("refuses %s", async (_case, body, fields) => {
    const stub = stubUpstream({});
    const response = await callApi(IMAGES, { method: "PUT", body });

    expect(response.status).toBe(400);
    expect(fieldsOf(await problemOf(response))).toEqual(fields);
    expect(stub.calls).toEqual([]);
  });

  it.each([
    ["{}", {}],
    ["no body", undefined],
  ])("answers %s with 'request requires JSON body'", async (_case, body) => {
    const stub = stubUpstream({});
    const response = await callApi(IMAGES, { method: "PUT", body });

    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([
      { location: "body", field: "(root)", message: "request requires JSON body" },
    ]);
    expect(stub.calls).toEqual([]);
  });

  it.each([[[]], ["text"], [0], [null]])("answers the non-object body %j with 400", async (body) => {
    const stub = stubUpstream({});
    const response = await callApi(IMAGES, { method: "PUT", body: JSON.stringify(body) });

    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.[0]).toMatchObject({
      field: "(root)",
      message: "the body must be a JSON object",
    });
    expect(stub.calls).toEqual([]);
  });
});

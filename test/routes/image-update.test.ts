import { afterEach, describe, expect, it, vi } from "vitest";
import { callApi, TOKEN } from "../support/call-api";
import {
  glanceError,
  glanceJson,
  imageGetCall,
  imagePatchCall,
  stubImagePatch,
  stubUpstream,
} from "../support/glance-stub";
import { expectNoContent, fieldsOf, problemOf, sent } from "../support/expect";
import { glanceImage } from "../support/glance-image";

afterEach(() => vi.restoreAllMocks());

const IMAGE_ID = "49ae1a4e-1e17-435e-9425-92f350fa55ad";
const KERNEL_ID = "0a0b0c0d-0000-4000-8000-000000000001";
const RAMDISK_ID = "0a0b0c0d-0000-4000-8000-000000000002";
const PATH = `/api/glance/images/${IMAGE_ID}/`;
const GLANCE_PATH = `/v2/images/${IMAGE_ID}`;

// An image with data, a tag and four custom properties, as Glance 25 answers it.
const CURRENT = glanceImage({
  id: IMAGE_ID,
  architecture: "aarch64",
  description: "created directly in glance",
  osh_color: "red",
  osh_size_class: "small",
  name: "osh-demo-glance",
  disk_format: "raw",
  visibility: "shared",
  size: 65536,
  virtual_size: 65536,
  status: "active",
  checksum: "8f1445bafe2c2095044af7789462f475",
  min_ram: 128,
  min_disk: 2,
  os_hash_algo: "sha512",
  os_hash_value: "76a59ba2",
  tags: ["t1"],
});

/** The required fields with the image's current values: a PATCH that changes nothing. */
const UNCHANGED = { name: CURRENT.name, disk_format: "raw", visibility: "shared", protected: false };

const glanceWith = (image: Record<string, unknown> = CURRENT) => stubImagePatch(IMAGE_ID, image);
const GET_CALL = imageGetCall(IMAGE_ID, TOKEN);
const patchCall = (ops: unknown[]) => imagePatchCall(IMAGE_ID, TOKEN, ops);

describe("PATCH /api/glance/images/{image_id}/", () => {
  it("sends Horizon's test edit (with UUID kernel/ramdisk) as one json-patch of real changes after one GET, and answers 204", async () => {
    const stub = glanceWith();
    const response = await callApi(PATH, {
      method: "PATCH",
      body: {
        name: "Test",
        disk_format: "aki",
        container_format: "aki",
        visibility: "public",
        protected: false,
        architecture: "testArch",
        description: "description",
        kernel: KERNEL_ID,
        min_disk: 10,
        min_ram: 5,
        ramdisk: RAMDISK_ID,
      },
    });

    await expectNoContent(response);
    expect(stub.calls.map(sent)).toEqual([
      GET_CALL,
      patchCall([
        { op: "replace", path: "/name", value: "Test" },
        { op: "replace", path: "/disk_format", value: "aki" },
        { op: "replace", path: "/container_format", value: "aki" },
        { op: "replace", path: "/visibility", value: "public" },
        { op: "replace", path: "/min_disk", value: 10 },
        { op: "replace", path: "/min_ram", value: 5 },
        { op: "add", path: "/kernel_id", value: KERNEL_ID },
        { op: "add", path: "/ramdisk_id", value: RAMDISK_ID },
        { op: "replace", path: "/description", value: "description" },
        { op: "replace", path: "/architecture", value: "testArch" },
      ]),
    ]);
  });

  it("patches only what changed, with no trailing /tags op", async () => {
    const stub = glanceWith();
    const response = await callApi(PATH, {
      method: "PATCH",
      body: { ...UNCHANGED, name: "renamed", min_disk: 5, min_ram: 128 },
    });

    await expectNoContent(response);
    expect(stub.calls.map(sent)).toEqual([
      GET_CALL,
      patchCall([
        { op: "replace", path: "/name", value: "renamed" },
        { op: "replace", path: "/min_disk", value: 5 },
      ]),
    ]);
  });

  it("makes no PATCH call when nothing changes", async () => {
    const stub = glanceWith();
    const response = await callApi(PATH, {
      method: "PATCH",
      body: { ...UNCHANGED, tags: ["t1"], osh_color: "red", not_there: null },
    });

    await expectNoContent(response);
    expect(stub.calls.map(sent)).toEqual([GET_CALL]);
  });

  it("leaves omitted fields alone: a name-only edit keeps a public image public and its formats", async () => {
    const stub = glanceWith({ ...CURRENT, visibility: "public", disk_format: "qcow2" });
    const response = await callApi(PATH, {
      method: "PATCH",
      body: {
        name: "only-name",
        disk_format: "qcow2",
        visibility: "public",
        protected: false,
        new_prop: "v",
        description: "",
      },
    });

    await expectNoContent(response);
    expect(stub.calls.map(sent)).toEqual([
      GET_CALL,
      patchCall([
        { op: "replace", path: "/name", value: "only-name" },
        { op: "replace", path: "/description", value: "" },
        { op: "add", path: "/new_prop", value: "v" },
      ]),
    ]);
  });

  it("removes custom properties sent as null, skipping the ones the image lacks, and replaces the tags", async () => {
    const stub = glanceWith({ ...CURRENT, kernel_id: KERNEL_ID });
    const response = await callApi(PATH, {
      method: "PATCH",
      body: {
        ...UNCHANGED,
        osh_color: null,
        description: null,
        not_there: null,
        kernel: null,
        ramdisk: null,
        tags: ["t1", "lts"],
        os_hidden: true,
      },
    });

    await expectNoContent(response);
    expect(stub.calls.map(sent)).toEqual([
      GET_CALL,
      patchCall([
        { op: "remove", path: "/kernel_id" },
        { op: "remove", path: "/description" },
        { op: "remove", path: "/osh_color" },
        { op: "replace", path: "/tags", value: ["t1", "lts"] },
        { op: "replace", path: "/os_hidden", value: true },
      ]),
    ]);
  });

  it("answers Glance's 404 for an unknown image, with no PATCH call", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const stub = stubUpstream({
      [`GET /v2/images/${missing}`]: glanceError(404, "Not Found", `No image found with ID ${missing}`),
    });
    const response = await callApi(`/api/glance/images/${missing}/`, {
      method: "PATCH",
      body: { ...UNCHANGED, name: "x" },
    });

    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({
      status: 404,
      detail: `No image found with ID ${missing}`,
      upstream_status: 404,
    });
    expect(stub.calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET /v2/images/${missing}`]);
  });

  it("passes Glance's refusal of the PATCH through", async () => {
    const stub = stubUpstream({
      [`GET ${GLANCE_PATH}`]: glanceJson(CURRENT),
      [`PATCH ${GLANCE_PATH}`]: glanceError(
        403,
        "Forbidden",
        "You are not authorized to complete modify_image action.",
      ),
    });
    const response = await callApi(PATH, { method: "PATCH", body: { ...UNCHANGED, name: "hijack" } });

    expect(response.status).toBe(403);
    expect((await problemOf(response)).detail).toBe("You are not authorized to complete modify_image action.");
    expect(stub.calls.map((call) => call.method)).toEqual(["GET", "PATCH"]);
  });

  it("passes Glance's text/plain 413 (property quota) through", async () => {
    stubUpstream({
      [`GET ${GLANCE_PATH}`]: glanceJson(CURRENT),
      [`PATCH ${GLANCE_PATH}`]: new Response("413 Request Entity Too Large\n\nAttempted: 129, Maximum: 128\n\n   ", {
        status: 413,
        headers: { "content-type": "text/plain" },
      }),
    });
    const response = await callApi(PATH, { method: "PATCH", body: { ...UNCHANGED, one_too_many: "x" } });

    expect(response.status).toBe(413);
    expect((await problemOf(response)).detail).toBe("Attempted: 129, Maximum: 128");
  });
});

describe("PATCH /api/glance/images/{image_id}/ refuses bad input with 400 and no Glance call", () => {
  it("refuses Horizon's test edit as it is sent: non-UUID kernel, numeric ramdisk, create-only image_url and source_type", async () => {
    const stub = stubUpstream({});
    const response = await callApi(PATH, {
      method: "PATCH",
      body: {
        name: "Test",
        disk_format: "aki",
        container_format: "aki",
        visibility: "public",
        protected: false,
        image_url: "test.com",
        source_type: "url",
        architecture: "testArch",
        description: "description",
        kernel: "kernel",
        min_disk: 10,
        min_ram: 5,
        ramdisk: 10,
      },
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(await problemOf(response))).toEqual(["image_url", "kernel", "ramdisk", "source_type"]);
    expect(stub.calls).toEqual([]);
  });

  it("refuses a bad visibility with Horizon's message", async () => {
    const stub = stubUpstream({});
    const response = await callApi(PATH, { method: "PATCH", body: { ...UNCHANGED, visibility: "nope" } });

    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([
      { location: "body", field: "visibility", message: "invalid visibility option: nope" },
    ]);
    expect(stub.calls).toEqual([]);
  });

  it("requires name, disk_format, visibility and protected", async () => {
    const stub = stubUpstream({});
    const response = await callApi(PATH, { method: "PATCH", body: { min_disk: 1 } });

    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(fieldsOf(problem)).toEqual(["disk_format", "name", "protected", "visibility"]);
    expect(problem.errors?.every((error) => error.message === "is required")).toBe(true);
    expect(stub.calls).toEqual([]);
  });

  it("refuses read-only, reserved and Horizon-document keys instead of letting Glance answer 403", async () => {
    const stub = stubUpstream({});
    const keys = [
      "status",
      "checksum",
      "size",
      "id",
      "created_at",
      "os_glance_x",
      "location",
      "deleted_at",
      "is_public",
      "properties",
      "kernel_id",
      "virtual_size",
    ];
    const response = await callApi(PATH, {
      method: "PATCH",
      body: { ...UNCHANGED, ...Object.fromEntries(keys.map((key) => [key, "x"])) },
    });

    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(fieldsOf(problem)).toEqual([...keys].sort());
    expect(problem.errors).toContainEqual({
      location: "body",
      field: "status",
      message: "Attribute 'status' is read-only.",
    });
    expect(stub.calls).toEqual([]);
  });

  it("refuses non-string custom property values and bad field values", async () => {
    const stub = stubUpstream({});
    const response = await callApi(PATH, {
      method: "PATCH",
      body: { ...UNCHANGED, hw_x: 5, flag: true, min_disk: 1.5, tags: "lts", description: 3, name: "n".repeat(256) },
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(await problemOf(response))).toEqual(["description", "flag", "hw_x", "min_disk", "name", "tags"]);
    expect(stub.calls).toEqual([]);
  });

  it.each([
    ["{}", {}, "request requires JSON body"],
    ["[]", [], "the body must be a JSON object"],
    ["no body", undefined, "request requires JSON body"],
  ])("answers %s with 400", async (_case, body, message) => {
    const stub = stubUpstream({});
    const response = await callApi(PATH, { method: "PATCH", body });

    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toContainEqual({ location: "body", field: "(root)", message });
    expect(stub.calls).toEqual([]);
  });
});

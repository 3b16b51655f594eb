import { afterEach, describe, expect, it, vi } from "vitest";
import { ImagePropertiesSchema } from "../../src/routes/images/images.schemas";
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
const PATH = `/api/glance/images/${IMAGE_ID}/properties/`;
const GLANCE_PATH = `/v2/images/${IMAGE_ID}`;

// An image with data and four custom properties, as Glance 25 answers it.
const GLANCE_IMAGE = glanceImage({
  id: IMAGE_ID,
  architecture: "aarch64",
  description: "created directly in glance",
  osh_color: "red",
  osh_size_class: "small",
  name: "osh-demo-glance-renamed",
  disk_format: "raw",
  visibility: "shared",
  size: 65536,
  virtual_size: 65536,
  status: "active",
  checksum: "8f1445bafe2c2095044af7789462f475",
  min_ram: 128,
  min_disk: 2,
  os_hash_algo: "sha512",
  os_hash_value: "76a59ba2dd234dfb",
});

/** Every core key Glance always sends, for a minimal image. */
const CORE_ONLY = Object.fromEntries(
  Object.entries(GLANCE_IMAGE).filter(
    ([key]) =>
      ![
        "architecture",
        "description",
        "osh_color",
        "osh_size_class",
        "os_hidden",
        "os_hash_algo",
        "os_hash_value",
      ].includes(key),
  ),
);

const glanceWith = (image: Record<string, unknown> = GLANCE_IMAGE) => stubImagePatch(IMAGE_ID, image);
const GET_CALL = imageGetCall(IMAGE_ID, TOKEN);
const patchCall = (ops: unknown[]) => imagePatchCall(IMAGE_ID, TOKEN, ops);

describe("GET /api/glance/images/{image_id}/properties/", () => {
  it("answers exactly the non-core keys of the image", async () => {
    const stub = glanceWith({ ...CORE_ONLY, a: "1", b: "2" });
    const response = await callApi(PATH);

    expect(response.status).toBe(200);
    expect(ImagePropertiesSchema.parse(await response.json())).toEqual({ a: "1", b: "2" });
    expect(stub.calls.map(sent)).toEqual([GET_CALL]);
  });

  it("answers Horizon's flat object for a real Glance image: custom properties, os_hidden and os_hash_*", async () => {
    glanceWith();
    const response = await callApi(PATH);

    expect(response.status).toBe(200);
    expect(ImagePropertiesSchema.parse(await response.json())).toEqual({
      description: "created directly in glance",
      osh_color: "red",
      osh_size_class: "small",
      os_hidden: false,
      os_hash_algo: "sha512",
      os_hash_value: "76a59ba2dd234dfb",
    });
  });

  it("answers Glance's 404 for an unknown image", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    stubUpstream({ [`GET /v2/images/${missing}`]: glanceError(404, "Not Found", `No image found with ID ${missing}`) });
    const response = await callApi(`/api/glance/images/${missing}/properties/`);

    expect(response.status).toBe(404);
    expect((await problemOf(response)).detail).toBe(`No image found with ID ${missing}`);
  });

  it("matches only the exact path (Horizon also answers …/properties/junk)", async () => {
    const stub = stubUpstream({});
    const response = await callApi(`${PATH}junk`);

    expect(response.status).toBe(404);
    expect(stub.calls).toEqual([]);
  });
});

describe("PATCH /api/glance/images/{image_id}/properties/", () => {
  it("sets a and b and removes only the listed keys the image has", async () => {
    const stub = glanceWith({ ...CORE_ONLY, a: "0", c: "3" });
    const response = await callApi(PATH, {
      method: "PATCH",
      body: { updated: { a: "1", b: "2" }, removed: ["c", "d"] },
    });

    await expectNoContent(response);
    expect(stub.calls.map(sent)).toEqual([
      GET_CALL,
      patchCall([
        { op: "remove", path: "/c" },
        { op: "replace", path: "/a", value: "1" },
        { op: "add", path: "/b", value: "2" },
      ]),
    ]);
  });

  it('skips missing keys and keys also updated, and sends os_hidden "true" as a boolean', async () => {
    const stub = glanceWith({ ...GLANCE_IMAGE, hw_disk_bus: "virtio", os_distro: "ubuntu", hw_qemu_guest_agent: "no" });
    const response = await callApi(PATH, {
      method: "PATCH",
      body: {
        updated: { hw_disk_bus: "scsi", hw_qemu_guest_agent: "yes", os_hidden: "true" },
        removed: ["os_distro", "not_there", "hw_qemu_guest_agent"],
      },
    });

    await expectNoContent(response);
    expect(stub.calls.map(sent)).toEqual([
      GET_CALL,
      patchCall([
        { op: "remove", path: "/os_distro" },
        { op: "replace", path: "/os_hidden", value: true },
        { op: "replace", path: "/hw_disk_bus", value: "scsi" },
        { op: "replace", path: "/hw_qemu_guest_agent", value: "yes" },
      ]),
    ]);
  });

  it("sends a JSON true for os_hidden as true (Horizon sent false)", async () => {
    const stub = glanceWith();
    await expectNoContent(await callApi(PATH, { method: "PATCH", body: { updated: { os_hidden: true } } }));
    expect(stub.calls.map(sent)).toEqual([GET_CALL, patchCall([{ op: "replace", path: "/os_hidden", value: true }])]);
  });

  it("accepts a body without removed", async () => {
    const stub = glanceWith();
    await expectNoContent(await callApi(PATH, { method: "PATCH", body: { updated: { description: "new" } } }));
    expect(stub.calls.map(sent)).toEqual([
      GET_CALL,
      patchCall([{ op: "replace", path: "/description", value: "new" }]),
    ]);
  });

  it("sends Horizon's sample edit as Glance's sample patch, without an op for the unchanged os_hidden", async () => {
    const stub = glanceWith();
    const response = await callApi(PATH, {
      method: "PATCH",
      body: { updated: { osh_color: "purple", osh_new_key: "added", os_hidden: "false" }, removed: ["osh_size_class"] },
    });

    await expectNoContent(response);
    expect(stub.calls.map(sent)).toEqual([
      GET_CALL,
      patchCall([
        { op: "remove", path: "/osh_size_class" },
        { op: "replace", path: "/osh_color", value: "purple" },
        { op: "add", path: "/osh_new_key", value: "added" },
      ]),
    ]);
  });

  it("makes no PATCH call when nothing changes, e.g. removing a key the image lacks", async () => {
    const stub = glanceWith();
    await expectNoContent(
      await callApi(PATH, { method: "PATCH", body: { updated: { osh_color: "red" }, removed: ["no_such_key"] } }),
    );
    expect(stub.calls.map(sent)).toEqual([GET_CALL]);
  });

  it("sets kernel_id and ramdisk_id when they are UUIDs", async () => {
    const stub = glanceWith();
    await expectNoContent(await callApi(PATH, { method: "PATCH", body: { updated: { kernel_id: KERNEL_ID } } }));
    expect(stub.calls.map(sent)).toEqual([GET_CALL, patchCall([{ op: "add", path: "/kernel_id", value: KERNEL_ID }])]);
  });

  it("answers Glance's 404 for an unknown image, with no PATCH call", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const stub = stubUpstream({
      [`GET /v2/images/${missing}`]: glanceError(404, "Not Found", `No image found with ID ${missing}`),
    });
    const response = await callApi(`/api/glance/images/${missing}/properties/`, {
      method: "PATCH",
      body: { updated: { a: "1" } },
    });

    expect(response.status).toBe(404);
    expect(stub.calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET /v2/images/${missing}`]);
  });

  it("passes Glance's refusal of the PATCH through", async () => {
    const stub = stubUpstream({
      [`GET ${GLANCE_PATH}`]: glanceJson(GLANCE_IMAGE),
      [`PATCH ${GLANCE_PATH}`]: glanceError(
        403,
        "Forbidden",
        "You are not authorized to complete modify_image action.",
      ),
    });
    const response = await callApi(PATH, { method: "PATCH", body: { updated: { osh_color: "blue" } } });

    expect(response.status).toBe(403);
    expect((await problemOf(response)).detail).toBe("You are not authorized to complete modify_image action.");
    expect(stub.calls.map((call) => call.method)).toEqual(["GET", "PATCH"]);
  });
});

describe("PATCH /api/glance/images/{image_id}/properties/ refuses bad input with 400 and no Glance call", () => {
  it("requires updated (Horizon: 500 \"'updated'\")", async () => {
    const stub = stubUpstream({});
    const response = await callApi(PATH, { method: "PATCH", body: { removed: ["x"] } });

    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([
      { location: "body", field: "updated", message: "is required" },
    ]);
    expect(stub.calls).toEqual([]);
  });

  it("refuses non-string values (Horizon: 500), a bad os_hidden and a non-UUID kernel_id", async () => {
    const stub = stubUpstream({});
    const response = await callApi(PATH, {
      method: "PATCH",
      body: { updated: { hw_x: 5, long: "v".repeat(256), os_hidden: "yes", kernel_id: "kernel" } },
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(await problemOf(response))).toEqual([
      "updated.hw_x",
      "updated.kernel_id",
      "updated.long",
      "updated.os_hidden",
    ]);
    expect(stub.calls).toEqual([]);
  });

  it("refuses removing base and read-only keys that Glance would answer 403 for", async () => {
    const stub = stubUpstream({});
    const response = await callApi(PATH, {
      method: "PATCH",
      body: { updated: {}, removed: ["name", "os_hash_algo", "os_glance_import_task", "os_hidden", "fine"] },
    });

    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors).toEqual([
      { location: "body", field: "removed.0", message: expect.stringMatching(/'name' is a base property/) },
      { location: "body", field: "removed.1", message: "Attribute 'os_hash_algo' is read-only." },
      { location: "body", field: "removed.2", message: "Attribute 'os_glance_import_task' is reserved." },
      { location: "body", field: "removed.3", message: expect.stringMatching(/os_hidden/) },
    ]);
    expect(stub.calls).toEqual([]);
  });

  it("refuses setting base, read-only and reserved keys (checksum)", async () => {
    const stub = stubUpstream({});
    const keys = [
      "checksum",
      "name",
      "visibility",
      "protected",
      "min_disk",
      "tags",
      "owner",
      "self",
      "file",
      "schema",
      "direct_url",
      "stores",
      "os_hash_value",
      "location",
      "deleted",
      "deleted_at",
      "os_glance_x",
    ];
    const response = await callApi(PATH, {
      method: "PATCH",
      body: { updated: Object.fromEntries(keys.map((key) => [key, "x"])) },
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(await problemOf(response))).toEqual(keys.map((key) => `updated.${key}`).sort());
    expect(stub.calls).toEqual([]);
  });

  it("refuses unknown top-level fields, and non-object updated and non-array removed", async () => {
    const stub = stubUpstream({});
    const response = await callApi(PATH, { method: "PATCH", body: { updated: ["a"], removed: "a", extra: {} } });

    expect(response.status).toBe(400);
    expect(fieldsOf(await problemOf(response))).toEqual(["extra", "removed", "updated"]);
    expect(stub.calls).toEqual([]);
  });

  it("answers {} with 400 naming updated", async () => {
    const stub = stubUpstream({});
    const response = await callApi(PATH, { method: "PATCH", body: {} });

    expect(response.status).toBe(400);
    expect(fieldsOf(await problemOf(response))).toEqual(["updated"]);
    expect(stub.calls).toEqual([]);
  });

  it("answers 401 without a token, for GET and PATCH", async () => {
    const stub = stubUpstream({});
    expect((await callApi(PATH, { token: null })).status).toBe(401);
    expect((await callApi(PATH, { method: "PATCH", body: { updated: {} }, token: null })).status).toBe(401);
    expect(stub.calls).toEqual([]);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { ImageSchema } from "../../src/routes/images/images.schemas";
import { callApi, TOKEN } from "../support/call-api";
import { glanceError, glanceJson, stubUpstream } from "../support/glance-stub";
import { problemOf } from "../support/expect";
import { glanceImage } from "../support/glance-image";

afterEach(() => vi.restoreAllMocks());

const ID = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";
const MISSING_ID = "0d3f0c59-5b8e-4a8e-9d4e-5f7c0a1b2c3d";
const EMPTY_ID = "1c9b7e52-3f4d-4e6a-8b2c-9d0e1f2a3b4c";
const ODD_ID = "2a8c6d41-0e3f-4b5a-9c7d-8e9f0a1b2c3d";

// An active public image with custom properties.
const GLANCE_IMAGE = glanceImage({
  id: ID,
  name: "ubuntu-22.04",
  status: "active",
  visibility: "public",
  checksum: "2f0a8e6b0e5f3c1d8c9a7b6e5d4c3b2a",
  os_hash_algo: "sha512",
  os_hash_value: "9c1e",
  size: 683606016,
  virtual_size: 2361393152,
  updated_at: "2026-11-20T10:03:44Z",
  tags: ["lts"],
  description: "Ubuntu 22.04 LTS",
  hw_disk_bus: "virtio",
  os_distro: "ubuntu",
  architecture: "x86_64",
});

describe("GET /api/glance/images/{image_id}/", () => {
  it("one Glance GET, the detail variant", async () => {
    const stub = stubUpstream({ [`GET /v2/images/${ID}`]: glanceJson(GLANCE_IMAGE) });
    const response = await callApi(`/api/glance/images/${ID}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(stub.calls).toHaveLength(1);
    const [call] = stub.calls;
    expect([call.method, call.path, call.query, call.body]).toEqual(["GET", `/v2/images/${ID}`, [], undefined]);
    expect(call.headers["x-auth-token"]).toBe(TOKEN);
    expect(ImageSchema.parse(await response.json())).toEqual({
      id: ID,
      name: "ubuntu-22.04",
      status: "active",
      visibility: "public",
      owner: "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
      checksum: "2f0a8e6b0e5f3c1d8c9a7b6e5d4c3b2a",
      container_format: "bare",
      disk_format: "qcow2",
      created_at: "2026-11-20T10:01:02Z",
      updated_at: "2026-11-20T10:03:44Z",
      min_disk: 0,
      min_ram: 0,
      protected: false,
      architecture: "x86_64",
      size: 683606016,
      is_public: true,
      tags: ["lts"],
      virtual_size: 2361393152,
      properties: {
        os_hidden: false,
        os_hash_algo: "sha512",
        os_hash_value: "9c1e",
        virtual_size: 2361393152,
        tags: ["lts"],
        description: "Ubuntu 22.04 LTS",
        hw_disk_bus: "virtio",
        os_distro: "ubuntu",
        file: `/v2/images/${ID}/file`,
        schema: "/v2/schemas/image",
      },
    });
  });

  it("an unnamed queued image → name null, size 0", async () => {
    stubUpstream({
      [`GET /v2/images/${EMPTY_ID}`]: glanceJson({
        id: EMPTY_ID,
        name: null,
        status: "queued",
        size: null,
        checksum: null,
      }),
    });
    const response = await callApi(`/api/glance/images/${EMPTY_ID}/`);
    const image = ImageSchema.parse(await response.json());
    expect(image).toMatchObject({ id: EMPTY_ID, name: null, size: 0, checksum: null, architecture: null });
  });

  it("a missing image → 404 with Glance's message", async () => {
    const stub = stubUpstream({
      [`GET /v2/images/${MISSING_ID}`]: glanceError(404, "Not Found", `No image found with ID ${MISSING_ID}`),
    });
    const problem = await problemOf(await callApi(`/api/glance/images/${MISSING_ID}/`), 404);
    expect(problem).toMatchObject({
      type: "urn:glance-edge:problem:glance-error",
      detail: `No image found with ID ${MISSING_ID}`,
      upstream_status: 404,
      instance: `/api/glance/images/${MISSING_ID}/`,
    });
    expect(stub.calls).toHaveLength(1);
  });

  it.each([
    ["default", "default"],
    ["a%20b%3F", "a b?"],
    ["x".repeat(256), `${"x".repeat(255)}…`],
  ])(
    "an id that is not a UUID (%s; `default` is in Horizon's url_regex) is Horizon's 404 without asking Glance",
    async (raw, shown) => {
      const stub = stubUpstream({});
      const problem = await problemOf(await callApi(`/api/glance/images/${raw}/`), 404);
      expect(problem).toMatchObject({
        type: "urn:glance-edge:problem:not-found",
        detail: `No image found with ID ${shown}: image ids are UUIDs`,
      });
      expect(stub.calls).toEqual([]);
    },
  );

  it.each([
    [
      401,
      glanceJson(
        { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } },
        401,
      ),
      "The request you have made requires authentication.",
    ],
    [
      403,
      glanceError(403, "Forbidden", "You are not authorized to get this image."),
      "You are not authorized to get this image.",
    ],
  ])("Glance %i passes through with its message", async (status, answer, detail) => {
    stubUpstream({ [`GET /v2/images/${ID}`]: answer });
    const problem = await problemOf(await callApi(`/api/glance/images/${ID}/`), status);
    expect(problem).toMatchObject({ detail, upstream_status: status });
  });

  it("Glance 503 → 502 after one retry; an answer without an id → 502", async () => {
    const stub = stubUpstream({
      [`GET /v2/images/${ID}`]: glanceError(503, "Service Unavailable", "down"),
      [`GET /v2/images/${ODD_ID}`]: glanceJson({ name: "no id" }),
    });
    expect(await problemOf(await callApi(`/api/glance/images/${ID}/`), 502)).toMatchObject({ upstream_status: 503 });
    expect(stub.calls).toHaveLength(2);
    expect((await problemOf(await callApi(`/api/glance/images/${ODD_ID}/`), 502)).type).toBe(
      "urn:glance-edge:problem:bad-gateway",
    );
  });

  it("a network failure → 502", async () => {
    stubUpstream({
      [`GET /v2/images/${ID}`]: () => {
        throw new TypeError("fetch failed");
      },
    });
    expect((await problemOf(await callApi(`/api/glance/images/${ID}/`), 502)).detail).toBe(
      "Glance could not be reached",
    );
  });

  it("no token → 401 with no Glance call; no trailing slash → 308", async () => {
    const stub = stubUpstream({});
    await problemOf(await callApi(`/api/glance/images/${ID}/`, { token: null }), 401);
    const redirect = await callApi(`/api/glance/images/${ID}`);
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get("location")).toBe(`/api/glance/images/${ID}/`);
    expect(stub.calls).toEqual([]);
  });
});

describe("DELETE /api/glance/images/{image_id}/", () => {
  it("one Glance DELETE, 204 with an empty body", async () => {
    const stub = stubUpstream({ [`DELETE /v2/images/${ID}`]: new Response(null, { status: 204 }) });
    const response = await callApi(`/api/glance/images/${ID}/`, { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(stub.calls).toHaveLength(1);
    const [call] = stub.calls;
    expect([call.method, call.path, call.query, call.body]).toEqual(["DELETE", `/v2/images/${ID}`, [], undefined]);
    expect(call.headers["x-auth-token"]).toBe(TOKEN);
    expect(call.headers["content-type"]).toBeUndefined();
  });

  it("a protected image → 403 with Glance's message", async () => {
    stubUpstream({
      [`DELETE /v2/images/${ID}`]: glanceError(403, "Forbidden", `Image ${ID} is protected and cannot be deleted.`),
    });
    const problem = await problemOf(await callApi(`/api/glance/images/${ID}/`, { method: "DELETE" }), 403);
    expect(problem).toMatchObject({
      type: "urn:glance-edge:problem:glance-error",
      detail: `Image ${ID} is protected and cannot be deleted.`,
      upstream_status: 403,
    });
  });

  it("a missing image → 404 with Glance's message", async () => {
    stubUpstream({
      [`DELETE /v2/images/${MISSING_ID}`]: glanceError(
        404,
        "Not Found",
        `Failed to find image ${MISSING_ID} to delete`,
      ),
    });
    const problem = await problemOf(await callApi(`/api/glance/images/${MISSING_ID}/`, { method: "DELETE" }), 404);
    expect(problem.detail).toBe(`Failed to find image ${MISSING_ID} to delete`);
  });

  it("an image in use by the store → 409 with Glance's message", async () => {
    stubUpstream({
      [`DELETE /v2/images/${ID}`]: glanceError(
        409,
        "Conflict",
        `Image ${ID} could not be deleted because it is in use: snapshot`,
      ),
    });
    const problem = await problemOf(await callApi(`/api/glance/images/${ID}/`, { method: "DELETE" }), 409);
    expect(problem.detail).toBe(`Image ${ID} could not be deleted because it is in use: snapshot`);
  });

  it("the id `default` (or any id that is not a UUID) is Horizon's 404, and nothing is deleted", async () => {
    const stub = stubUpstream({});
    const problem = await problemOf(await callApi("/api/glance/images/default/", { method: "DELETE" }), 404);
    expect(problem.detail).toBe("No image found with ID default: image ids are UUIDs");
    expect(stub.calls).toEqual([]);
  });

  it("Glance 503 → 502 with upstream_status, and a DELETE is never retried", async () => {
    const stub = stubUpstream({ [`DELETE /v2/images/${ID}`]: glanceError(503, "Service Unavailable", "down") });
    const problem = await problemOf(await callApi(`/api/glance/images/${ID}/`, { method: "DELETE" }), 502);
    expect(problem).toMatchObject({ upstream_status: 503 });
    expect(stub.calls).toHaveLength(1);
  });

  it("a network failure → 502, not retried", async () => {
    const stub = stubUpstream({
      [`DELETE /v2/images/${ID}`]: () => {
        throw new TypeError("fetch failed");
      },
    });
    expect((await problemOf(await callApi(`/api/glance/images/${ID}/`, { method: "DELETE" }), 502)).detail).toBe(
      "Glance could not be reached",
    );
    expect(stub.calls).toHaveLength(1);
  });

  it("no token → 401, a bad id → 404, neither calls Glance", async () => {
    const stub = stubUpstream({});
    await problemOf(await callApi(`/api/glance/images/${ID}/`, { method: "DELETE", token: null }), 401);
    await problemOf(await callApi(`/api/glance/images/${"x".repeat(256)}/`, { method: "DELETE" }), 404);
    expect(stub.calls).toEqual([]);
  });

  it("the collection has no DELETE: 405 with Allow, no Glance call", async () => {
    const stub = stubUpstream({});
    const response = await callApi("/api/glance/images/", { method: "DELETE" });
    await problemOf(response, 405);
    expect(response.headers.get("allow")).toContain("GET");
    expect(stub.calls).toEqual([]);
  });
});

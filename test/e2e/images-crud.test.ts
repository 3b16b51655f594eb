import { afterAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { ImageListSchema, ImagePropertiesSchema, ImageSchema } from "../../src/routes/images/images.schemas";
import type { CreateImageRequest } from "@glance-edge/client";
import { edgeClient, expectClientProblem } from "./support/client";
import { e2e } from "./support/context";
import { api } from "./support/http";
import { deleteImages, type GlanceImage, glanceImage, glanceImagesNamed, imageName } from "./support/images";

const created: string[] = [];
afterAll(async () => {
  await deleteImages(created);
});

const IMAGE = "/api/glance/images/{image_id}/";
const imagePath = (image_id: string) => ({ params: { path: { image_id } } });

/** Creates an image through glance-edge's typed client (PUT, as Horizon's UI does) and records it for cleanup. */
async function createImage(body: CreateImageRequest, method: "PUT" | "POST" = "PUT") {
  const client = edgeClient();
  const { data, error, response } =
    method === "PUT"
      ? await client.PUT("/api/glance/images/", { body })
      : await client.POST("/api/glance/images/", { body });
  if (response.status !== 201 || !data) throw new Error(`create answered ${response.status}: ${JSON.stringify(error)}`);
  const image = ImageSchema.parse(data);
  created.push(image.id);
  return { response, image };
}

/** Glance's document without what every write changes. */
const stable = ({ updated_at: _updated, ...rest }: GlanceImage) => rest;

function expectProblem(response: { status: number; body: unknown; headers: Headers }, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return ProblemSchema.parse(response.body);
}

describe("create, read, update and delete against the real Glance", () => {
  it("creates a metadata-only image (PUT and POST) with Horizon's fields and custom properties", async () => {
    const name = imageName("crud");
    const { response, image } = await createImage({
      name,
      disk_format: "qcow2",
      visibility: "private",
      protected: false,
      min_disk: 1,
      min_ram: 64,
      description: "made by the e2e suite",
      architecture: "x86_64",
      hw_disk_bus: "virtio",
      os_distro: "cirros",
    });
    expect(response.headers.get("location")).toBe(`/api/glance/images/${image.id}/`);
    expect(image).toMatchObject({
      name,
      status: "queued",
      disk_format: "qcow2",
      container_format: "bare",
      visibility: "private",
      is_public: false,
      protected: false,
      min_disk: 1,
      min_ram: 64,
      architecture: "x86_64",
      size: 0,
      checksum: null,
      owner: e2e().tokens.demo.projectId,
    });
    expect(image.properties).toMatchObject({
      description: "made by the e2e suite",
      hw_disk_bus: "virtio",
      os_distro: "cirros",
    });

    const stored = await glanceImage(image.id);
    expect(stored).toMatchObject({
      name,
      disk_format: "qcow2",
      container_format: "bare",
      min_disk: 1,
      min_ram: 64,
      architecture: "x86_64",
      description: "made by the e2e suite",
      hw_disk_bus: "virtio",
      os_distro: "cirros",
    });

    const posted = await createImage({ name: imageName("crud-post"), disk_format: "vhd" }, "POST");
    expect(posted.image).toMatchObject({
      status: "queued",
      disk_format: "vhd",
      container_format: "ovf",
      visibility: "private",
    });
  });

  it("GET answers the detail variant, and the properties endpoint the flat custom properties", async () => {
    const { image } = await createImage({
      name: imageName("detail"),
      tags: ["e2e"],
      hw_rng_model: "virtio",
      architecture: "aarch64",
    });

    const detail = await edgeClient().GET(IMAGE, imagePath(image.id));
    expect(detail.response.status).toBe(200);
    const shown = ImageSchema.parse(detail.data);
    expect(shown).toMatchObject({ id: image.id, architecture: "aarch64", tags: ["e2e"] });
    expect(shown.properties).toMatchObject({
      file: `/v2/images/${image.id}/file`,
      schema: "/v2/schemas/image",
      tags: ["e2e"],
      hw_rng_model: "virtio",
    });
    expect(shown.properties).not.toHaveProperty("self");

    const properties = await edgeClient().GET("/api/glance/images/{image_id}/properties/", imagePath(image.id));
    expect(properties.response.status).toBe(200);
    const flat = ImagePropertiesSchema.parse(properties.data);
    expect(flat).toMatchObject({ hw_rng_model: "virtio", os_hidden: false });
    for (const key of ["name", "architecture", "size", "file", "schema", "tags", "self", "id", "status"])
      expect(flat).not.toHaveProperty(key);
  });

  it("PATCH changes one field and leaves every other field and custom property as it was", async () => {
    const { image } = await createImage({
      name: imageName("patch"),
      disk_format: "qcow2",
      visibility: "community",
      min_disk: 3,
      min_ram: 256,
      description: "keep me",
      architecture: "x86_64",
      tags: ["keep"],
      hw_disk_bus: "scsi",
    });
    const before = await glanceImage(image.id);

    const response = await edgeClient().PATCH(IMAGE, {
      ...imagePath(image.id),
      body: { name: before.name, disk_format: "qcow2", visibility: "community", protected: false, min_ram: 512 },
    });
    expect(response.response.status).toBe(204);
    expect(response.data).toBeUndefined();

    const after = await glanceImage(image.id);
    expect(after.min_ram).toBe(512);
    expect(stable(after)).toEqual({ ...stable(before), min_ram: 512 });

    // null removes a custom property, a new key adds one; nothing else moves.
    const second = await edgeClient().PATCH(IMAGE, {
      ...imagePath(image.id),
      body: {
        name: before.name,
        disk_format: "qcow2",
        visibility: "community",
        protected: false,
        description: null,
        hw_vif_model: "e1000",
      },
    });
    expect(second.response.status).toBe(204);
    const final = await glanceImage(image.id);
    const { description: _removed, ...withoutDescription } = stable(after);
    expect(stable(final)).toEqual({ ...withoutDescription, hw_vif_model: "e1000" });
  });

  it("PATCH refuses bad input with a 400 and leaves the image untouched", async () => {
    const { image } = await createImage({ name: imageName("patch-bad") });
    const before = await glanceImage(image.id);

    const missing = await api(`/api/glance/images/${image.id}/`, { method: "PATCH", body: { name: "only-a-name" } });
    const problem = expectProblem(missing, 400);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(["disk_format", "protected", "visibility"]);

    const malformed = await api(`/api/glance/images/${image.id}/`, { method: "PATCH", body: "{bad" });
    expect(expectProblem(malformed, 400).type).toMatch(/malformed-json$/);

    expect(await glanceImage(image.id)).toEqual(before);
  });

  it("properties PATCH adds, replaces and removes custom properties; base keys are refused", async () => {
    const { image } = await createImage({
      name: imageName("props"),
      hw_disk_bus: "virtio",
      os_distro: "cirros",
      description: "d",
    });
    const before = await glanceImage(image.id);

    const response = await edgeClient().PATCH("/api/glance/images/{image_id}/properties/", {
      ...imagePath(image.id),
      body: {
        updated: { hw_qemu_guest_agent: "yes", os_distro: "ubuntu", os_hidden: true },
        removed: ["hw_disk_bus", "not_there"],
      },
    });
    expect(response.response.status).toBe(204);
    const after = await glanceImage(image.id);
    const { hw_disk_bus: _gone, ...kept } = stable(before);
    expect(stable(after)).toEqual({ ...kept, hw_qemu_guest_agent: "yes", os_distro: "ubuntu", os_hidden: true });

    const refused = await api(`/api/glance/images/${image.id}/properties/`, {
      method: "PATCH",
      body: { updated: {}, removed: ["name"] },
    });
    const problem = expectProblem(refused, 400);
    expect(problem.errors?.length).toBeGreaterThan(0);
    const missingUpdated = await api(`/api/glance/images/${image.id}/properties/`, {
      method: "PATCH",
      body: { removed: ["os_distro"] },
    });
    expect(expectProblem(missingUpdated, 400).errors?.map((e) => e.field)).toContain("updated");
    expect(await glanceImage(image.id)).toEqual(after);
  });

  it("DELETE of a protected image is Glance's 403; once unprotected it is deleted", async () => {
    const { image } = await createImage({ name: imageName("protected"), protected: true });

    const refused = await edgeClient().DELETE(IMAGE, imagePath(image.id));
    const problem = expectClientProblem(refused, 403);
    expect(problem.detail).toMatch(/is protected and cannot be deleted/);
    expect((await glanceImage(image.id)).status).toBe("queued");

    const unprotect = await edgeClient().PATCH(IMAGE, {
      ...imagePath(image.id),
      body: { name: image.name, disk_format: "raw", visibility: "private", protected: false },
    });
    expect(unprotect.response.status).toBe(204);

    const deleted = await edgeClient().DELETE(IMAGE, imagePath(image.id));
    expect(deleted.response.status).toBe(204);
    expect(deleted.data).toBeUndefined();
    const gone = await edgeClient().GET(IMAGE, imagePath(image.id));
    expect(expectClientProblem(gone, 404).detail).toMatch(/No image found with ID/);
    const again = await edgeClient().DELETE(IMAGE, imagePath(image.id));
    expectClientProblem(again, 404);
  });

  it("refuses an invalid create with a 400 naming each field, and creates nothing", async () => {
    const name = imageName("invalid");
    const response = await api("/api/glance/images/", {
      method: "PUT",
      body: { name, visibility: "verybad", min_disk: "10", kernel: "not-a-uuid" },
    });
    const problem = expectProblem(response, 400);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(["kernel", "min_disk", "visibility"]);
    expect(await glanceImagesNamed(name)).toEqual([]);
    const listed = await edgeClient().GET("/api/glance/images/", { params: { query: { name } } });
    expect(ImageListSchema.parse(listed.data).items).toEqual([]);
  });
});

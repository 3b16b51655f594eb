import { describe, expect, it } from "vitest";
import { imageProperties, toHorizonImage } from "../../src/glance/transform/images";
import { ImagePropertiesSchema, ImageSchema } from "../../src/routes/images/images.schemas";
import { glanceImage } from "../support/glance-image";

// An uploaded image with custom properties and a kernel, as Glance 25 answers it.
const GLANCE_IMAGE = glanceImage({
  id: "de6892b9-71f7-4332-a05a-02d4d7f6ba42",
  description: "uploaded through horizon",
  architecture: "x86_64",
  osh_color: "blue",
  name: "osh-demo-upload",
  disk_format: "raw",
  size: 65536,
  virtual_size: 65536,
  status: "active",
  checksum: "8f1445bafe2c2095044af7789462f475",
  min_ram: 64,
  min_disk: 1,
  os_hash_algo: "sha512",
  os_hash_value: "76a5",
  tags: ["t1"],
  kernel_id: "0a0b0c0d-0000-4000-8000-000000000001",
});

describe("toHorizonImage", () => {
  it("builds the detail variant as Horizon does, plus top-level tags and virtual_size", () => {
    const image = ImageSchema.parse(toHorizonImage(GLANCE_IMAGE, "detail"));
    expect(image).toEqual({
      id: GLANCE_IMAGE.id,
      name: "osh-demo-upload",
      status: "active",
      visibility: "private",
      owner: GLANCE_IMAGE.owner,
      checksum: GLANCE_IMAGE.checksum,
      container_format: "bare",
      disk_format: "raw",
      created_at: GLANCE_IMAGE.created_at,
      updated_at: GLANCE_IMAGE.updated_at,
      min_disk: 1,
      min_ram: 64,
      protected: false,
      architecture: "x86_64",
      size: 65536,
      is_public: false,
      tags: ["t1"],
      virtual_size: 65536,
      properties: {
        description: "uploaded through horizon",
        osh_color: "blue",
        os_hidden: false,
        os_hash_algo: "sha512",
        os_hash_value: "76a5",
        virtual_size: 65536,
        tags: ["t1"],
        file: GLANCE_IMAGE.file,
        schema: "/v2/schemas/image",
        kernel_id: GLANCE_IMAGE.kernel_id,
      },
    });
  });

  it("keeps file, schema, tags, virtual_size and kernel_id out of the list variant's properties", () => {
    const image = toHorizonImage(GLANCE_IMAGE, "list");
    expect(image.properties).toEqual({
      description: "uploaded through horizon",
      osh_color: "blue",
      os_hidden: false,
      os_hash_algo: "sha512",
      os_hash_value: "76a5",
    });
    expect(image.tags).toEqual(["t1"]);
  });

  it("gives a queued image size 0, null checksum and architecture, and is_public from visibility", () => {
    const image = toHorizonImage(
      { id: "x", visibility: "public", size: null, checksum: null, os_hidden: false },
      "list",
    );
    expect(ImageSchema.parse(image)).toMatchObject({
      size: 0,
      checksum: null,
      architecture: null,
      name: null,
      is_public: true,
      tags: [],
      virtual_size: null,
      properties: { os_hidden: false },
    });
  });

  it("never takes a custom property named is_public over the visibility", () => {
    expect(toHorizonImage({ id: "x", visibility: "private", is_public: "yes" }, "list").is_public).toBe(false);
  });
});

describe("toHorizonImage's JSON", () => {
  it("keeps Horizon's key order: the 13 copied keys, the derived ones, then properties in Glance's order", () => {
    const detail = toHorizonImage(GLANCE_IMAGE, "detail");
    expect(Object.keys(detail)).toEqual([
      "id",
      "name",
      "status",
      "visibility",
      "owner",
      "checksum",
      "container_format",
      "disk_format",
      "created_at",
      "updated_at",
      "min_disk",
      "min_ram",
      "protected",
      "architecture",
      "size",
      "is_public",
      "tags",
      "virtual_size",
      "properties",
    ]);
    const glanceOrder = Object.keys(GLANCE_IMAGE);
    const inGlanceOrder = (keys: string[]) => [...keys].sort((a, b) => glanceOrder.indexOf(a) - glanceOrder.indexOf(b));
    expect(Object.keys(detail.properties)).toEqual(inGlanceOrder(Object.keys(detail.properties)));
    const listed = toHorizonImage(GLANCE_IMAGE, "list");
    expect(Object.keys(listed.properties)).toEqual(inGlanceOrder(Object.keys(listed.properties)));
  });

  it("carries a `__proto__` key Glance sent as a plain property, never as the prototype", () => {
    const image = JSON.parse('{"id":"x","__proto__":{"polluted":true},"osh_color":"blue"}') as { id: string };
    for (const variant of ["list", "detail"] as const) {
      const { properties } = toHorizonImage(image, variant);
      expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
      expect((properties as { polluted?: unknown }).polluted).toBeUndefined();
      expect(JSON.parse(JSON.stringify(properties))).toEqual(
        JSON.parse('{"__proto__":{"polluted":true},"osh_color":"blue"}'),
      );
      expect(Object.keys(properties)).toEqual(["__proto__", "osh_color"]);
    }
    expect(Object.keys(imageProperties(image))).toEqual(["__proto__", "osh_color"]);
  });
});

describe("imageProperties", () => {
  it("is the flat object of Horizon's properties endpoint", () => {
    expect(ImagePropertiesSchema.parse(imageProperties(GLANCE_IMAGE))).toEqual({
      description: "uploaded through horizon",
      osh_color: "blue",
      os_hidden: false,
      os_hash_algo: "sha512",
      os_hash_value: "76a5",
    });
  });
});

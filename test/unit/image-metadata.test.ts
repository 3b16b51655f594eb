import { describe, expect, it } from "vitest";
import {
  createImageMetadata,
  createSourceIssues,
  customPropertyKeyProblem,
  customPropertyValueProblem,
  fixFormats,
  imagePropertiesChanges,
  imageUpdateChanges,
  isEmptyData,
  osHiddenValue,
  type UpdateImageRequest,
} from "../../src/glance/transform/image-metadata";

const KERNEL_ID = "0a0b0c0d-0000-4000-8000-000000000001";
const RAMDISK_ID = "0a0b0c0d-0000-4000-8000-000000000002";

const HORIZON_DEFAULTS = {
  name: "",
  disk_format: "raw",
  container_format: "bare",
  visibility: "private",
  protected: false,
  min_disk: 0,
  min_ram: 0,
};

describe("createImageMetadata", () => {
  it("applies Horizon's defaults to a name-only body", () => {
    expect(createImageMetadata({ name: "Bare" })).toEqual({
      image: { ...HORIZON_DEFAULTS, name: "Bare" },
      source: { kind: "none" },
    });
  });

  it('defaults the name to "" and keeps an explicit null', () => {
    expect(createImageMetadata({ visibility: "shared" }).image).toEqual({ ...HORIZON_DEFAULTS, visibility: "shared" });
    expect(createImageMetadata({ name: null }).image.name).toBeNull();
  });

  it("sends null min_disk/min_ram as 0", () => {
    expect(createImageMetadata({ min_disk: null, min_ram: null }).image).toMatchObject({ min_disk: 0, min_ram: 0 });
  });

  it("renames kernel and ramdisk, and leaves them out when null", () => {
    expect(createImageMetadata({ kernel: KERNEL_ID, ramdisk: RAMDISK_ID }).image).toMatchObject({
      kernel_id: KERNEL_ID,
      ramdisk_id: RAMDISK_ID,
    });
    const image = createImageMetadata({ kernel: null, ramdisk: null }).image;
    expect(image).not.toHaveProperty("kernel_id");
    expect(image).not.toHaveProperty("ramdisk_id");
    expect(image).not.toHaveProperty("kernel");
  });

  it("builds docker metadata: raw disk, docker container, description and architecture copied, no properties key", () => {
    const { image } = createImageMetadata({
      disk_format: "docker",
      description: "Test description",
      architecture: "x86-64",
      min_disk: 15,
      min_ram: 512,
      protected: false,
      is_copying: false,
      source_type: "url",
      image_url: "https://example.org/",
    });
    expect(image).toEqual({
      name: "",
      disk_format: "raw",
      container_format: "docker",
      visibility: "private",
      protected: false,
      min_disk: 15,
      min_ram: 512,
      description: "Test description",
      architecture: "x86-64",
    });
  });

  it("builds vhd metadata with the ovf container", () => {
    expect(createImageMetadata({ disk_format: "vhd" }).image).toMatchObject({
      disk_format: "vhd",
      container_format: "ovf",
    });
  });

  it("copies every other key as a custom property and honours tags, owner, id and os_hidden", () => {
    const { image } = createImageMetadata({
      name: "Test",
      arbitrary: "property",
      another: "prop",
      tags: ["a", "b"],
      owner: "p1",
      id: KERNEL_ID,
      os_hidden: "true",
    });
    expect(image).toEqual({
      ...HORIZON_DEFAULTS,
      name: "Test",
      arbitrary: "property",
      another: "prop",
      tags: ["a", "b"],
      owner: "p1",
      id: KERNEL_ID,
      os_hidden: true,
    });
  });

  it("never sends the source fields to Glance", () => {
    const { image } = createImageMetadata({
      source_type: "url",
      image_url: "https://example.org/a.img",
      import_data: true,
      is_copying: false,
      data: {},
    });
    expect(image).toEqual(HORIZON_DEFAULTS);
  });

  it("chooses web-download import, location, or no data from the source fields", () => {
    const url = "https://example.org/a.img";
    expect(createImageMetadata({ source_type: "url", image_url: url, import_data: true }).source).toEqual({
      kind: "web-download",
      uri: url,
    });
    expect(createImageMetadata({ source_type: "url", image_url: url, import_data: false }).source).toEqual({
      kind: "location",
      url,
    });
    expect(createImageMetadata({ source_type: "url", image_url: url }).source).toEqual({ kind: "location", url });
    expect(createImageMetadata({ source_type: "file-direct" }).source).toEqual({ kind: "none" });
    expect(createImageMetadata({}).source).toEqual({ kind: "none" });
  });
});

describe("fixFormats", () => {
  it.each([
    ["ami", "bare", "ami", "ami"],
    ["aki", "bare", "aki", "aki"],
    ["ari", "ovf", "ari", "ari"],
    ["docker", "bare", "raw", "docker"],
    ["vhd", "bare", "vhd", "ovf"],
    ["ova", "bare", "vmdk", "ova"],
    ["qcow2", "ovf", "qcow2", "ovf"],
    ["raw", "bare", "raw", "bare"],
  ] as const)("disk %s with container %s → %s/%s", (disk, container, wantDisk, wantContainer) => {
    expect(fixFormats(disk, container)).toEqual({ disk_format: wantDisk, container_format: wantContainer });
  });
});

describe("createSourceIssues", () => {
  it("needs image_url with source_type url, and source_type url with image_url", () => {
    expect(createSourceIssues({ source_type: "url" })).toEqual([
      { field: "image_url", message: "image_url is required when source_type is url" },
    ]);
    expect(createSourceIssues({ image_url: "https://example.org/" })).toEqual([
      { field: "image_url", message: "image_url needs source_type url" },
    ]);
    expect(createSourceIssues({ source_type: "file", import_data: true })).toEqual([
      { field: "import_data", message: "import_data needs source_type url" },
    ]);
  });

  it("refuses is_copying true and data that is not a file name, accepts a direct upload's file name and what Horizon's UI sends when there is no data", () => {
    expect(createSourceIssues({ is_copying: true, data: { size: 1 } }).map((issue) => issue.field)).toEqual([
      "is_copying",
      "data",
    ]);
    expect(createSourceIssues({ data: "sample.iso", source_type: "file-direct" })).toEqual([]);
    expect(createSourceIssues({ data: "sample.iso", source_type: "url", image_url: "https://example.org/" })).toEqual([
      { field: "data", message: "a direct upload (data) cannot be combined with source_type url" },
    ]);
    expect(createSourceIssues({ data: 42 }).map((issue) => issue.field)).toEqual(["data"]);
    expect(createSourceIssues({ is_copying: false, data: {}, source_type: "file-direct" })).toEqual([]);
    expect(createSourceIssues({ source_type: "url", image_url: "https://example.org/", import_data: false })).toEqual(
      [],
    );
  });

  it("treats {}, null and an empty string as no data", () => {
    expect([{}, null, "", undefined].every(isEmptyData)).toBe(true);
    expect([{ a: 1 }, "x", [], 0].some(isEmptyData)).toBe(false);
  });
});

describe("customPropertyKeyProblem", () => {
  it.each(["toString", "constructor", "hasOwnProperty", "valueOf"])(
    "%s is an ordinary custom property name (found by the fuzz suite: was Object.prototype's function)",
    (key) => {
      expect(customPropertyKeyProblem(key, "image")).toBeUndefined();
      expect(customPropertyKeyProblem(key, "properties")).toBeUndefined();
    },
  );

  it.each(["location", "deleted", "deleted_at", "os_glance_import_task"])("refuses the reserved key %s", (key) => {
    expect(customPropertyKeyProblem(key, "image")).toBe(`Attribute '${key}' is reserved.`);
    expect(customPropertyKeyProblem(key, "properties")).toBe(`Attribute '${key}' is reserved.`);
  });

  it.each([
    "self",
    "file",
    "schema",
    "direct_url",
    "stores",
    "status",
    "checksum",
    "size",
    "virtual_size",
    "created_at",
    "updated_at",
    "os_hash_algo",
    "os_hash_value",
    "id",
  ])("refuses the read-only key %s", (key) => {
    expect(customPropertyKeyProblem(key, "image")).toBe(`Attribute '${key}' is read-only.`);
  });

  it("refuses empty and over-long names", () => {
    expect(customPropertyKeyProblem("", "image")).toMatch(/empty/);
    expect(customPropertyKeyProblem("k".repeat(256), "image")).toMatch(/255/);
    expect(customPropertyKeyProblem("k".repeat(255), "image")).toBeUndefined();
  });

  it("refuses Horizon's document keys in an image body, pointing at the field to use", () => {
    expect(customPropertyKeyProblem("is_public", "image")).toMatch(/visibility/);
    expect(customPropertyKeyProblem("properties", "image")).toMatch(/top-level/);
    expect(customPropertyKeyProblem("kernel_id", "image")).toMatch(/kernel/);
    expect(customPropertyKeyProblem("ramdisk_id", "image")).toMatch(/ramdisk/);
    expect(customPropertyKeyProblem("hw_disk_bus", "image")).toBeUndefined();
  });

  it("refuses base properties on the properties endpoint, where kernel_id is an ordinary property", () => {
    for (const key of [
      "name",
      "visibility",
      "protected",
      "disk_format",
      "container_format",
      "min_disk",
      "min_ram",
      "tags",
      "owner",
    ]) {
      expect(customPropertyKeyProblem(key, "properties")).toMatch(/base property/);
    }
    expect(customPropertyKeyProblem("kernel_id", "properties")).toBeUndefined();
    expect(customPropertyKeyProblem("description", "properties")).toBeUndefined();
  });
});

describe("customPropertyValueProblem", () => {
  it("accepts strings up to 255 characters, and null only where null removes", () => {
    expect(customPropertyValueProblem("v".repeat(255), false)).toBeUndefined();
    expect(customPropertyValueProblem("", false)).toBeUndefined();
    expect(customPropertyValueProblem("v".repeat(256), false)).toMatch(/at most 255/);
    expect(customPropertyValueProblem(5, false)).toBe("a custom property value must be a string");
    expect(customPropertyValueProblem(null, false)).toBe("a custom property value must be a string");
    expect(customPropertyValueProblem(null, true)).toBeUndefined();
    expect(customPropertyValueProblem(true, true)).toMatch(/or null to remove it/);
  });
});

describe("osHiddenValue", () => {
  it('accepts booleans and "true"/"false" (Horizon turned a JSON true into false)', () => {
    expect([true, "true", false, "false"].map((value) => osHiddenValue(value as boolean | "true" | "false"))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("imageUpdateChanges", () => {
  const required: UpdateImageRequest = {
    name: "only-name",
    disk_format: "qcow2",
    visibility: "public",
    protected: false,
  };

  it("changes only the required fields when nothing else is sent (Horizon reset the rest)", () => {
    expect(imageUpdateChanges(required)).toEqual({
      set: { name: "only-name", disk_format: "qcow2", visibility: "public", protected: false },
      remove: [],
    });
  });

  it("sets optional fields that are present, renaming kernel and ramdisk", () => {
    const changes = imageUpdateChanges({
      ...required,
      container_format: "ovf",
      min_disk: 10,
      min_ram: null,
      kernel: KERNEL_ID,
      ramdisk: RAMDISK_ID,
      description: "",
      architecture: "aarch64",
      tags: ["t1"],
      owner: "p2",
      os_hidden: "false",
      hw_disk_bus: "virtio",
    });
    expect(changes).toEqual({
      set: {
        name: "only-name",
        disk_format: "qcow2",
        container_format: "ovf",
        visibility: "public",
        protected: false,
        min_disk: 10,
        min_ram: 0,
        kernel_id: KERNEL_ID,
        ramdisk_id: RAMDISK_ID,
        description: "",
        architecture: "aarch64",
        tags: ["t1"],
        owner: "p2",
        os_hidden: false,
        hw_disk_bus: "virtio",
      },
      remove: [],
    });
  });

  it("removes custom properties, kernel and ramdisk sent as null", () => {
    const changes = imageUpdateChanges({
      ...required,
      kernel: null,
      ramdisk: null,
      description: null,
      architecture: null,
      hw_disk_bus: null,
    });
    expect(changes.remove).toEqual(["kernel_id", "ramdisk_id", "description", "architecture", "hw_disk_bus"]);
    expect(Object.keys(changes.set)).toEqual(["name", "disk_format", "visibility", "protected"]);
  });

  it("lets the disk format decide the container format, as on create", () => {
    expect(imageUpdateChanges({ ...required, disk_format: "aki" }).set).toMatchObject({
      disk_format: "aki",
      container_format: "aki",
    });
    expect(imageUpdateChanges({ ...required, disk_format: "docker", container_format: "bare" }).set).toMatchObject({
      disk_format: "raw",
      container_format: "docker",
    });
    expect(imageUpdateChanges({ ...required, disk_format: "ova" }).set).toMatchObject({
      disk_format: "vmdk",
      container_format: "ova",
    });
  });
});

describe("imagePropertiesChanges", () => {
  it("sends os_hidden as a boolean and never removes a key that is also updated", () => {
    expect(
      imagePropertiesChanges({ hw_disk_bus: "scsi", hw_qemu_guest_agent: "yes", os_hidden: true }, [
        "os_distro",
        "not_there",
        "hw_qemu_guest_agent",
        "os_distro",
      ]),
    ).toEqual({
      set: { hw_disk_bus: "scsi", hw_qemu_guest_agent: "yes", os_hidden: true },
      remove: ["os_distro", "not_there"],
    });
    expect(imagePropertiesChanges({ os_hidden: "false" }).set).toEqual({ os_hidden: false });
  });

  it("removes keys named like Object's own members (constructor, toString)", () => {
    expect(imagePropertiesChanges({}, ["constructor", "toString"]).remove).toEqual(["constructor", "toString"]);
  });
});

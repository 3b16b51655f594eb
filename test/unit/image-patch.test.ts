import { describe, expect, it } from "vitest";
import { imagePatchOps, jsonPointer } from "../../src/glance/transform/image-patch";
import { glanceImage } from "../support/glance-image";

// An image with tags and custom properties, as Glance 25 answers it.
const CURRENT = glanceImage({
  id: "49ae1a4e-1e17-435e-9425-92f350fa55ad",
  name: "osh-demo-glance",
  disk_format: "raw",
  visibility: "shared",
  min_ram: 128,
  min_disk: 2,
  tags: ["t1", "t2"],
  architecture: "aarch64",
  description: "created directly in glance",
  osh_color: "red",
});

describe("imagePatchOps", () => {
  it("holds only real changes: nothing for unchanged values, no spurious /tags op", () => {
    expect(
      imagePatchOps(CURRENT, {
        set: { name: "osh-demo-glance", disk_format: "raw", visibility: "shared", protected: false },
        remove: [],
      }),
    ).toEqual([]);
    expect(imagePatchOps(CURRENT, { set: { name: "renamed", min_disk: 5, visibility: "shared" }, remove: [] })).toEqual(
      [
        { op: "replace", path: "/name", value: "renamed" },
        { op: "replace", path: "/min_disk", value: 5 },
      ],
    );
  });

  it("adds a new custom property, replaces an existing one, and replaces a base key the image lacks", () => {
    const { tags: _tags, ...withoutTags } = CURRENT;
    expect(imagePatchOps(withoutTags, { set: { new_prop: "v", osh_color: "blue", tags: ["x"] }, remove: [] })).toEqual([
      { op: "add", path: "/new_prop", value: "v" },
      { op: "replace", path: "/osh_color", value: "blue" },
      { op: "replace", path: "/tags", value: ["x"] },
    ]);
  });

  it("removes only keys the image has, and never one that is also set", () => {
    expect(
      imagePatchOps(CURRENT, { set: { osh_color: "red" }, remove: ["description", "not_there", "osh_color"] }),
    ).toEqual([{ op: "remove", path: "/description" }]);
  });

  it("compares tags as a set", () => {
    expect(imagePatchOps(CURRENT, { set: { tags: ["t2", "t1"] }, remove: [] })).toEqual([]);
    expect(imagePatchOps(CURRENT, { set: { tags: ["t1"] }, remove: [] })).toEqual([
      { op: "replace", path: "/tags", value: ["t1"] },
    ]);
  });

  it("builds Horizon's properties edit as a patch: set a and b, remove c and d only where the image has them", () => {
    const image = { id: "1", a: "0", c: "3" };
    expect(imagePatchOps(image, { set: { a: "1", b: "2" }, remove: ["c", "d"] })).toEqual([
      { op: "remove", path: "/c" },
      { op: "replace", path: "/a", value: "1" },
      { op: "add", path: "/b", value: "2" },
    ]);
  });

  it("escapes / and ~ in property names (RFC 6901)", () => {
    expect(jsonPointer("a/b~c")).toBe("/a~1b~0c");
    expect(imagePatchOps({ id: "1" }, { set: { "a/b": "x" }, remove: [] })).toEqual([
      { op: "add", path: "/a~1b", value: "x" },
    ]);
  });
});

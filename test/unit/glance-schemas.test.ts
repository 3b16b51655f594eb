import { describe, expect, it } from "vitest";
import { GlanceImageListSchema, GlanceImageSchema, GlanceNamespaceSchema } from "../../src/glance/schemas";

describe("Glance record schemas", () => {
  it("pass a record with the key they rely on through as it is, every other key kept", () => {
    const image = { id: "a", name: "cirros", hw_disk_bus: "virtio", tags: ["x"], size: null };
    const parsed = GlanceImageSchema.safeParse(image);
    expect(parsed.success && parsed.data).toBe(image);
    const list = GlanceImageListSchema.parse({ images: [image], next: "/v2/images?marker=a" });
    expect(list.images[0]).toBe(image);
    expect(GlanceNamespaceSchema.safeParse({ namespace: "OS::Compute::Quota", display_name: "Quota" }).success).toBe(
      true,
    );
  });

  it.each([[null], [[{ id: "a" }]], ["a"], [{ id: 42 }], [{ name: "no id" }]])("refuse %j", (value) => {
    expect(GlanceImageSchema.safeParse(value).success).toBe(false);
    expect(GlanceImageListSchema.safeParse({ images: [value] }).success).toBe(false);
  });

  it("refuses a namespace without its name", () => {
    expect(GlanceNamespaceSchema.safeParse({ display_name: "Quota" }).success).toBe(false);
  });
});

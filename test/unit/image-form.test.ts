import { describe, expect, it } from "vitest";
import { formToCreateRequest } from "../../src/glance/transform/image-form";

describe("formToCreateRequest", () => {
  it("gives the typed fields their schema types and keeps strings as strings", () => {
    const result = formToCreateRequest([
      ["name", "cirros"],
      ["min_disk", "2"],
      ["min_ram", "0"],
      ["protected", "false"],
      ["os_hidden", "true"],
      ["import_data", "false"],
      ["is_copying", "false"],
      ["disk_format", "qcow2"],
      ["description", "42"],
      ["hw_disk_bus", "virtio"],
    ]);
    expect(result).toEqual({
      body: {
        name: "cirros",
        min_disk: 2,
        min_ram: 0,
        protected: false,
        os_hidden: true,
        import_data: false,
        is_copying: false,
        disk_format: "qcow2",
        description: "42",
        hw_disk_bus: "virtio",
      },
      issues: [],
    });
  });

  it("reads an empty value as null where the field is nullable, and as an empty string elsewhere", () => {
    const result = formToCreateRequest([
      ["min_disk", ""],
      ["kernel", ""],
      ["source_type", ""],
      ["name", ""],
      ["architecture", ""],
    ]);
    expect(result.body).toEqual({ min_disk: null, kernel: null, source_type: null, name: "", architecture: "" });
    expect(result.issues).toEqual([]);
  });

  it("names each field whose string does not fit its type", () => {
    const result = formToCreateRequest([
      ["min_disk", "2.5"],
      ["min_ram", "-1"],
      ["protected", "False"],
      ["import_data", "1"],
      ["name", "ok"],
    ]);
    expect(result.issues).toEqual([
      { field: "min_disk", message: "must be a non-negative integer" },
      { field: "min_ram", message: "must be a non-negative integer" },
      { field: "protected", message: 'must be "true" or "false"' },
      { field: "import_data", message: 'must be "true" or "false"' },
    ]);
    expect(result.body).toEqual({ name: "ok" });
  });

  it("collects repeated tags into a list and refuses any other field given twice", () => {
    const result = formToCreateRequest([
      ["tags", "a"],
      ["name", "x"],
      ["tags", "b"],
      ["name", "y"],
    ]);
    expect(result.body).toEqual({ tags: ["a", "b"] });
    expect(result.issues).toEqual([{ field: "name", message: "name is given more than once" }]);
  });

  it("refuses a field named __proto__ instead of dropping it", () => {
    expect(formToCreateRequest([["__proto__", "x"]]).issues).toEqual([
      { field: "__proto__", message: "__proto__ cannot be used as a property name" },
    ]);
  });

  it("takes $$originalJSON as the whole body, typed as sent, and reads no other field", () => {
    const original = {
      name: "cirros",
      min_disk: 2,
      protected: true,
      tags: ["x"],
      data: {},
      hw_qemu_guest_agent: "yes",
    };
    const result = formToCreateRequest([
      ["name", "ignored copy"],
      ["min_disk", "not a number"],
      ["$$originalJSON", JSON.stringify(original)],
    ]);
    expect(result).toEqual({ body: original, issues: [] });
  });

  it("refuses a $$originalJSON that is not one JSON object", () => {
    const issueOf = (...values: string[]) =>
      formToCreateRequest(values.map((value) => ["$$originalJSON", value] as const)).issues;
    expect(issueOf("{")).toEqual([{ field: "$$originalJSON", message: "$$originalJSON is not valid JSON" }]);
    expect(issueOf("[1]")).toEqual([{ field: "$$originalJSON", message: "$$originalJSON must be a JSON object" }]);
    expect(issueOf("null")).toEqual([{ field: "$$originalJSON", message: "$$originalJSON must be a JSON object" }]);
    expect(issueOf("{}", "{}")).toEqual([
      { field: "$$originalJSON", message: "$$originalJSON is given more than once" },
    ]);
    expect(issueOf('{"a": {"__proto__": {"x": 1}}}')).toEqual([
      { field: "$$originalJSON.a.__proto__", message: "__proto__ cannot be used as a property name" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import {
  importMethodProblem,
  importRequestIssues,
  importStoresProblem,
  toGlanceImportRequest,
} from "../../src/glance/transform/image-import";

const REMOTE_IMAGE_ID = "c4705b36-b281-40f6-a01d-bf98883ead8e";

describe("toGlanceImportRequest", () => {
  it("puts the method's own fields inside method and keeps the store options beside it", () => {
    expect(
      toGlanceImportRequest({
        method: "web-download",
        uri: "https://example.org/a.raw",
        stores: ["fast"],
        all_stores_must_succeed: false,
      }),
    ).toEqual({
      method: { name: "web-download", uri: "https://example.org/a.raw" },
      stores: ["fast"],
      all_stores_must_succeed: false,
    });
    expect(
      toGlanceImportRequest({ method: "glance-download", glance_image_id: REMOTE_IMAGE_ID, glance_region: "R2" }),
    ).toEqual({
      method: { name: "glance-download", glance_image_id: REMOTE_IMAGE_ID, glance_region: "R2" },
    });
  });

  it("sends false values it was given (all_stores: false is the caller's choice, not absence)", () => {
    expect(toGlanceImportRequest({ method: "glance-direct", all_stores: false })).toEqual({
      method: { name: "glance-direct" },
      all_stores: false,
    });
  });
});

describe("importRequestIssues", () => {
  it("accepts each method with its own fields", () => {
    expect(importRequestIssues({ method: "glance-direct" })).toEqual([]);
    expect(importRequestIssues({ method: "web-download", uri: "https://example.org/a" })).toEqual([]);
    expect(importRequestIssues({ method: "copy-image", all_stores: true })).toEqual([]);
    expect(importRequestIssues({ method: "copy-image", stores: ["b"] })).toEqual([]);
    expect(
      importRequestIssues({
        method: "glance-download",
        glance_image_id: REMOTE_IMAGE_ID,
        glance_region: "R",
        glance_service_interface: "admin",
      }),
    ).toEqual([]);
  });

  it("names each missing or misplaced field", () => {
    expect(importRequestIssues({ method: "web-download" }).map((i) => i.field)).toEqual(["uri"]);
    expect(importRequestIssues({ method: "copy-image", uri: "https://x.org/" }).map((i) => i.field)).toEqual([
      "uri",
      "stores",
    ]);
    expect(
      importRequestIssues({ method: "glance-download", glance_service_interface: "public" }).map((i) => i.field),
    ).toEqual(["glance_image_id", "glance_region"]);
    expect(
      importRequestIssues({ method: "web-download", uri: "https://x.org/", glance_image_id: REMOTE_IMAGE_ID }).map(
        (i) => i.field,
      ),
    ).toEqual(["glance_image_id"]);
    expect(importRequestIssues({ method: "copy-image", stores: ["a"], all_stores: true }).map((i) => i.field)).toEqual([
      "all_stores",
    ]);
  });
});

describe("importMethodProblem / importStoresProblem", () => {
  it("names the offered methods", () => {
    expect(importMethodProblem("glance-direct", ["glance-direct"])).toBeUndefined();
    expect(importMethodProblem("copy-image", ["glance-direct", "web-download"])).toBe(
      "Glance does not offer the copy-image import method here (offered: glance-direct, web-download)",
    );
    expect(importMethodProblem("copy-image", [])).toMatch(/offered: none\)$/);
  });

  it("refuses stores on a single-store Glance and unknown store ids, and is silent when no store is named", () => {
    expect(importStoresProblem({ method: "glance-direct" }, [])).toBeUndefined();
    expect(importStoresProblem({ method: "glance-direct", all_stores: false }, [])).toBeUndefined();
    expect(importStoresProblem({ method: "glance-direct", stores: ["a"] }, [])?.field).toBe("stores");
    expect(importStoresProblem({ method: "copy-image", all_stores: true }, [])?.field).toBe("all_stores");
    expect(importStoresProblem({ method: "copy-image", all_stores: true }, ["a", "b"])).toBeUndefined();
    expect(importStoresProblem({ method: "copy-image", stores: ["b"] }, ["a", "b"])).toBeUndefined();
    expect(importStoresProblem({ method: "copy-image", stores: ["x", "b", "y"] }, ["a", "b"])).toEqual({
      field: "stores",
      message: "unknown stores x, y (Glance's stores: a, b)",
    });
  });
});

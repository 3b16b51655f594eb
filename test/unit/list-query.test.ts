import { describe, expect, it } from "vitest";
import { ProblemError } from "../../src/lib/problem";
import {
  glanceListQuery,
  type ListLimits,
  ListImagesQuerySchema,
  planImageList,
  REPEATED_MESSAGE,
} from "../../src/routes/images/list-query";

type RawQuery = Record<string, string | string[]>;

const LIMITS: ListLimits = { pageSize: 20, resultLimit: 1000 };

const plan = (raw: RawQuery, limits = LIMITS) => planImageList(ListImagesQuerySchema.parse(raw), limits);

/** The query string Glance gets on the first call (one more image than the page, no marker override). */
const firstCall = (raw: RawQuery, limits = LIMITS) => {
  const planned = plan(raw, limits);
  return new URLSearchParams(glanceListQuery(planned, planned.pageSize + 1, planned.marker)).toString();
};

/** `field: message` for every issue of a refused query. */
const issues = (raw: RawQuery) => {
  const result = ListImagesQuerySchema.safeParse(raw);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("ListImagesQuerySchema + planImageList", () => {
  it("defaults: created_at desc, no filters, API_RESULT_LIMIT images (+1 to learn whether there are more)", () => {
    expect(plan({})).toEqual({
      filters: [],
      sortKey: "created_at",
      glanceSortDir: "desc",
      marker: undefined,
      pageSize: 1000,
      reversed: false,
    });
    expect(firstCall({})).toBe("limit=1001&sort_key=created_at&sort_dir=desc");
  });

  describe("paginate (Horizon's bug: the string false turned paging on)", () => {
    it.each(["true", "TRUE", "True", "1"])("%s pages with API_RESULT_PAGE_SIZE", (value) => {
      expect(plan({ paginate: value }).pageSize).toBe(20);
    });
    it.each(["false", "FALSE", "False", "0"])("%s does not page", (value) => {
      expect(plan({ paginate: value }).pageSize).toBe(1000);
    });
    it.each(["yes", "", "None", "2"])("%j is refused", (value) => {
      expect(issues({ paginate: value })).toEqual(["paginate: must be true, false, 1 or 0"]);
    });
  });

  describe("limit", () => {
    it("is the page size when paginating and the cap otherwise", () => {
      expect(plan({ paginate: "true", limit: "5" }).pageSize).toBe(5);
      expect(plan({ limit: "5" }).pageSize).toBe(5);
      expect(firstCall({ paginate: "1", limit: "3" })).toBe("limit=4&sort_key=created_at&sort_dir=desc");
    });
    it("may be API_RESULT_LIMIT but not more (a 400, not silently lowered)", () => {
      expect(plan({ limit: "1000" }).pageSize).toBe(1000);
      let thrown: unknown;
      try {
        plan({ limit: "1001" });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProblemError);
      expect((thrown as ProblemError).init).toMatchObject({
        status: 400,
        errors: [{ location: "query", field: "limit", message: "must be at most 1000 (API_RESULT_LIMIT)" }],
      });
    });
    it.each(["0", "-1", "abc", "2.5", ""])("%j is refused", (value) => {
      expect(issues({ limit: value })).toEqual(["limit: must be a positive integer"]);
    });
  });

  describe("sorting", () => {
    it("passes Glance's sort keys and directions", () => {
      expect(firstCall({ sort_key: "name", sort_dir: "asc" })).toBe("limit=1001&sort_key=name&sort_dir=asc");
    });
    it.each(["namespace", "min_disk", "NAME", ""])("refuses sort_key=%j (no Glance call)", (value) => {
      expect(issues({ sort_key: value })).toEqual([
        "sort_key: must be one of: name, status, container_format, disk_format, size, id, created_at, updated_at",
      ]);
    });
    it("refuses a bad sort_dir", () => {
      expect(issues({ sort_dir: "up" })).toEqual(["sort_dir: must be one of: asc, desc"]);
    });
    it("refuses Glance's sort= syntax, which would conflict with the sort_key/sort_dir always sent", () => {
      expect(issues({ sort: "name:asc" })).toEqual([
        "sort: Glance's sort=key:dir syntax cannot be combined with sort_key/sort_dir, which are always sent; use sort_key and sort_dir",
      ]);
    });
  });

  describe("reversed_order (a keyword, never a filter)", () => {
    it("flips the direction Glance is asked for and keeps the marker", () => {
      const reversed = plan({ paginate: "true", reversed_order: "true", marker: "img-03" });
      expect(reversed).toMatchObject({ reversed: true, glanceSortDir: "asc", marker: "img-03", filters: [] });
      expect(plan({ reversed_order: "TRUE", sort_dir: "asc" }).glanceSortDir).toBe("desc");
      expect(firstCall({ paginate: "true", reversed_order: "1", marker: "m" })).toBe(
        "limit=21&sort_key=created_at&sort_dir=asc&marker=m",
      );
    });
    it("false changes nothing", () => {
      expect(plan({ reversed_order: "false" })).toMatchObject({ reversed: false, glanceSortDir: "desc" });
    });
    it("refuses other values", () => {
      expect(issues({ reversed_order: "True-ish" })).toEqual(["reversed_order: must be true, false, 1 or 0"]);
    });
  });

  it("an empty marker means none, as in Horizon", () => {
    expect(plan({ marker: "" }).marker).toBeUndefined();
    expect(firstCall({ marker: "img-06" })).toBe("limit=1001&sort_key=created_at&sort_dir=desc&marker=img-06");
  });

  describe("Horizon's aliases", () => {
    it.each([
      ["true", "public"],
      ["True", "public"],
      ["TRUE", "public"],
      ["false", "private"],
      ["False", "private"],
    ])("is_public=%s → visibility=%s (Horizon answered 500 for lowercase)", (value, visibility) => {
      expect(plan({ is_public: value }).filters).toEqual([["visibility", visibility]]);
    });
    it.each(["None", "yes", "1", ""])("is_public=%j is refused", (value) => {
      expect(issues({ is_public: value })).toEqual(["is_public: must be true or false"]);
    });
    it("is_public cannot be combined with visibility", () => {
      expect(issues({ is_public: "true", visibility: "private" })).toEqual([
        "is_public: conflicts with visibility; give one of them",
      ]);
    });
    it("property-owner_id becomes owner, and cannot be combined with owner", () => {
      expect(plan({ "property-owner_id": "p9" }).filters).toEqual([["owner", "p9"]]);
      expect(issues({ "property-owner_id": "p9", owner: "p8" })).toEqual([
        "property-owner_id: conflicts with owner; give one of them",
      ]);
    });
  });

  describe("tag (Horizon split one tag into characters)", () => {
    it("one tag is sent whole", () => {
      expect(plan({ tag: "ab" }).filters).toEqual([["tag", "ab"]]);
    });
    it("repeated tags are all sent, as repeated parameters (Glance ANDs them)", () => {
      expect(plan({ tag: ["ab", "cd"] }).filters).toEqual([
        ["tag", "ab"],
        ["tag", "cd"],
      ]);
    });
    it("refuses an empty tag, naming which one", () => {
      expect(issues({ tag: "" })).toEqual(["tag: must not be empty"]);
      expect(issues({ tag: ["ok", ""] })).toEqual(["tag.1: must not be empty"]);
    });
  });

  describe("Glance's filters", () => {
    it("are sent in a fixed order, custom-property filters last in the caller's order", () => {
      const raw = {
        os_distro: "ubuntu",
        id: "in:a,b",
        updated_at: "lt:2026-11-20T10:03:44Z",
        created_at: "gte:2026-01-01T00:00:00Z",
        size_max: "100",
        size_min: "1",
        disk_format: "in:qcow2,raw",
        container_format: "bare",
        os_hidden: "True",
        protected: "FALSE",
        tag: "lts",
        member_status: "all",
        owner: "p1",
        visibility: "community",
        status: "in:active,queued",
        name: 'in:"a,b",c',
        hw_disk_bus: "virtio",
      };
      expect(plan(raw).filters).toEqual([
        ["name", 'in:"a,b",c'],
        ["status", "in:active,queued"],
        ["visibility", "community"],
        ["owner", "p1"],
        ["member_status", "all"],
        ["tag", "lts"],
        ["protected", "false"],
        ["os_hidden", "true"],
        ["container_format", "bare"],
        ["disk_format", "in:qcow2,raw"],
        ["size_min", "1"],
        ["size_max", "100"],
        ["created_at", "gte:2026-01-01T00:00:00Z"],
        ["updated_at", "lt:2026-11-20T10:03:44Z"],
        ["id", "in:a,b"],
        ["os_distro", "ubuntu"],
        ["hw_disk_bus", "virtio"],
      ]);
    });

    it("filters come before limit, sort_key, sort_dir", () => {
      expect(firstCall({ name: "img-01", status: "active", sort_key: "name", sort_dir: "asc" })).toBe(
        "name=img-01&status=active&limit=1001&sort_key=name&sort_dir=asc",
      );
    });

    it("unknown keys, typos included, are custom-property filters as Glance defines them (documented)", () => {
      expect(plan({ staus: "active", foo: "None", reversed: "" }).filters).toEqual([
        ["staus", "active"],
        ["foo", "None"],
        ["reversed", ""],
      ]);
    });

    it.each([
      ["visibility", "everyone", "visibility: must be one of: public, private, shared, community, all"],
      ["member_status", "maybe", "member_status: must be one of: pending, accepted, rejected, all"],
      ["protected", "yes", "protected: must be true or false"],
      ["os_hidden", "1", "os_hidden: must be true or false"],
      [
        "status",
        "running",
        "status: must be one of queued, saving, active, killed, deleted, uploading, importing, pending_delete, deactivated, or in:<a comma-separated list of them>",
      ],
      [
        "status",
        "in:active,running",
        "status: must be one of queued, saving, active, killed, deleted, uploading, importing, pending_delete, deactivated, or in:<a comma-separated list of them>",
      ],
      ["size_min", "-1", "size_min: must be a non-negative integer (bytes)"],
      ["size_max", "1GB", "size_max: must be a non-negative integer (bytes)"],
      [
        "created_at",
        "yesterday",
        "created_at: must be [gt|gte|eq|neq|lt|lte:]<ISO 8601 date-time>, e.g. gte:2026-01-01T00:00:00Z",
      ],
      [
        "updated_at",
        "after:2026-01-01",
        "updated_at: must be [gt|gte|eq|neq|lt|lte:]<ISO 8601 date-time>, e.g. gte:2026-01-01T00:00:00Z",
      ],
      ["name", "", "name: must not be empty"],
      ["id", "in:", "id: an in: list needs at least one value"],
    ])("refuses %s=%j", (key, value, message) => {
      expect(issues({ [key]: value })).toEqual([message]);
    });

    it.each(["2026-01-01", "eq:2026-01-01T00:00", "neq:2026-01-01T00:00:00.123+02:00", "lte:2026-01-01T00:00:00Z"])(
      "accepts created_at=%s",
      (value) => {
        expect(plan({ created_at: value }).filters).toEqual([["created_at", value]]);
      },
    );

    it("refuses size_min above size_max", () => {
      expect(issues({ size_min: "10", size_max: "9" })).toEqual(["size_min: must not be greater than size_max"]);
    });
  });

  describe("a key given twice (Horizon silently kept the last)", () => {
    it.each(["name", "sort_key", "paginate", "marker", "limit", "is_public", "os_distro"])("%s is refused", (key) => {
      expect(issues({ [key]: ["a", "b"] })).toEqual([`${key}: ${REPEATED_MESSAGE}`]);
    });
  });

  it("names every problem at once, cross-field ones included", () => {
    expect(
      issues({
        sort_key: "namespace",
        sort_dir: "sideways",
        sort: "name",
        is_public: "true",
        visibility: "public",
        name: ["a", "b"],
      }),
    ).toEqual([
      "sort_key: must be one of: name, status, container_format, disk_format, size, id, created_at, updated_at",
      "sort_dir: must be one of: asc, desc",
      `name: ${REPEATED_MESSAGE}`,
      "sort: Glance's sort=key:dir syntax cannot be combined with sort_key/sort_dir, which are always sent; use sort_key and sort_dir",
      "is_public: conflicts with visibility; give one of them",
    ]);
  });
});

describe("glanceListQuery", () => {
  it("asks for the given count from the given marker, filters first", () => {
    const planned = plan({ tag: ["a", "b"], paginate: "true", marker: "m1" });
    expect(glanceListQuery(planned, 7, "m2")).toEqual([
      ["tag", "a"],
      ["tag", "b"],
      ["limit", "7"],
      ["sort_key", "created_at"],
      ["sort_dir", "desc"],
      ["marker", "m2"],
    ]);
    expect(glanceListQuery(planned, 7, undefined).map(([key]) => key)).not.toContain("marker");
  });
});

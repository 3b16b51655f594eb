import { describe, expect, it } from "vitest";
import { toImageListPage } from "../../src/glance/transform/images-list";
import { ImageListSchema } from "../../src/routes/images/images.schemas";

const image = (n: number) => ({
  id: `img-${String(n).padStart(2, "0")}`,
  name: `image ${n}`,
  status: "active",
  visibility: "public",
  tags: ["t"],
  virtual_size: 10,
  file: `/v2/images/img-${n}/file`,
  self: `/v2/images/img-${n}`,
  os_distro: "cirros",
});
const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

describe("toImageListPage", () => {
  it("builds list-variant items (no file/self/tags inside properties)", () => {
    const page = ImageListSchema.parse(
      toImageListPage([image(1)], { pageSize: 20, markerGiven: false, reversed: false }),
    );
    expect(page.items[0].properties).toEqual({ os_distro: "cirros" });
    expect(page.items[0].tags).toEqual(["t"]);
    expect(page.items[0].is_public).toBe(true);
  });

  describe("forward: Horizon's flags", () => {
    it("more than a page, no marker", () => {
      const page = toImageListPage([image(1), image(2), image(3)], {
        pageSize: 2,
        markerGiven: false,
        reversed: false,
      });
      expect({ ids: ids(page), more: page.has_more_data, prev: page.has_prev_data }).toEqual({
        ids: ["img-01", "img-02"],
        more: true,
        prev: false,
      });
    });
    it("exactly a page", () => {
      const page = toImageListPage([image(1), image(2)], { pageSize: 2, markerGiven: false, reversed: false });
      expect({ ids: ids(page), more: page.has_more_data, prev: page.has_prev_data }).toEqual({
        ids: ["img-01", "img-02"],
        more: false,
        prev: false,
      });
    });
    it("with a marker, more than a page", () => {
      const page = toImageListPage([image(3), image(4), image(5)], { pageSize: 2, markerGiven: true, reversed: false });
      expect({ ids: ids(page), more: page.has_more_data, prev: page.has_prev_data }).toEqual({
        ids: ["img-03", "img-04"],
        more: true,
        prev: true,
      });
    });
    it("with a marker, the last page", () => {
      const page = toImageListPage([image(9)], { pageSize: 2, markerGiven: true, reversed: false });
      expect({ more: page.has_more_data, prev: page.has_prev_data }).toEqual({ more: false, prev: true });
    });
  });

  describe("reversed: the page before the marker, in the caller's order", () => {
    it("an earlier page exists when Glance gave the extra image; the marker proves a later one", () => {
      // caller order desc; Glance was asked asc from the marker img-03 and gave 04, 05, 06
      const page = toImageListPage([image(4), image(5), image(6)], { pageSize: 2, markerGiven: true, reversed: true });
      expect({ ids: ids(page), more: page.has_more_data, prev: page.has_prev_data }).toEqual({
        ids: ["img-05", "img-04"],
        more: true,
        prev: true,
      });
    });
    it("reaching the start: no earlier page", () => {
      const page = toImageListPage([image(7)], { pageSize: 2, markerGiven: true, reversed: true });
      expect({ ids: ids(page), more: page.has_more_data, prev: page.has_prev_data }).toEqual({
        ids: ["img-07"],
        more: true,
        prev: false,
      });
    });
    it("without a marker: the last page of the list", () => {
      const page = toImageListPage([image(1), image(2), image(3)], { pageSize: 2, markerGiven: false, reversed: true });
      expect({ ids: ids(page), more: page.has_more_data, prev: page.has_prev_data }).toEqual({
        ids: ["img-02", "img-01"],
        more: false,
        prev: true,
      });
    });
  });
});

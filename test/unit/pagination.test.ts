import { describe, expect, it } from "vitest";
import { cutPage, QueryBoolean } from "../../src/lib/pagination";

describe("QueryBoolean", () => {
  it.each([
    ["true", true],
    ["TRUE", true],
    ["1", true],
    ["false", false],
    ["False", false],
    ["0", false],
  ])("parses %s as %s", (text, expected) => {
    expect(QueryBoolean.parse(text)).toBe(expected);
  });

  it.each(["yes", "", "2", "none"])("refuses %j", (text) => {
    expect(QueryBoolean.safeParse(text).success).toBe(false);
  });
});

describe("cutPage (Horizon's has_more_data / has_prev_data)", () => {
  const ten = Array.from({ length: 10 }, (_, i) => i + 1);
  it("more than a page, no marker: first page, more, no prev", () => {
    expect(cutPage(ten.slice(0, 3), 2, false)).toEqual({ items: [1, 2], has_more_data: true, has_prev_data: false });
  });
  it("fewer than a page: everything, no flags", () => {
    expect(cutPage(ten, 20, false)).toEqual({ items: ten, has_more_data: false, has_prev_data: false });
  });
  it("exactly a page: no more", () => {
    expect(cutPage(ten, 10, false)).toEqual({ items: ten, has_more_data: false, has_prev_data: false });
  });
  it("with a marker: prev is true", () => {
    expect(cutPage([3, 4, 5], 2, true)).toEqual({ items: [3, 4], has_more_data: true, has_prev_data: true });
    expect(cutPage([9, 10], 2, true)).toEqual({ items: [9, 10], has_more_data: false, has_prev_data: true });
  });
});

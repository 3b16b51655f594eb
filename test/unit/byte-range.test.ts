import { describe, expect, it } from "vitest";
import { contentRange, parseRange } from "../../src/resumable/byte-range";

describe("parseRange", () => {
  it.each([
    ["bytes=0-99", { kind: "partial", start: 0, end: 99 }],
    ["bytes=100-", { kind: "partial", start: 100, end: 999 }],
    ["bytes=-100", { kind: "partial", start: 900, end: 999 }],
    ["bytes=-5000", { kind: "partial", start: 0, end: 999 }],
    ["bytes=900-5000", { kind: "partial", start: 900, end: 999 }],
    ["bytes=999-999", { kind: "partial", start: 999, end: 999 }],
    [" bytes = 1 - 2 ", { kind: "partial", start: 1, end: 2 }],
  ])("%s of 1000 bytes", (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });

  it.each(["bytes=1000-", "bytes=1000-2000", "bytes=-0"])("%s of 1000 bytes is unsatisfiable", (header) => {
    expect(parseRange(header, 1000)).toEqual({ kind: "unsatisfiable" });
  });

  it.each([undefined, "", "bytes=", "bytes=-", "bytes=5-1", "bytes=0-1,5-6", "items=0-1", "bytes=a-b", "bytes=0x1-2"])(
    "%s is ignored: the whole body",
    (header) => {
      expect(parseRange(header, 1000)).toEqual({ kind: "whole" });
    },
  );

  it("finds nothing to serve in an empty body", () => {
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-1", 0)).toEqual({ kind: "unsatisfiable" });
  });
});

describe("contentRange", () => {
  it("writes a 206's and a 416's Content-Range", () => {
    expect(contentRange(1000, { start: 0, end: 99 })).toBe("bytes 0-99/1000");
    expect(contentRange(1000)).toBe("bytes */1000");
  });
});

/** A `Range` request header against a representation of `size` bytes (RFC 9110 §14), one range only. */
export type RangeRequest =
  /** No Range, or one this API ignores as RFC 9110 allows (several ranges, another unit, bad syntax): the whole body. */
  | { kind: "whole" }
  /** One satisfiable range: `start` to `end`, both included. */
  | { kind: "partial"; start: number; end: number }
  /** A well-formed range that lies outside the representation: 416. */
  | { kind: "unsatisfiable" };

const SINGLE_RANGE = /^bytes=(\d{0,16})-(\d{0,16})$/;

export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: "whole" };
  const match = SINGLE_RANGE.exec(header.replace(/[ \t]/g, ""));
  if (!match || (match[1] === "" && match[2] === "")) return { kind: "whole" };
  const [first, last] = [match[1], match[2]];
  if (first === "") {
    // bytes=-N: the last N bytes
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return { kind: "whole" }; // invalid syntax: ignored
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: last === "" ? size - 1 : Math.min(Number(last), size - 1) };
}

/** `Content-Range` of a 206 (`bytes 0-99/1000`) or of a 416 (`bytes *\/1000`). */
export function contentRange(size: number, range?: { start: number; end: number }): string {
  return range ? `bytes ${range.start}-${range.end}/${size}` : `bytes */${size}`;
}

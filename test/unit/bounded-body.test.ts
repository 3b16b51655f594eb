import { describe, expect, it } from "vitest";
import { declaredLength, readTextWithin } from "../../src/lib/bounded-body";

const streamOf = (...chunks: string[]) => {
  const encoder = new TextEncoder();
  let cancelled = false;
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index === chunks.length) return controller.close();
      controller.enqueue(encoder.encode(chunks[index++]));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled, pulled: () => index };
};

describe("readTextWithin", () => {
  it("reads a body up to exactly the limit, multi-byte characters split across chunks included", async () => {
    const euro = new TextEncoder().encode("€");
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(euro.slice(0, 1));
        controller.enqueue(euro.slice(1));
        controller.close();
      },
    });
    expect(await readTextWithin(chunked, 3)).toEqual({ ok: true, text: "€" });
    expect(await readTextWithin(streamOf("ab", "cd").stream, 4)).toEqual({ ok: true, text: "abcd" });
    expect(await readTextWithin(null, 0)).toEqual({ ok: true, text: "" });
  });

  it("stops and cancels the stream as soon as the count passes the limit", async () => {
    const body = streamOf("abc", "def", "ghi", "jkl");
    expect(await readTextWithin(body.stream, 5)).toEqual({ ok: false, bytesRead: 6 });
    expect(body.cancelled()).toBe(true);
    expect(body.pulled()).toBeLessThan(4);
  });
});

describe("declaredLength", () => {
  it("is a plain decimal Content-Length or nothing", () => {
    expect(declaredLength(new Headers({ "content-length": "42" }))).toBe(42);
    expect(declaredLength(new Headers({ "content-length": "-1" }))).toBeUndefined();
    expect(declaredLength(new Headers({ "content-length": "1e9" }))).toBeUndefined();
    expect(declaredLength(new Headers())).toBeUndefined();
  });
});

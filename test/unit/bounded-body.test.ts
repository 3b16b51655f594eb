import { describe, expect, it } from "vitest";
import { declaredLength, readBodyTextWithin, readTextWithin } from "../../src/streams/bounded-body";

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

describe("readBodyTextWithin", () => {
  const encoded = new TextEncoder().encode('{"name":"€uro"}');

  it("reads a body whose Content-Length is within the limit whole, as the counted read does", async () => {
    const declared = new Response(encoded, { headers: { "content-length": String(encoded.byteLength) } });
    expect(await readBodyTextWithin(declared, encoded.byteLength)).toEqual({ ok: true, text: '{"name":"€uro"}' });
    const request = new Request("http://x/", {
      method: "POST",
      body: encoded,
      headers: { "content-length": String(encoded.byteLength) },
    });
    expect(await readBodyTextWithin(request, 1024, "release")).toEqual({ ok: true, text: '{"name":"€uro"}' });
  });

  it("counts a body without a length, or with a Content-Encoding, and stops it at the limit", async () => {
    const undeclared = streamOf("abc", "def", "ghi");
    expect(await readBodyTextWithin(new Response(undeclared.stream), 4)).toEqual({ ok: false, bytesRead: 6 });
    expect(undeclared.cancelled()).toBe(true);
    // A declared length counts bytes on the wire; a decoded body may be far larger, so it is counted.
    const encodedBody = streamOf("abc", "def");
    const gzipped = new Response(encodedBody.stream, {
      headers: { "content-length": "3", "content-encoding": "gzip" },
    });
    expect(await readBodyTextWithin(gzipped, 4)).toEqual({ ok: false, bytesRead: 6 });
  });
});

import { describe, expect, it } from "vitest";
import { largeChunks } from "../../src/lib/large-chunks";

const SMALL = 4096;

function source(count: number) {
  const state = { produced: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.produced === count) return controller.close();
        controller.enqueue(new Uint8Array(SMALL).fill(state.produced % 256));
        state.produced++;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

/** A native byte stream (what workerd gives for a request or response body) fed 4 KiB writes. */
function nativeSource(count: number) {
  const { readable, writable } = new IdentityTransformStream();
  const writer = writable.getWriter();
  void (async () => {
    for (let i = 0; i < count; i++) await writer.write(new Uint8Array(SMALL).fill(i % 256));
    await writer.close();
  })();
  return readable;
}

async function drain(stream: ReadableStream<Uint8Array>) {
  const sizes: number[] = [];
  const parts: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    sizes.push(chunk.byteLength);
    parts.push(chunk.slice());
  }
  return { sizes, bytes: new Uint8Array(await new Blob(parts).arrayBuffer()) };
}

function expected(count: number) {
  const bytes = new Uint8Array(count * SMALL);
  for (let i = 0; i < count; i++) bytes.fill(i % 256, i * SMALL, (i + 1) * SMALL);
  return bytes;
}

describe("largeChunks", () => {
  it("gathers a byte stream's small reads into chunks of at least 64 KiB, every byte in order, each shown once", async () => {
    const stream = nativeSource(100);
    const seen: number[] = [];
    let ended = 0;
    const { sizes, bytes } = await drain(largeChunks(stream, (chunk) => void seen.push(chunk.byteLength), () => void ended++));
    expect(bytes).toEqual(expected(100));
    expect(sizes.slice(0, -1).every((size) => size >= 64 * 1024 && size <= 256 * 1024)).toBe(true);
    expect(seen).toEqual(sizes);
    expect(ended).toBe(1);
  });

  it("passes a plain stream's chunks on as they are, pulling only when read", async () => {
    const { stream, state } = source(10);
    const chunks = largeChunks(stream, () => {});
    const reader = chunks.getReader();
    await reader.read();
    expect(state.produced).toBeLessThanOrEqual(2);
    reader.releaseLock();
    const { bytes } = await drain(chunks);
    expect(bytes.byteLength).toBe(9 * SMALL);
  });

  it("cancels its source when cancelled", async () => {
    let cancelled: unknown;
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => c.enqueue(new Uint8Array(8)), cancel: (reason) => void (cancelled = reason) });
    await largeChunks(stream, () => {}).cancel("client went away");
    expect(cancelled).toBe("client went away");
  });
});

import { describe, expect, it } from "vitest";
import { pumpLargeChunks } from "../../src/streams/large-chunks";

const SMALL = 4096;

function plainSource(count: number) {
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

/** A native byte stream (what workerd gives for a request body) fed 4 KiB writes. */
function nativeSource(count: number) {
  const { readable, writable } = new IdentityTransformStream();
  const writer = writable.getWriter();
  void (async () => {
    for (let i = 0; i < count; i++) await writer.write(new Uint8Array(SMALL).fill(i % 256));
    await writer.close();
  })();
  return readable;
}

function expected(count: number) {
  const bytes = new Uint8Array(count * SMALL);
  for (let i = 0; i < count; i++) bytes.fill(i % 256, i * SMALL, (i + 1) * SMALL);
  return bytes;
}

const recorder = () => {
  const seen = { sizes: [] as number[], ended: 0 };
  return {
    seen,
    tap: { chunk: (chunk: Uint8Array) => void seen.sizes.push(chunk.byteLength), end: () => void seen.ended++ },
  };
};

describe("pumpLargeChunks", () => {
  it("gathers a byte stream's 4 KiB reads into chunks of 64 to 256 KiB, every byte in order, each shown once", async () => {
    const { seen, tap } = recorder();
    const out = pumpLargeChunks(nativeSource(100), 100 * SMALL, tap);
    expect(new Uint8Array(await new Response(out).arrayBuffer())).toEqual(expected(100));
    expect(seen.sizes.reduce((a, b) => a + b, 0)).toBe(100 * SMALL);
    expect(seen.sizes.slice(0, -1).every((size) => size >= 64 * 1024 && size <= 256 * 1024)).toBe(true);
    expect(seen.ended).toBe(1);
  });

  it("gathers another stream's small chunks into 64 KiB ones, reading the source only as the consumer reads", async () => {
    const { stream, state } = plainSource(50);
    const { seen, tap } = recorder();
    const reader = pumpLargeChunks(stream, undefined, tap).getReader();
    let read = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      // One gathered chunk in flight and the next being gathered, never more.
      expect(state.produced * SMALL - read).toBeLessThanOrEqual(2 * 64 * 1024);
    }
    expect(read).toBe(50 * SMALL);
    expect(seen.sizes).toEqual([64 * 1024, 64 * 1024, 64 * 1024, 50 * SMALL - 3 * 64 * 1024]);
  });

  it("errors its output when the source fails (a client that hangs up), and cancels the source when the output is cancelled", async () => {
    const failing = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error("client went away")) });
    await expect(new Response(pumpLargeChunks(failing, 10, recorder().tap)).arrayBuffer()).rejects.toThrow();
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull: (c) => c.enqueue(new Uint8Array(8)),
      cancel: () => void (cancelled = true),
    });
    await pumpLargeChunks(endless, undefined, recorder().tap).cancel("Glance answered early");
    await expect.poll(() => cancelled).toBe(true);
  });

  it("refuses a body longer than its Content-Length", async () => {
    const { stream } = plainSource(3);
    await expect(new Response(pumpLargeChunks(stream, 2 * SMALL, recorder().tap)).arrayBuffer()).rejects.toThrow();
  });
});

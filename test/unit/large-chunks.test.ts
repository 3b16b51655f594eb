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
    // Buffer.equals, not toEqual: toEqual walks a 400 KiB typed array element by element (seconds on a loaded machine).
    expect(Buffer.from(await new Response(out).arrayBuffer()).equals(Buffer.from(expected(100)))).toBe(true);
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

  it("calls end before the output is complete, so an end that throws means the consumer never sees a whole body", async () => {
    for (const contentLength of [100 * SMALL, undefined]) {
      const received: number[] = [];
      let endedAfter = -1;
      const out = pumpLargeChunks(nativeSource(100), contentLength, {
        chunk: () => undefined,
        end: () => {
          endedAfter = received.reduce((a, b) => a + b, 0);
          throw new Error("the digest does not match");
        },
      });
      const reader = out.getReader();
      const outcome = await (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return "complete";
          received.push(value.byteLength);
        }
      })().catch((error: unknown) => error);
      expect(outcome).toBeInstanceOf(Error);
      const total = received.reduce((a, b) => a + b, 0);
      expect(total).toBe(endedAfter);
      if (contentLength !== undefined) {
        // With a length, the held-back chunk is the last one: the consumer never has every byte.
        expect(total).toBeLessThan(contentLength);
        expect(total).toBeGreaterThanOrEqual(contentLength - 256 * 1024);
      } else {
        // Chunked, every byte may have gone, but the stream errors instead of ending.
        expect(total).toBe(100 * SMALL);
      }
    }
  });

  it("after the tap refuses, reads on and drops up to 16 MiB of the source, then calls onFailure and cancels it", async () => {
    let produced = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>(
      {
        pull: (controller) => {
          produced++;
          controller.enqueue(new Uint8Array(64 * 1024));
        },
        cancel: () => void (cancelled = true),
      },
      { highWaterMark: 0 },
    );
    let producedWhenRefused = -1;
    const out = pumpLargeChunks(
      endless,
      undefined,
      {
        chunk: () => {
          throw new Error("refused");
        },
        end: () => undefined,
      },
      () => void (producedWhenRefused = produced),
    );
    await expect(new Response(out).arrayBuffer()).rejects.toThrow();
    await expect.poll(() => cancelled).toBe(true);
    expect(producedWhenRefused * 64 * 1024).toBeGreaterThanOrEqual(16 * 1024 * 1024);
    expect(produced * 64 * 1024).toBeLessThanOrEqual(16 * 1024 * 1024 + 3 * 64 * 1024);
  });

  it("reports a source that fails to onFailure, but not a consumer that went away (Glance answering early)", async () => {
    const failures: unknown[] = [];
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>(
      { pull: (controller) => controller.enqueue(new Uint8Array(64 * 1024)), cancel: () => void (cancelled = true) },
      { highWaterMark: 0 },
    );
    const reader = pumpLargeChunks(
      endless,
      undefined,
      recorder().tap,
      (error) => void failures.push(error),
    ).getReader();
    await reader.read();
    await reader.cancel("Glance answered early");
    await expect.poll(() => cancelled).toBe(true);
    expect(failures).toEqual([]);

    const hangsUp = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.error(new Error("client went away")),
    });
    const out = pumpLargeChunks(hangsUp, undefined, recorder().tap, (error) => void failures.push(error));
    await expect(new Response(out).arrayBuffer()).rejects.toThrow();
    await expect.poll(() => failures.length).toBe(1);
    expect(String(failures[0])).toContain("client went away");
  });

  it("refuses a body longer than its Content-Length", async () => {
    const { stream } = plainSource(3);
    await expect(new Response(pumpLargeChunks(stream, 2 * SMALL, recorder().tap)).arrayBuffer()).rejects.toThrow();
  });
});

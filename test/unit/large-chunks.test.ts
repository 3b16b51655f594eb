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

  describe("a chunk handed on is never changed afterwards (the bytes Glance keeps)", () => {
    function randomBytes(length: number) {
      const bytes = new Uint8Array(length);
      for (let offset = 0; offset < length; offset += 65536)
        crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
      return bytes;
    }

    /** `bytes` written to a native byte stream (a request body in workerd) in pieces of 1 B to 20 KiB. */
    function nativeSourceOf(bytes: Uint8Array) {
      const { readable, writable } = new IdentityTransformStream();
      const writer = writable.getWriter();
      void (async () => {
        for (let offset = 0; offset < bytes.byteLength;) {
          const size = 1 + (crypto.getRandomValues(new Uint32Array(1))[0] % (20 * 1024));
          await writer.write(bytes.slice(offset, offset + size));
          offset += size;
        }
        await writer.close();
      })();
      return readable;
    }

    /** `bytes` as a plain stream (the legacy form's file part) in pieces of 1 B to 20 KiB. */
    function plainSourceOf(bytes: Uint8Array) {
      let offset = 0;
      return new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (offset >= bytes.byteLength) return controller.close();
            const size = 1 + (crypto.getRandomValues(new Uint32Array(1))[0] % (20 * 1024));
            controller.enqueue(bytes.slice(offset, offset + size));
            offset += size;
          },
        },
        { highWaterMark: 0 },
      );
    }

    /** Reads every chunk of `out` and keeps it as it came; compares them with `bytes` only once the stream has ended. */
    async function keptChunksMatch(out: ReadableStream<Uint8Array>, bytes: Uint8Array) {
      const kept: { chunk: Uint8Array; copy: Uint8Array }[] = [];
      const reader = out.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        kept.push({ chunk: value, copy: value.slice() });
        // Give the pump its turn to read into whatever buffer it reads into next.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      const changed = kept.filter(({ chunk, copy }) => !Buffer.from(chunk).equals(Buffer.from(copy))).length;
      const whole = Buffer.concat(kept.map(({ chunk }) => chunk));
      return { changed, chunks: kept.length, equal: whole.equals(Buffer.from(bytes)) };
    }

    it.each([
      ["a native byte stream, with its length", (bytes: Uint8Array) => nativeSourceOf(bytes), true],
      ["a native byte stream, chunked", (bytes: Uint8Array) => nativeSourceOf(bytes), false],
      ["a plain stream (gathered), chunked", (bytes: Uint8Array) => plainSourceOf(bytes), false],
    ])(
      "%s: every chunk the consumer kept still holds its bytes once the whole body has passed",
      async (_, source, withLength) => {
        for (const size of [256 * 1024 - 1, 1024 * 1024 + 17, 3 * 1024 * 1024 + 5]) {
          const bytes = randomBytes(size);
          const out = pumpLargeChunks(source(bytes), withLength ? size : undefined, recorder().tap);
          const { changed, chunks, equal } = await keptChunksMatch(out, bytes);
          expect(chunks).toBeGreaterThan(1);
          expect(changed).toBe(0);
          expect(equal).toBe(true);
        }
      },
    );

    it("the tap sees exactly the bytes the consumer gets, chunk for chunk", async () => {
      const bytes = randomBytes(2 * 1024 * 1024 + 3);
      const tapped: Uint8Array[] = [];
      const out = pumpLargeChunks(nativeSourceOf(bytes), bytes.byteLength, {
        chunk: (chunk) => void tapped.push(chunk.slice()),
        end: () => undefined,
      });
      const { equal } = await keptChunksMatch(out, bytes);
      expect(equal).toBe(true);
      expect(Buffer.concat(tapped).equals(Buffer.from(bytes))).toBe(true);
    });
  });
});

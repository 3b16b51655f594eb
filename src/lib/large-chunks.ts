/** Smallest chunk handed on (unless the stream ends first): workerd delivers ~4 KiB reads, and each chunk costs a JS pass. */
const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 256 * 1024;

type ChunkReader =
  | { byob: true; reader: ReadableStreamBYOBReader }
  | { byob: false; reader: ReadableStreamDefaultReader<Uint8Array> };

function readerOf(body: ReadableStream<Uint8Array>): ChunkReader {
  try {
    return { byob: true, reader: body.getReader({ mode: "byob" }) };
  } catch {
    // not a byte stream (a body a test built in JS): its chunks come as they are
    return { byob: false, reader: body.getReader() };
  }
}

/**
 * The same bytes in chunks of 64 to 256 KiB, each shown to `onChunk` on its way: per-chunk work in
 * JS (a digest, an idle timer) costs per chunk, and the network gives many small ones. Pull-based with
 * no queue of its own, so at most one chunk is held; `onEnd` runs once the source is exhausted.
 */
export function largeChunks(
  body: ReadableStream<Uint8Array>,
  onChunk: (chunk: Uint8Array) => void | Promise<void>,
  onEnd: () => void | Promise<void> = () => {},
): ReadableStream<Uint8Array> {
  const source = readerOf(body);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = source.byob
          ? await source.reader.readAtLeast(MIN_CHUNK, new Uint8Array(MAX_CHUNK))
          : await source.reader.read();
        if (value && value.byteLength > 0) {
          await onChunk(value);
          controller.enqueue(value);
        }
        if (done) {
          await onEnd();
          controller.close();
        }
      },
      cancel(reason) {
        return source.reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

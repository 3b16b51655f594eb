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

export interface ChunkObserver {
  chunk(chunk: Uint8Array): void | Promise<void>;
  end(): void | Promise<void>;
}

/**
 * The same bytes as a native stream, fixed-length when `contentLength` is given (so fetch sends
 * Content-Length, never chunked input), read in chunks of 64 to 256 KiB that `observer` sees on
 * their way. One JS pass per chunk, and one chunk in flight: the next read waits until the
 * consumer has taken the last one. A failure on either side aborts the other.
 */
export function pumpLargeChunks(
  body: ReadableStream<Uint8Array>,
  contentLength: number | undefined,
  observer: ChunkObserver,
): ReadableStream<Uint8Array> {
  const { readable, writable } =
    contentLength === undefined ? new IdentityTransformStream() : new FixedLengthStream(contentLength);
  const writer = writable.getWriter();
  const source = readerOf(body);
  const pump = async () => {
    for (;;) {
      const { done, value } = source.byob
        ? await source.reader.readAtLeast(MIN_CHUNK, new Uint8Array(MAX_CHUNK))
        : await source.reader.read();
      if (value && value.byteLength > 0) {
        await observer.chunk(value);
        await writer.write(value);
      }
      if (done) break;
    }
    await observer.end();
    await writer.close();
  };
  pump().catch(async (error: unknown) => {
    await Promise.allSettled([writer.abort(error), source.reader.cancel(error)]);
  });
  return readable;
}

/** Smallest chunk handed on (unless the stream ends first): workerd delivers ~4 KiB reads, and each chunk costs a JS pass. */
const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 256 * 1024;
/**
 * What is read and dropped of the source after the observer refused the data, before the source is
 * cancelled: a client still sending then gets the refusal (many read no answer before their body
 * is sent, and wrangler dev's proxy wedges the connection of a request whose body is left unread).
 */
const DISCARD_AFTER_REFUSAL = 16 * 1024 * 1024;

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
  /**
   * Called once every chunk has been shown, and before the last byte is handed on (the last chunk
   * with a `contentLength`, the end of a chunked stream): throwing here aborts the output before it
   * is complete, so its consumer never receives the whole body.
   */
  end(): void | Promise<void>;
}

/**
 * The same bytes as a native stream, fixed-length when `contentLength` is given (so fetch sends
 * Content-Length, never chunked input), read in chunks of 64 to 256 KiB that `observer` sees on
 * their way. One JS pass per chunk, and one chunk in flight: the next read waits until the
 * consumer has taken the last one. A failure on either side aborts the other, and so does the
 * observer throwing, in `end` before the last chunk is written; the source is then read on and
 * dropped up to DISCARD_AFTER_REFUSAL before the output is aborted.
 */
export function pumpLargeChunks(
  body: ReadableStream<Uint8Array>,
  contentLength: number | undefined,
  observer: ChunkObserver,
  /** Called with the observer's error once the rest of the source is dropped, before the output is aborted. */
  onRefused?: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const { readable, writable } =
    contentLength === undefined ? new IdentityTransformStream() : new FixedLengthStream(contentLength);
  const writer = writable.getWriter();
  const source = readerOf(body);
  let refused = false;
  const observed = async (step: () => void | Promise<void>) => {
    try {
      await step();
    } catch (error) {
      refused = true;
      throw error;
    }
  };
  const pump = async () => {
    let passed = 0;
    let ended = false;
    for (;;) {
      const { done, value } = source.byob
        ? await source.reader.readAtLeast(MIN_CHUNK, new Uint8Array(MAX_CHUNK))
        : await source.reader.read();
      if (value && value.byteLength > 0) {
        if (ended) throw new RangeError(`the body is longer than its Content-Length (${contentLength})`);
        passed += value.byteLength;
        await observed(() => observer.chunk(value));
        if (done || (contentLength !== undefined && passed >= contentLength)) {
          await observed(() => observer.end());
          ended = true;
        }
        await writer.write(value);
      }
      if (done) break;
    }
    if (!ended) await observed(() => observer.end());
    await writer.close();
  };
  pump().catch(async (error: unknown) => {
    if (refused) {
      await discard(source, DISCARD_AFTER_REFUSAL);
      onRefused?.(error);
    }
    await Promise.allSettled([writer.abort(error), source.reader.cancel(error)]);
  });
  return readable;
}

/** Reads and drops up to `limit` bytes of what is left of the source; a source that fails changes nothing. */
async function discard(source: ChunkReader, limit: number) {
  try {
    for (let dropped = 0; dropped < limit;) {
      const { done, value } = source.byob
        ? await source.reader.read(new Uint8Array(MAX_CHUNK))
        : await source.reader.read();
      if (done) return;
      dropped += value?.byteLength ?? 0;
    }
  } catch {
    // the refusal stands whatever the rest of the body does
  }
}

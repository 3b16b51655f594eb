/** Smallest chunk handed on (unless the stream ends first): workerd delivers ~4 KiB reads, and each chunk costs a JS pass. */
const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 256 * 1024;

/** Sees every chunk of a body on its way (a digest, a format check), then its end. */
export interface ChunkTap {
  chunk(chunk: Uint8Array): void | Promise<void>;
  end(): void | Promise<void>;
  /** The pump is about to wait for the source's next chunk (what a stall is then waiting on). */
  reading?(): void;
}

export interface LargeChunkReader {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
}

function concatenated(chunks: Uint8Array[], bytes: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const joined = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

/**
 * Reads `body` in chunks of 64 to 256 KiB where it is a byte stream (a request body in workerd,
 * whose default reads are ~4 KiB): one `readAtLeast` into a 256 KiB buffer. Any other stream's
 * chunks come as they are; `gathered` joins them.
 */
export function largeChunkReader(body: ReadableStream<Uint8Array>): LargeChunkReader & { byteStream: boolean } {
  try {
    const reader = body.getReader({ mode: "byob" });
    return {
      byteStream: true,
      read: () => reader.readAtLeast(MIN_CHUNK, new Uint8Array(MAX_CHUNK)),
      cancel: (reason) => reader.cancel(reason),
    };
  } catch {
    const reader = body.getReader();
    return { byteStream: false, read: () => reader.read(), cancel: (reason) => reader.cancel(reason) };
  }
}

/**
 * The reader's chunks joined until they reach 64 KiB (but the last), for a stream that is not a
 * byte stream: the legacy form's file part arrives in the parser's pieces. Nothing is read ahead
 * of the chunk being gathered.
 */
function gathered(source: LargeChunkReader): LargeChunkReader {
  let ended = false;
  return {
    async read() {
      const pending: Uint8Array[] = [];
      let bytes = 0;
      while (!ended && bytes < MIN_CHUNK) {
        const { done, value } = await source.read();
        if (done) ended = true;
        else if (value.byteLength > 0) {
          pending.push(value);
          bytes += value.byteLength;
        }
      }
      return bytes > 0 ? { done: false, value: concatenated(pending, bytes) } : { done: true, value: undefined };
    },
    cancel: (reason) => source.cancel(reason),
  };
}

/**
 * The same bytes as a native stream, fixed-length when `contentLength` is given (so fetch sends
 * Content-Length, never chunked input), read in chunks of at least 64 KiB (a byte stream's at most
 * 256 KiB) that `tap` sees on their way. One JS pass per chunk, and one chunk in flight: the next read waits until the
 * consumer has taken the last one. A failure on either side aborts the other.
 */
export function pumpLargeChunks(
  body: ReadableStream<Uint8Array>,
  contentLength: number | undefined,
  tap: ChunkTap,
): ReadableStream<Uint8Array> {
  const { readable, writable } =
    contentLength === undefined ? new IdentityTransformStream() : new FixedLengthStream(contentLength);
  const writer = writable.getWriter();
  const reader = largeChunkReader(body);
  const source = reader.byteStream ? reader : gathered(reader);
  const pump = async () => {
    for (;;) {
      tap.reading?.();
      const { done, value } = await source.read();
      if (value && value.byteLength > 0) {
        await tap.chunk(value);
        await writer.write(value);
      }
      if (done) break;
    }
    await tap.end();
    await writer.close();
  };
  pump().catch(async (error: unknown) => {
    await Promise.allSettled([writer.abort(error), source.cancel(error)]);
  });
  return readable;
}

/** Smallest chunk handed on (unless the stream ends first): workerd delivers ~4 KiB reads, and each chunk costs a JS pass. */
const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 256 * 1024;
/**
 * What is read and dropped of the source after the tap refused the data, before the source is
 * cancelled: a client still sending then gets the refusal (many read no answer before their body
 * is sent, and wrangler dev's proxy wedges the connection of a request whose body is left unread).
 */
const DISCARD_AFTER_REFUSAL = 16 * 1024 * 1024;

/** Sees every chunk of a body on its way (a digest, a format check), then its end. */
export interface ChunkTap {
  chunk(chunk: Uint8Array): void | Promise<void>;
  /**
   * Called once every chunk has been shown, and before the last byte is handed on (the last chunk
   * with a `contentLength`, the end of a chunked stream): throwing here aborts the output before it
   * is complete, so its consumer never receives the whole body.
   */
  end(): void | Promise<void>;
  /** The pump is about to wait for the source's next chunk (what a stall is then waiting on). */
  reading?(): void;
}

export interface LargeChunkReader {
  /** `spare`: the buffer of a chunk already handed on, read into again (a byte stream's reads only). */
  read(spare?: ArrayBuffer): Promise<ReadableStreamReadResult<Uint8Array>>;
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
      read: (spare) => reader.readAtLeast(MIN_CHUNK, new Uint8Array(spare ?? new ArrayBuffer(MAX_CHUNK))),
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
 * consumer has taken the last one. A failure on either side aborts the other, and so does the tap
 * throwing, in `end` before the last chunk is written; the source is then read on and dropped up
 * to DISCARD_AFTER_REFUSAL before the output is aborted. `onFailure` hears of a failure of the source
 * or the tap before the output is aborted: a fetch sending the output must then be aborted by its own
 * signal, because workerd ends a chunked request body cleanly when its stream is aborted (the receiver
 * would take the bytes so far as the whole body). A failure of the output's consumer is not reported
 * (a Glance that answered early keeps its answer).
 */
export function pumpLargeChunks(
  body: ReadableStream<Uint8Array>,
  contentLength: number | undefined,
  tap: ChunkTap,
  /** Called when the source or the tap fails (after the rest of the source is dropped when the tap refused), before the output is aborted. */
  onFailure?: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const { readable, writable } =
    contentLength === undefined ? new IdentityTransformStream() : new FixedLengthStream(contentLength);
  const writer = writable.getWriter();
  const reader = largeChunkReader(body);
  const source = reader.byteStream ? reader : gathered(reader);
  let refused = false;
  const tapped = async (step: () => void | Promise<void>) => {
    try {
      await step();
    } catch (error) {
      refused = true;
      throw error;
    }
  };
  let outputFailed = false;
  const written = async (step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      outputFailed = true;
      throw error;
    }
  };
  const pump = async () => {
    let passed = 0;
    let ended = false;
    let spare: ArrayBuffer | undefined;
    for (;;) {
      // Past the end the tap was told of, the last read only confirms it: not a wait on the client.
      if (!ended) tap.reading?.();
      const { done, value } = await source.read(spare);
      spare = undefined;
      if (value && value.byteLength > 0) {
        if (ended) throw new RangeError(`the body is longer than its Content-Length (${contentLength})`);
        passed += value.byteLength;
        await tapped(() => tap.chunk(value));
        if (done || (contentLength !== undefined && passed >= contentLength)) {
          await tapped(() => tap.end());
          ended = true;
        }
        await written(() => writer.write(value));
        // workerd's IdentityTransformStream and FixedLengthStream copy what is written, and the tap has
        // finished with the chunk: its buffer takes the next read (one 256 KiB buffer per upload instead of
        // one per chunk, which V8 collected only ~64 MiB later). test/unit/large-chunks.test.ts fails if a
        // chunk handed on changes afterwards.
        if (reader.byteStream) spare = value.buffer as ArrayBuffer;
      }
      if (done) break;
    }
    if (!ended) await tapped(() => tap.end());
    await written(() => writer.close());
  };
  pump().catch(async (error: unknown) => {
    if (refused) await discard(source, DISCARD_AFTER_REFUSAL);
    if (!outputFailed) onFailure?.(error);
    await Promise.allSettled([writer.abort(error), source.cancel(error)]);
  });
  return readable;
}

/** Reads and drops up to `limit` bytes of what is left of the source; a source that fails changes nothing. */
async function discard(source: LargeChunkReader, limit: number) {
  try {
    for (let dropped = 0; dropped < limit;) {
      const { done, value } = await source.read();
      if (done) return;
      dropped += value.byteLength;
    }
  } catch {
    // the refusal stands whatever the rest of the body does
  }
}

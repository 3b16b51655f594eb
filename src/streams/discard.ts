import { largeChunkReader } from "./large-chunks";

/** The most of a refused body that is read and dropped before the rest is let go. */
export const MAX_DRAINED_BYTES = 16 * 1024 * 1024;
/** How long a drain waits for the next chunk before it lets the body go. */
const DRAIN_IDLE_MS = 10_000;

/**
 * Reads and drops the rest of a stream (64-256 KiB reads of a byte stream, one chunk held at a
 * time), up to `maxBytes` or until nothing has come for {@link DRAIN_IDLE_MS}, then cancels it: an
 * answer that ends while the client is still sending its body makes workerd close the connection
 * with the rest unread, and the client sees a reset instead of the answer (bench/README.md, "Refused
 * bodies"). A stream already being read is left alone, and a broken one changes nothing.
 */
export async function discardUpTo(stream: ReadableStream<Uint8Array>, maxBytes = MAX_DRAINED_BYTES): Promise<void> {
  if (stream.locked) return;
  const reader = largeChunkReader(stream);
  const nextChunk = () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = new Promise<"idle">((resolve) => {
      timer = setTimeout(() => resolve("idle"), DRAIN_IDLE_MS);
    });
    return Promise.race([reader.read(), idle]).finally(() => clearTimeout(timer));
  };
  try {
    for (let discarded = 0; discarded <= maxBytes;) {
      const result = await nextChunk();
      if (result === "idle") break;
      if (result.done) return;
      discarded += result.value.byteLength;
    }
    void reader.cancel().catch(() => undefined);
  } catch {
    // a broken body changes nothing: the answer stands
  }
}

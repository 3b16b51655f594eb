const MIN_READ_BYTES = 64 * 1024;
const MAX_READ_BYTES = 256 * 1024;

export interface ChunkReader {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}

/**
 * Reads a body in chunks of 64 to 256 KiB where it is a byte stream (workerd hands a default reader
 * ~4 KiB at a time, and every chunk costs a pass through JavaScript); other streams as they come.
 */
export function chunkReader(body: ReadableStream<Uint8Array>): ChunkReader {
  let byob: ReadableStreamBYOBReader | undefined;
  try {
    byob = body.getReader({ mode: "byob" });
  } catch {
    return body.getReader();
  }
  const reader = byob;
  return {
    read: () => reader.readAtLeast(MIN_READ_BYTES, new Uint8Array(MAX_READ_BYTES)),
    cancel: (reason?: unknown) => reader.cancel(reason),
    releaseLock: () => reader.releaseLock(),
  };
}

/**
 * Reads and drops the rest of a stream, up to `maxBytes`, then cancels it: a refusal sent before
 * a body is read can otherwise wedge the client's connection (wrangler dev's proxy). A stream
 * already being read is left alone, and a broken one changes nothing.
 */
export async function discardUpTo(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<void> {
  if (stream.locked) return;
  const reader = stream.getReader();
  try {
    for (let discarded = 0; discarded <= maxBytes;) {
      const { done, value } = await reader.read();
      if (done) return;
      discarded += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // a broken body changes nothing: the refusal stands
  }
}

/**
 * The stream's bytes, or undefined when it ends without any: its first chunk is read to know, then
 * handed on first. Nothing else is read ahead.
 */
export async function unlessEmpty(stream: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array> | undefined> {
  const reader = stream.getReader();
  const first = await reader.read();
  if (first.done) return undefined;
  let pending: Uint8Array | undefined = first.value;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (pending) {
          controller.enqueue(pending);
          pending = undefined;
          return;
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

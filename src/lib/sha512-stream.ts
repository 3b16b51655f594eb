/**
 * A pass-through that computes the SHA-512 of every byte that flows through it, one chunk at a
 * time (workerd's DigestStream), so nothing is held; `digest` settles when the stream has ended.
 */
export function sha512Passthrough(body: ReadableStream<Uint8Array>) {
  const digestStream = new crypto.DigestStream("SHA-512");
  const writer = digestStream.getWriter();
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      async transform(chunk, controller) {
        await writer.write(chunk);
        controller.enqueue(chunk);
      },
      async flush() {
        await writer.close();
      },
    }),
  );
  return { stream, digest: digestStream.digest };
}

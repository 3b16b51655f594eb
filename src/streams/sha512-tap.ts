import type { ChunkTap } from "./large-chunks";

/**
 * A tap computing the SHA-512 of every chunk shown to it (workerd's DigestStream), one chunk at a
 * time, so nothing is held; `digest` settles once the tap has seen the end.
 */
export function sha512Tap(): { tap: ChunkTap; digest: Promise<ArrayBuffer> } {
  const digestStream = new crypto.DigestStream("SHA-512");
  const writer = digestStream.getWriter();
  return {
    tap: { chunk: (chunk) => writer.write(chunk), end: () => writer.close() },
    digest: digestStream.digest,
  };
}

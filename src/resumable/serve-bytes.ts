import { uploadChecksFor } from "../glance/image-upload";
import type { GlanceImage } from "../glance/schemas";
import { type ChunkTap, pumpLargeChunks } from "../streams/large-chunks";
import { handoffProblemOf } from "./handoff";
import { type ByteRange, readStored, type StoredSegment } from "./stored-bytes";
import type { ServedOutcome, WebDownloadServing } from "./web-download-handoff";

/** An upload's stored bytes as its Durable Object hands them to the signed byte route. */
export interface UploadBytes {
  imageId: string;
  length: number;
  /** Every byte has landed and none has been freed: the bytes can be served. */
  complete: boolean;
  /** Why there is nothing to serve: the hand-off is done, or the upload expired or was terminated. */
  freed?: "handed-off" | "expired" | "terminated";
  segments: StoredSegment[];
  /** Present while a web-download hand-off waits for Glance to pull the bytes. */
  serving?: WebDownloadServing;
}

/** A range of the stored bytes, read from R2 as the consumer pulls, with a fixed length (Content-Length). */
export function storedRange(bucket: R2Bucket, bytes: UploadBytes, range: ByteRange): ReadableStream<Uint8Array> {
  const { readable, writable } = new FixedLengthStream(range.end - range.start + 1);
  void readStored(bucket, bytes.segments, range)
    .pipeTo(writable)
    .catch(() => undefined);
  return readable;
}

/**
 * Every stored byte, for the web-download hand-off: read from R2 once, and in that pass their SHA-512
 * computed and their format inspected against the image's declared format (as on every upload path).
 * The outcome is reported before the last byte leaves, so Glance cannot finish its download (and make
 * the image active) before the Durable Object knows the digest; a refusal or an R2 failure is reported
 * and stops the body short, so Glance's download fails and it keeps nothing.
 */
export function servedForHandoff(
  bucket: R2Bucket,
  bytes: UploadBytes & { serving: WebDownloadServing },
  report: (outcome: ServedOutcome) => Promise<void>,
  waitUntil: (work: Promise<unknown>) => void,
): ReadableStream<Uint8Array> {
  const { serving } = bytes;
  const declared: GlanceImage = {
    id: bytes.imageId,
    disk_format: serving.disk_format,
    container_format: serving.container_format,
  };
  const checks = uploadChecksFor(
    serving.inspection.FORMAT_INSPECTION === "off" ? undefined : declared,
    [],
    serving.inspection,
  );
  const tap: ChunkTap = {
    chunk: (chunk) => checks.chunk(chunk),
    async end() {
      await checks.end();
      await report({ sha512: checks.sha512 });
    },
  };
  return pumpLargeChunks(readStored(bucket, bytes.segments), bytes.length, tap, (error) =>
    waitUntil(report({ problem: handoffProblemOf(error) })),
  );
}

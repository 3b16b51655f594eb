// An upload's bytes in R2: one object per accepted PATCH (a "segment") under the upload's own prefix,
// assembled on read. Not R2 multipart: its parts must all be the same size (5 MiB to 5 GiB) but the last,
// and a tus client's chunks are whatever it chose, a resumed one whatever got through before the break.

/** One accepted PATCH body: where it starts in the upload, its size, and its R2 object. */
export interface StoredSegment {
  offset: number;
  size: number;
  key: string;
}

/** A byte range of the assembled upload: `start` to `end`, both included. */
export interface ByteRange {
  start: number;
  end: number;
}

export const uploadPrefix = (uploadId: string) => `uploads/${uploadId}/`;

/** A segment's object key: by its offset, and the lease that wrote it (two writers never share a key). */
export const segmentKey = (uploadId: string, offset: number, leaseId: string) =>
  `${uploadPrefix(uploadId)}${String(offset).padStart(16, "0")}-${leaseId}`;

/** The total size of the segments (they are contiguous from 0). */
export const storedSize = (segments: StoredSegment[]) => segments.reduce((total, s) => total + s.size, 0);

/**
 * The assembled bytes of an upload (or of `range` of them), read from R2 one segment at a time as the
 * consumer pulls: one object's body is open at a time, nothing is buffered beyond what R2 hands over.
 * A segment missing from R2 errors the stream. Each chunk is a fresh buffer (upload-checks' checkedStream holds one).
 */
export function readStored(bucket: R2Bucket, segments: StoredSegment[], range?: ByteRange): ReadableStream<Uint8Array> {
  const ordered = [...segments].sort((a, b) => a.offset - b.offset);
  const wanted = range ?? { start: 0, end: storedSize(ordered) - 1 };
  const parts = ordered.flatMap((segment) => {
    const from = Math.max(wanted.start, segment.offset);
    const to = Math.min(wanted.end, segment.offset + segment.size - 1);
    return from <= to ? [{ key: segment.key, offset: from - segment.offset, length: to - from + 1 }] : [];
  });
  let index = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (!reader) {
          const part = parts[index];
          if (!part) return controller.close();
          const object = await bucket.get(part.key, { range: { offset: part.offset, length: part.length } });
          if (!object) throw new Error(`a stored segment of this upload is missing (${part.key})`);
          reader = object.body.getReader();
        }
        const { done, value } = await reader.read();
        if (!done) {
          if (value.byteLength > 0) return controller.enqueue(value);
          continue;
        }
        reader = undefined;
        index++;
      }
    },
    async cancel(reason) {
      await reader?.cancel(reason);
    },
  });
}

/** Deletes every object under the upload's prefix (what its segments name and anything a dead writer left). */
export async function deleteStored(bucket: R2Bucket, uploadId: string): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const listed = await bucket.list({ prefix: uploadPrefix(uploadId), cursor, limit: 1000 });
    const keys = listed.objects.map((object) => object.key);
    if (keys.length) await bucket.delete(keys);
    deleted += keys.length;
    cursor = listed.truncated ? listed.cursor : undefined;
  } while (cursor);
  return deleted;
}

import { ProblemError } from "../lib/problem";
import { largeChunkReader } from "../streams/large-chunks";
import { segmentKey } from "./stored-bytes";
import { CHECKSUM_ALGORITHMS, type UploadChecksum } from "./tus-headers";
import type { UploadObject } from "./upload-object";

export interface SegmentBody {
  body: ReadableStream<Uint8Array> | null;
  /** The request's Content-Length: R2 stores a stream of known length only. */
  length: number;
  checksum?: UploadChecksum;
}

export interface SegmentLimits {
  /** UPLOAD_IDLE_TIMEOUT_MS: a body that sends nothing this long is dropped (408). */
  idleTimeoutMs: number;
}

const equalBytes = (a: Uint8Array, b: Uint8Array) =>
  a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

function conflictFor(answer: Awaited<ReturnType<DurableObjectStub<UploadObject>["beginSegment"]>>): ProblemError {
  if (answer.granted) throw new Error("granted");
  const detail = {
    offset: `Upload-Offset does not match the upload's offset ${answer.reason === "offset" ? answer.offset : ""}; HEAD it and resume from there`,
    busy: "another PATCH is writing to this upload; HEAD it and resume from its offset once that one ended",
    complete: "the upload is complete; nothing more can be written",
    gone: "the upload no longer takes data",
  }[answer.reason];
  return new ProblemError({ code: "conflict", status: 409, detail });
}

/**
 * One PATCH (or a creation's body) into the upload at `offset`: a lease from the Durable Object first
 * (a wrong offset or a concurrent writer is a 409 before a byte is stored), then the body streamed into
 * one R2 object while its Upload-Checksum is computed, the lease kept alive as bytes flow, and the segment
 * committed. Only the chunk in flight is in memory. A body that breaks off, stalls, or does not match its
 * checksum (460) leaves no segment: its object is deleted and the offset stays where it was.
 */
export async function receiveSegment(
  stub: DurableObjectStub<UploadObject>,
  bucket: R2Bucket,
  uploadId: string,
  offset: number,
  segment: SegmentBody,
  limits: SegmentLimits,
): Promise<{ offset: number; complete: boolean }> {
  const leaseMs = limits.idleTimeoutMs * 2 + 10_000;
  const lease = await stub.beginSegment(offset, leaseMs);
  if (!lease.granted) throw conflictFor(lease);
  const { leaseId } = lease;
  const key = segmentKey(uploadId, offset, leaseId);
  let stored = false;
  try {
    if (segment.length > 0) {
      const digest = await streamIntoR2(stub, bucket, key, segment, { leaseId, leaseMs, ...limits });
      stored = true;
      if (segment.checksum && !equalBytes(digest as Uint8Array, segment.checksum.digest)) {
        throw new ProblemError({
          code: "checksum-mismatch",
          status: 460,
          detail:
            `Upload-Checksum says ${segment.checksum.algorithm} ${toBase64(segment.checksum.digest)} but the chunk received ` +
            `has ${toBase64(digest as Uint8Array)}; it was discarded, the offset is still ${offset}`,
        });
      }
    }
    const committed = await stub.commitSegment(leaseId, { offset, size: segment.length, key });
    if (!committed.committed) {
      throw new ProblemError({
        code: "conflict",
        status: 409,
        detail: "this PATCH lost its claim on the upload (it stalled, or the upload ended); HEAD it and resume",
      });
    }
    return { offset: committed.offset, complete: committed.complete };
  } catch (error) {
    if (stored) await bucket.delete(key);
    await stub.releaseLease(leaseId);
    throw error;
  }
}

interface WriteOptions extends SegmentLimits {
  leaseId: string;
  leaseMs: number;
}

/** The body into one R2 object of exactly `length` bytes, hashed on the way; the Upload-Checksum digest, if asked for. */
async function streamIntoR2(
  stub: DurableObjectStub<UploadObject>,
  bucket: R2Bucket,
  key: string,
  { body, length, checksum }: SegmentBody,
  { leaseId, leaseMs, idleTimeoutMs }: WriteOptions,
): Promise<Uint8Array | undefined> {
  if (!body) throw bodyShort(0, length);
  const fixed = new FixedLengthStream(length);
  const stored = bucket.put(key, fixed.readable);
  const writer = fixed.writable.getWriter();
  const hash = checksum && new crypto.DigestStream(CHECKSUM_ALGORITHMS[checksum.algorithm]);
  const hashWriter = hash?.getWriter();
  const reader = largeChunkReader(body);
  let received = 0;
  let renewedAt = Date.now();
  try {
    for (;;) {
      const { done, value } = await withIdleTimeout(reader.read(), idleTimeoutMs);
      if (done) break;
      received += value.byteLength;
      if (received > length) throw bodyShort(received, length);
      await hashWriter?.write(value);
      await writer.write(value);
      if (Date.now() - renewedAt > leaseMs / 4) {
        if (!(await stub.renewLease(leaseId, leaseMs))) {
          throw new ProblemError({
            code: "conflict",
            status: 409,
            detail: "this PATCH lost its claim on the upload; HEAD it and resume",
          });
        }
        renewedAt = Date.now();
      }
    }
    if (received !== length) throw bodyShort(received, length);
    await writer.close();
    await stored;
    await hashWriter?.close();
    return hash ? new Uint8Array(await hash.digest) : undefined;
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    await writer.abort(error).catch(() => undefined);
    await stored.catch(() => undefined);
    await hashWriter?.abort(error).catch(() => undefined);
    throw error;
  }
}

const bodyShort = (received: number, length: number) =>
  new ProblemError({
    code: "validation-error",
    status: 400,
    detail: `the body had ${received} bytes where Content-Length said ${length}; nothing of it was kept`,
  });

async function withIdleTimeout<T>(read: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ProblemError({
            code: "request-timeout",
            status: 408,
            detail: `the client sent nothing for ${ms} ms (UPLOAD_IDLE_TIMEOUT_MS); the chunk was dropped, resume from the upload's offset`,
          }),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([read, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { deleteStored, readStored, segmentKey, type StoredSegment } from "../../src/resumable/stored-bytes";
import {
  headerSafe,
  parseByteCount,
  parseUploadChecksum,
  parseUploadMetadata,
  supportsTusVersion,
  TusHeaderError,
  tusCapabilities,
} from "../../src/resumable/tus-headers";

const b64 = (text: string) => btoa(text);

describe("Upload-Metadata", () => {
  it("reads key/base64 pairs, a key without a value, and UTF-8 values", () => {
    const utf8 = btoa(String.fromCharCode(...new TextEncoder().encode("épreuve.img")));
    const pairs = parseUploadMetadata(`filename ${utf8}, filetype ${b64("application/octet-stream")},is_confidential`);
    expect([...pairs]).toEqual([
      ["filename", "épreuve.img"],
      ["filetype", "application/octet-stream"],
      ["is_confidential", ""],
    ]);
    expect(parseUploadMetadata(undefined).size).toBe(0);
    expect(parseUploadMetadata("").size).toBe(0);
  });

  it("keeps a value that is not UTF-8 as its base64", () => {
    expect(parseUploadMetadata("blob /w==").get("blob")).toBe("/w==");
  });

  it.each([
    ["name not-base64!"],
    ["a b c"],
    ["key dGVzdA==,key dGVzdA=="],
    ["k\u00e9y dGVzdA=="],
    ["k\u0001 dGVzdA=="],
    ["x".repeat(4097)],
  ])("refuses %j", (value) => {
    expect(() => parseUploadMetadata(value)).toThrow(TusHeaderError);
  });
});

describe("Upload-Checksum", () => {
  it("reads the algorithm (any case) and the base64 digest", () => {
    expect(parseUploadChecksum("sha1 AAEC")).toEqual({ algorithm: "sha1", digest: new Uint8Array([0, 1, 2]) });
    expect(parseUploadChecksum("SHA256 /w==")?.algorithm).toBe("sha256");
    expect(parseUploadChecksum(undefined)).toBeUndefined();
  });

  it.each([["crc32 AAAA"], ["sha1"], ["sha1 not*base64"], ["sha1  AAEC x"], ["__proto__ AAAA"]])(
    "refuses %j",
    (value) => {
      expect(() => parseUploadChecksum(value)).toThrow(TusHeaderError);
    },
  );
});

describe("byte counts and versions", () => {
  it("reads whole numbers only", () => {
    expect(parseByteCount("Upload-Offset", "0")).toBe(0);
    expect(parseByteCount("Upload-Offset", " 42 ")).toBe(42);
    expect(parseByteCount("Upload-Offset", undefined)).toBeUndefined();
    for (const bad of ["-1", "1.5", "1e3", "", "abc", "99999999999999999"])
      expect(() => parseByteCount("Upload-Offset", bad), bad).toThrow(TusHeaderError);
  });

  it("speaks 1.0.0 only", () => {
    expect(supportsTusVersion("1.0.0")).toBe(true);
    expect(supportsTusVersion(" 1.0.0 ")).toBe(true);
    expect(supportsTusVersion("0.2.2")).toBe(false);
    expect(supportsTusVersion(undefined)).toBe(false);
  });

  it("announces Tus-Max-Size only when there is a limit", () => {
    expect(tusCapabilities(0, 100)).not.toHaveProperty("tus-max-size");
    expect(tusCapabilities(5, 100)).toMatchObject({ "tus-max-size": "5", "tus-max-chunk-size": "100" });
  });

  it("makes header values printable and short", () => {
    expect(headerSafe("a\r\nb\u00e9")).toBe("a??b?");
    expect(headerSafe("x".repeat(600)).length).toBeLessThanOrEqual(512);
  });
});

describe("readStored", () => {
  const uploadId = "f".repeat(64);
  const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 256);

  async function store(sizes: number[]): Promise<StoredSegment[]> {
    const segments: StoredSegment[] = [];
    let offset = 0;
    for (const size of sizes) {
      const key = segmentKey(uploadId, offset, "lease");
      await env.UPLOAD_BYTES.put(key, bytes.slice(offset, offset + size));
      segments.push({ offset, size, key });
      offset += size;
    }
    return segments;
  }

  const read = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());

  it("assembles the segments in offset order, whole or any range of them", async () => {
    const segments = await store([1, 299, 400, 300]);
    expect(await read(readStored(env.UPLOAD_BYTES, [...segments].reverse()))).toEqual(bytes);
    for (const [start, end] of [
      [0, 0],
      [0, 999],
      [1, 299],
      [250, 750],
      [999, 999],
      [700, 700],
    ]) {
      expect(await read(readStored(env.UPLOAD_BYTES, segments, { start, end })), `${start}-${end}`).toEqual(
        bytes.slice(start, end + 1),
      );
    }
    expect(await deleteStored(env.UPLOAD_BYTES, uploadId)).toBe(4);
    expect((await env.UPLOAD_BYTES.list({ prefix: `uploads/${uploadId}/` })).objects).toEqual([]);
  });

  it("errors the stream when a segment is missing", async () => {
    const segments = await store([500, 500]);
    await env.UPLOAD_BYTES.delete(segments[1].key);
    await expect(read(readStored(env.UPLOAD_BYTES, segments))).rejects.toThrow(/missing/);
  });
});

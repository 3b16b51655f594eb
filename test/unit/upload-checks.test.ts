import { describe, expect, it } from "vitest";
import { formatRefusal } from "../../src/glance/image-format-rules";
import { expectedDigests } from "../../src/lib/digest-fields";
import { pumpLargeChunks } from "../../src/streams/large-chunks";
import { ProblemError } from "../../src/lib/problem";
import { checkedStream, type FormatCheck, UploadChecks } from "../../src/streams/upload-checks";
import { qcow2, vhd } from "../support/disk-images";

const CHUNK = 64 * 1024;

const formatCheck = (disk_format: string, mode: FormatCheck["mode"] = "enforce"): FormatCheck => ({
  mode,
  judge: (finding) => formatRefusal(finding, { disk_format, container_format: "bare" }, 0),
});

async function digestOf(algorithm: string, bytes: Uint8Array) {
  return new Uint8Array(await crypto.subtle.digest(algorithm, bytes));
}
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** Runs `bytes` through the checks in 64 KiB chunks; the problem they threw and where, or the outcome. */
async function run(checks: UploadChecks, bytes: Uint8Array) {
  let offset = 0;
  try {
    for (; offset < bytes.byteLength; offset += CHUNK) await checks.chunk(bytes.subarray(offset, offset + CHUNK));
    await checks.end();
    return { outcome: checks.outcome };
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return { problem: error.init, offset };
  }
}

/** 300,000 bytes that are no disk format (a byte pattern, not zeros, so digests differ from an empty buffer's). */
const DATA = new Uint8Array(300_000).map((_, i) => (i * 7 + (i >> 8)) & 0xff);

describe("UploadChecks", () => {
  it("computes the SHA-512 of the data, and each digest the client sent", async () => {
    const sha256 = await digestOf("SHA-256", DATA);
    const md5 = await digestOf("MD5", DATA);
    const checks = new UploadChecks({
      expected: expectedDigests(new Headers({ "repr-digest": `sha-256=:${b64(sha256)}:`, "content-md5": b64(md5) })),
    });
    const { outcome } = await run(checks, DATA);
    expect(outcome?.digests.get("sha-256")).toEqual(sha256);
    expect(outcome?.digests.get("md5")).toEqual(md5);
    expect(checks.sha512).toBe(
      [...(await digestOf("SHA-512", DATA))].map((b) => b.toString(16).padStart(2, "0")).join(""),
    );
  });

  it("refuses data whose digest does not match, at the end, naming both values", async () => {
    const wrong = new Uint8Array(32).fill(9);
    const checks = new UploadChecks({
      expected: expectedDigests(new Headers({ "repr-digest": `sha-256=:${b64(wrong)}:` })),
    });
    const { problem, offset } = await run(checks, DATA);
    const actual = await digestOf("SHA-256", DATA);
    expect(offset).toBeGreaterThanOrEqual(DATA.byteLength);
    expect(problem).toMatchObject({
      code: "digest-mismatch",
      status: 400,
      detail: `Repr-Digest says sha-256=:${b64(wrong)}: but the data received has sha-256=:${b64(actual)}:; refused`,
      headers: { "want-repr-digest": "sha-512=10, sha-256=9" },
    });
  });

  it("enforce: refuses an unsafe image as soon as its header is read, not at the end", async () => {
    const bytes = qcow2({ backingFile: "/etc/passwd", length: 1024 * 1024 });
    const { problem, offset } = await run(new UploadChecks({ format: formatCheck("qcow2") }), bytes);
    expect(problem).toMatchObject({
      code: "unsafe-image",
      detail: 'detected qcow2 with a backing file "/etc/passwd"; refused',
    });
    expect(offset).toBe(256 * 1024 - CHUNK);
  });

  it("enforce: a mismatch is refused early too, unless the end of the stream could still make it match", async () => {
    const raw = new Uint8Array(1024 * 1024);
    const early = await run(new UploadChecks({ format: formatCheck("qcow2") }), raw);
    expect(early).toMatchObject({ problem: { code: "image-format-mismatch" }, offset: 256 * 1024 - CHUNK });
    // Raw bytes for a vhd image: only the last 512 bytes can tell whether it is a fixed VHD.
    const late = await run(new UploadChecks({ format: formatCheck("vhd") }), raw);
    expect(late).toMatchObject({ problem: { code: "image-format-mismatch" }, offset: raw.byteLength });
    const fixed = await run(
      new UploadChecks({ format: formatCheck("vhd") }),
      vhd({ type: "fixed", virtualSize: 1 << 20 }),
    );
    expect(fixed.outcome?.finding).toEqual({ format: "vhd", virtualSize: 1 << 20, footerOnly: true });
  });

  it("report: records what enforce would refuse and lets the data through", async () => {
    const { outcome } = await run(
      new UploadChecks({ format: formatCheck("raw", "report") }),
      qcow2({ length: 300_000 }),
    );
    expect(outcome?.finding).toMatchObject({ format: "qcow2" });
    expect(outcome?.wouldRefuse).toEqual({
      code: "image-format-mismatch",
      finding: "detected qcow2, but the image's disk_format is raw",
    });
  });

  it("off: no inspector, only digests", async () => {
    const { outcome } = await run(new UploadChecks(), qcow2({ backingFile: "x" }));
    expect(outcome?.finding).toBeUndefined();
  });
});

describe("the consumer never has every byte of refused data", () => {
  const native = (bytes: Uint8Array) => {
    const { readable, writable } = new IdentityTransformStream();
    const writer = writable.getWriter();
    void (async () => {
      for (let at = 0; at < bytes.byteLength; at += 4096) await writer.write(bytes.slice(at, at + 4096));
      await writer.close();
    })();
    return readable;
  };

  async function received(stream: ReadableStream<Uint8Array>) {
    const reader = stream.getReader();
    let bytes = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return { bytes, complete: true };
        bytes += value.byteLength;
      }
    } catch (error) {
      return { bytes, complete: false, error };
    }
  }

  const wrongDigest = () =>
    new UploadChecks({
      expected: expectedDigests(new Headers({ "repr-digest": `sha-256=:${b64(new Uint8Array(32))}:` })),
    });

  it("through the upload pump (fixed length): a wrong digest aborts it before the last chunk", async () => {
    const result = await received(pumpLargeChunks(native(DATA), DATA.byteLength, wrongDigest()));
    expect(result.complete).toBe(false);
    expect(result.bytes).toBeLessThan(DATA.byteLength);
  });

  it("through checkedStream: everything when the checks pass, all but the last chunk when they fail", async () => {
    const chunks = (bytes: Uint8Array) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.byteLength; at += 10_000) controller.enqueue(bytes.slice(at, at + 10_000));
          controller.close();
        },
      });
    const sha256 = await digestOf("SHA-256", DATA);
    const passing = new UploadChecks({
      expected: expectedDigests(new Headers({ "repr-digest": `sha-256=:${b64(sha256)}:` })),
    });
    expect(await received(chunks(DATA).pipeThrough(checkedStream(passing)))).toEqual({
      bytes: DATA.byteLength,
      complete: true,
    });
    const failing = await received(chunks(DATA).pipeThrough(checkedStream(wrongDigest())));
    expect(failing.complete).toBe(false);
    expect(failing.bytes).toBe(DATA.byteLength - 10_000);
    expect((failing.error as ProblemError).init.code).toBe("digest-mismatch");
  });
});

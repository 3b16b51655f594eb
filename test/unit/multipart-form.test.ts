import { describe, expect, it } from "vitest";
import { MultipartFormError, readStreamedForm } from "../../src/streams/multipart-form";

const BOUNDARY = "----glanceEdgeBoundary7MA4YWxkTrZu0gW";
const encoder = new TextEncoder();

const formHeaders = (boundary = BOUNDARY) =>
  new Headers({ "content-type": `multipart/form-data; boundary=${boundary}` });
const fieldPart = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = (name = "data", filename = "disk.raw") =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
const CLOSE = `\r\n--${BOUNDARY}--\r\n`;

/** Deterministic bytes (xorshift32), so both ends can hash the same content without holding it. */
function fillPattern(target: Uint8Array, state: { seed: number }) {
  for (let i = 0; i < target.length; i++) {
    let x = state.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    state.seed = x >>> 0;
    target[i] = state.seed & 0xff;
  }
}

interface LazyBody {
  stream: ReadableStream<Uint8Array>;
  /** Bytes handed to the reader so far. */
  produced: () => number;
}

/**
 * A multipart body generated only when read (highWaterMark 0), cut into chunks of an odd size so
 * that boundaries straddle chunk edges: `head`, then `fileBytes` pattern bytes, then `tail`.
 */
function lazyBody(head: string, fileBytes: number, tail: string, chunkSize = 65_521): LazyBody {
  const headBytes = encoder.encode(head);
  const tailBytes = encoder.encode(tail);
  const total = headBytes.length + fileBytes + tailBytes.length;
  const pattern = { seed: 2463534242 };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= total) {
          controller.close();
          return;
        }
        const size = Math.min(chunkSize, total - offset);
        const chunk = new Uint8Array(size);
        for (let i = 0; i < size;) {
          const at = offset + i;
          if (at < headBytes.length) {
            const n = Math.min(size - i, headBytes.length - at);
            chunk.set(headBytes.subarray(at, at + n), i);
            i += n;
          } else if (at < headBytes.length + fileBytes) {
            const n = Math.min(size - i, headBytes.length + fileBytes - at);
            fillPattern(chunk.subarray(i, i + n), pattern);
            i += n;
          } else {
            const from = at - headBytes.length - fileBytes;
            const n = Math.min(size - i, tailBytes.length - from);
            chunk.set(tailBytes.subarray(from, from + n), i);
            i += n;
          }
        }
        offset += size;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, produced: () => offset };
}

async function sha256Hex(source: ReadableStream<Uint8Array>) {
  const digest = new crypto.DigestStream("SHA-256");
  await source.pipeTo(digest);
  return [...new Uint8Array(await digest.digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function patternStream(bytes: number) {
  const pattern = { seed: 2463534242 };
  let left = bytes;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left === 0) return controller.close();
      const chunk = new Uint8Array(Math.min(1 << 20, left));
      fillPattern(chunk, pattern);
      left -= chunk.length;
      controller.enqueue(chunk);
    },
  });
}

async function textOf(stream: ReadableStream<Uint8Array>) {
  return await new Response(stream).text();
}

async function formErrorOf(promise: Promise<unknown>): Promise<MultipartFormError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MultipartFormError);
  return error as MultipartFormError;
}

const OPTIONS = { fileField: "data", maxFieldBytes: 4096 };

describe("readStreamedForm", () => {
  it("streams a 64 MiB file part through workerd, never more than two request chunks ahead of its reader", async () => {
    const size = 64 * 1024 * 1024;
    const chunkSize = 65_521;
    const body = lazyBody(fieldPart("name", "big") + fieldPart("min_disk", "2") + fileHead(), size, CLOSE, chunkSize);
    const form = await readStreamedForm(body.stream, formHeaders(), OPTIONS);
    expect(form.fields).toEqual([
      ["name", "big"],
      ["min_disk", "2"],
    ]);
    expect(form.file?.filename).toBe("disk.raw");
    expect(form.file?.contentType).toBe("application/octet-stream");
    // Reading the fields pulled only the chunk that holds them.
    expect(body.produced()).toBe(chunkSize);

    let consumed = 0;
    let maxAhead = 0;
    const watched = form.file!.stream.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          consumed += chunk.byteLength;
          maxAhead = Math.max(maxAhead, body.produced() - consumed);
          controller.enqueue(chunk);
        },
      }),
    );
    const [got, expected] = await Promise.all([sha256Hex(watched), sha256Hex(patternStream(size))]);
    expect(consumed).toBe(size);
    expect(got).toBe(expected);
    // The head, at most two request chunks in flight (one parsed, one held back for a boundary match), and the tail.
    expect(maxAhead).toBeLessThanOrEqual(2 * chunkSize + 512);
  });

  it("keeps bytes that look like the start of a boundary when they are not one", async () => {
    const tricky = `abc\r\n--${BOUNDARY.slice(0, 10)}xyz\r\n-\r\n--`;
    for (const chunkSize of [1, 3, 7, 64]) {
      const body = lazyBody("", 0, `${fileHead()}${tricky}${CLOSE}`, chunkSize);
      const form = await readStreamedForm(body.stream, formHeaders(), OPTIONS);
      expect(await textOf(form.file!.stream)).toBe(tricky);
    }
  });

  it("copies the file into a BYOB reader's reused buffer from a byte-stream body read into reused buffers", async () => {
    // Boundary look-alikes every few KiB, some straddling the body's chunk edges: the parser then
    // keeps a piece of one request chunk while the next is read, the case its buffer reuse must survive.
    const file = new Uint8Array(3 * 1024 * 1024 + 12_345);
    fillPattern(file, { seed: 2463534242 });
    for (let at = 1000, k = 1; at < file.length - 100; at += 4093, k = (k % 30) + 1) {
      file.set(encoder.encode(`\r\n--${BOUNDARY.slice(0, k)}`), at);
    }
    const whole = new Uint8Array([
      ...encoder.encode(fieldPart("name", "byob") + fileHead()),
      ...file,
      ...encoder.encode(CLOSE),
    ]);
    for (const consumer of ["byob", "default"] as const) {
      let offset = 0;
      const body = new ReadableStream({
        type: "bytes",
        pull(controller) {
          const view = controller.byobRequest?.view;
          if (offset >= whole.length || !view) {
            controller.close();
            if (view) controller.byobRequest!.respond(0);
            return;
          }
          const size = Math.min(65_537, view.byteLength, whole.length - offset);
          new Uint8Array(view.buffer, view.byteOffset, size).set(whole.subarray(offset, offset + size));
          offset += size;
          controller.byobRequest!.respond(size);
        },
      });
      const form = await readStreamedForm(body, formHeaders(), OPTIONS);
      expect(form.fields).toEqual([["name", "byob"]]);
      expect(await form.file!.hasBytes()).toBe(true);
      let received = 0;
      let mismatches = 0;
      const check = (chunk: Uint8Array) => {
        for (let i = 0; i < chunk.length; i++) if (chunk[i] !== file[received + i]) mismatches++;
        received += chunk.length;
      };
      if (consumer === "byob") {
        const reader = form.file!.stream.getReader({ mode: "byob" });
        let buffer = new ArrayBuffer(256 * 1024);
        for (;;) {
          const { done, value } = await reader.read(new Uint8Array(buffer));
          if (value) {
            check(value);
            buffer = value.buffer as ArrayBuffer;
          }
          if (done) break;
        }
      } else {
        const reader = form.file!.stream.getReader();
        for (let next = await reader.read(); !next.done; next = await reader.read()) check(next.value);
      }
      expect([consumer, received, mismatches]).toEqual([consumer, file.length, 0]);
    }
  });

  it("returns the fields in order, repeated names kept, and no file when there is none", async () => {
    const body = lazyBody(
      "",
      0,
      `${fieldPart("tags", "a")}${fieldPart("tags", "b")}${fieldPart("name", "héllo")}--${BOUNDARY}--\r\n`,
      5,
    );
    const form = await readStreamedForm(body.stream, formHeaders(), OPTIONS);
    expect(form).toEqual({
      fields: [
        ["tags", "a"],
        ["tags", "b"],
        ["name", "héllo"],
      ],
    });
  });

  it("gives an empty stream for an empty file part", async () => {
    const body = lazyBody("", 0, `${fieldPart("name", "x")}${fileHead("data", "")}${CLOSE}`);
    const form = await readStreamedForm(body.stream, formHeaders(), OPTIONS);
    expect(await textOf(form.file!.stream)).toBe("");
  });

  it("refuses fields larger than the cap with a 413, reading no further", async () => {
    const body = lazyBody(
      fieldPart("description", "x".repeat(3000)) + fieldPart("name", "y".repeat(3000)) + fileHead(),
      10 * 1024 * 1024,
      CLOSE,
      1024,
    );
    const error = await formErrorOf(readStreamedForm(body.stream, formHeaders(), OPTIONS));
    expect(error.status).toBe(413);
    expect(error.message).toBe("the form fields before the data part exceed 4096 bytes");
    expect(body.produced()).toBeLessThan(8 * 1024);
  });

  it("refuses one field larger than the cap with a 413", async () => {
    const body = lazyBody(fieldPart("description", "x".repeat(5000)), 0, `--${BOUNDARY}--\r\n`, 100_000);
    const error = await formErrorOf(readStreamedForm(body.stream, formHeaders(), OPTIONS));
    expect(error.status).toBe(413);
  });

  it("refuses a part after the file part, before the file is read when it arrives in the same chunk", async () => {
    const body = lazyBody(fileHead(), 100, `\r\n${fieldPart("name", "late")}--${BOUNDARY}--\r\n`);
    const error = await formErrorOf(readStreamedForm(body.stream, formHeaders(), OPTIONS));
    expect(error).toMatchObject({ status: 400, field: "name" });
  });

  it("errors the file stream with a 413 once the file passes maxFileBytes", async () => {
    const body = lazyBody(fileHead(), 300_000, CLOSE, 10_000);
    const form = await readStreamedForm(body.stream, formHeaders(), { ...OPTIONS, maxFileBytes: 100_000 });
    const error = await formErrorOf(textOf(form.file!.stream));
    expect(error).toMatchObject({ status: 413, field: "data" });
    expect(body.produced()).toBeLessThan(130_000);
  });

  it("errors the file stream when a part follows the file part", async () => {
    const body = lazyBody(fileHead(), 10_000, `\r\n${fieldPart("name", "late")}--${BOUNDARY}--\r\n`, 1000);
    const form = await readStreamedForm(body.stream, formHeaders(), OPTIONS);
    const error = await formErrorOf(textOf(form.file!.stream));
    expect(error).toMatchObject({ status: 400, field: "name" });
    expect(error.message).toBe("the data file part must be the last part of the form; name follows it");
  });

  it("errors the file stream when the body ends before the closing boundary", async () => {
    const body = lazyBody(fileHead(), 1000, "");
    const form = await readStreamedForm(body.stream, formHeaders(), OPTIONS);
    const error = await formErrorOf(textOf(form.file!.stream));
    expect(error).toMatchObject({ status: 400, message: "the form ends before its closing boundary" });
  });

  it("refuses a data field that is not a file part", async () => {
    const body = lazyBody("", 0, `${fieldPart("data", "{}")}--${BOUNDARY}--\r\n`);
    const error = await formErrorOf(readStreamedForm(body.stream, formHeaders(), OPTIONS));
    expect(error).toMatchObject({ status: 400, field: "data" });
  });

  it("refuses a Content-Type without a boundary, and a body that ends early", async () => {
    const noBoundary = await formErrorOf(
      readStreamedForm(lazyBody("", 0, "x").stream, new Headers({ "content-type": "multipart/form-data" }), OPTIONS),
    );
    expect(noBoundary).toMatchObject({ status: 400, field: "content-type" });
    const truncated = await formErrorOf(
      readStreamedForm(lazyBody("", 0, fieldPart("name", "x")).stream, formHeaders(), OPTIONS),
    );
    expect(truncated).toMatchObject({ status: 400, message: "the form ends before its closing boundary" });
    const empty = await formErrorOf(readStreamedForm(null, formHeaders(), OPTIONS));
    expect(empty.status).toBe(400);
  });
});

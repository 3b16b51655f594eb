import { afterEach, describe, expect, it, vi } from "vitest";
import { ImageSchema } from "../../src/routes/images/images.schemas";
import { callWorker, TOKEN } from "../support/call-api";
import { MONOLITHIC_SPARSE_DESCRIPTOR, qcow2, vmdk } from "../support/disk-images";
import { problemOf } from "../support/expect";
import { glanceImage as glanceImageRecord } from "../support/glance-image";
import {
  acceptsUpload,
  glanceError,
  glanceJson,
  type LazyAnswer,
  type LazyCall,
  readsUntilAborted,
  stubGlanceLazily,
  uploadReceiver,
} from "../support/glance-stub";

afterEach(() => vi.restoreAllMocks());

const ID = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";
const CHUNK = 64 * 1024;
const CHUNKS = 16;

const chunkOf = (index: number) => new Uint8Array(CHUNK).fill((index * 7 + 1) % 256);

async function sha512Hex(bytes: Uint8Array) {
  return [...new Uint8Array(await crypto.subtle.digest("SHA-512", bytes))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

function allBytes(count = CHUNKS) {
  const bytes = new Uint8Array(count * CHUNK);
  for (let i = 0; i < count; i++) bytes.set(chunkOf(i), i * CHUNK);
  return bytes;
}

/** An active image; its size and digests are each test's. */
const glanceImage = (overrides: Record<string, unknown> = {}) =>
  glanceImageRecord({ id: ID, status: "active", disk_format: "raw", ...overrides });

/** A client body that makes each chunk only when read, counting how many were made. */
function lazyClientBody(count = CHUNKS) {
  const state = { produced: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.produced === count) return controller.close();
        controller.enqueue(chunkOf(state.produced));
        state.produced++;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

function upload(
  path: string,
  body: ReadableStream<Uint8Array> | string | null,
  headers: Record<string, string>,
  vars?: Record<string, string>,
) {
  return callWorker(path, { method: "PUT", body, headers, vars });
}

/** Reads Glance's side of an upload one chunk at a time, noting how far ahead the client had been asked to produce. */
function lazyReader(state: { produced: number }) {
  const seen = { bytes: 0, chunks: 0, aheadMax: 0, data: [] as Uint8Array[] };
  const read = async (request: Request) => {
    const reader = request.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen.bytes += value.byteLength;
      seen.chunks++;
      seen.data.push(value);
      seen.aheadMax = Math.max(seen.aheadMax, state.produced * CHUNK - seen.bytes);
    }
  };
  return { seen, read };
}

const usageUnlimited = () => glanceJson({ usage: {} });
const queuedImage = () => glanceJson(glanceImage({ status: "queued", size: null }));
/** The image record as Glance answers it before an upload (queued), then as `after` once the data is in. */
const queuedThen = (after: LazyAnswer): LazyAnswer => {
  let reads = 0;
  return (call) => (reads++ === 0 ? queuedImage() : after(call));
};

const callsOf = (calls: LazyCall[]) => calls.map((call) => `${call.method} ${call.path}`);
/** The two reads before an upload run at once, so their order is not part of the contract. */
const callsBeforeUpload = (calls: LazyCall[]) => callsOf(calls).slice(0, 2).sort();

describe("PUT /api/glance/images/{image_id}/file/", () => {
  it("a client that stops sending for UPLOAD_IDLE_TIMEOUT_MS is a 408 (504 is only for Glance), and Glance's upload is aborted", async () => {
    let glanceSignal: AbortSignal | undefined;
    stubGlanceLazily({
      "GET /v2/info/usage": usageUnlimited,
      [`GET /v2/images/${ID}`]: queuedImage,
      [`PUT /v2/images/${ID}/file`]: (call) => {
        glanceSignal = call.signal ?? undefined;
        return readsUntilAborted(call);
      },
    });
    let produced = 0;
    const stalling = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (produced++ < 2) controller.enqueue(chunkOf(produced));
        else return new Promise(() => {});
      },
    });
    const response = await upload(
      `/api/glance/images/${ID}/file/`,
      stalling,
      { "content-type": "application/octet-stream", "content-length": String(CHUNKS * CHUNK) },
      { UPLOAD_IDLE_TIMEOUT_MS: "100" },
    );
    const problem = await problemOf(response, 408);
    expect(problem.type).toBe("urn:glance-edge:problem:request-timeout");
    expect(problem.detail).toBe(
      "The client sent no image data for 100 ms, so the upload was aborted (Glance keeps nothing of it)",
    );
    expect(glanceSignal?.aborted).toBe(true);
  });

  it("streams the body to Glance with its length, never more than a chunk or two ahead, and answers the re-read image", async () => {
    const { stream, state } = lazyClientBody();
    const glanceSide = lazyReader(state);
    const expected = await sha512Hex(allBytes());
    const calls = stubGlanceLazily({
      "GET /v2/info/usage": usageUnlimited,
      [`PUT /v2/images/${ID}/file`]: acceptsUpload(glanceSide.read),
      [`GET /v2/images/${ID}`]: queuedThen(() =>
        glanceJson(
          glanceImage({ size: CHUNKS * CHUNK, checksum: "abc", os_hash_algo: "sha512", os_hash_value: expected }),
        ),
      ),
    });
    const response = await upload(`/api/glance/images/${ID}/file/`, stream, {
      "content-type": "application/octet-stream",
      "content-length": String(CHUNKS * CHUNK),
    });
    expect(response.status).toBe(200);
    // The image's disk_format and the quota are read (at once) before a byte moves, the image again after.
    expect(callsBeforeUpload(calls)).toEqual([`GET /v2/images/${ID}`, "GET /v2/info/usage"]);
    expect(callsOf(calls).slice(2)).toEqual([`PUT /v2/images/${ID}/file`, `GET /v2/images/${ID}`]);
    const put = calls[2];
    expect(put.headers.get("content-length")).toBe(String(CHUNKS * CHUNK));
    expect(put.headers.get("transfer-encoding")).toBeNull();
    expect(put.headers.get("content-type")).toBe("application/octet-stream");
    expect(put.headers.get("x-auth-token")).toBe(TOKEN);
    expect(put.signal).toBeInstanceOf(AbortSignal);
    expect(glanceSide.seen.bytes).toBe(CHUNKS * CHUNK);
    expect(await sha512Hex(new Uint8Array(await new Blob(glanceSide.seen.data).arrayBuffer()))).toBe(expected);
    // The Worker held at most a couple of chunks at any time, never the body.
    expect(glanceSide.seen.aheadMax).toBeLessThanOrEqual(3 * CHUNK);
    const image = ImageSchema.parse(await response.json());
    expect([image.id, image.status, image.size]).toEqual([ID, "active", CHUNKS * CHUNK]);
    expect(response.headers.get("repr-digest")).toBe(
      `sha-512=:${btoa(String.fromCharCode(...Buffer.from(expected, "hex")))}:`,
    );
    expect(response.headers.get("want-repr-digest")).toBe("sha-512=10, sha-256=9");
    expect(response.headers.get("x-image-format")).toBe("raw");
  });

  it("answers 502 naming both digests when Glance's sha512 differs from what passed through", async () => {
    const wrong = "f".repeat(128);
    stubGlanceLazily({
      "GET /v2/info/usage": usageUnlimited,
      [`PUT /v2/images/${ID}/file`]: async ({ request }) => {
        await request.arrayBuffer();
        return new Response(null, { status: 204 });
      },
      [`GET /v2/images/${ID}`]: queuedThen(() =>
        glanceJson(glanceImage({ size: 4, os_hash_algo: "sha512", os_hash_value: wrong })),
      ),
    });
    const response = await upload(`/api/glance/images/${ID}/file/`, "data", {
      "content-type": "application/octet-stream",
      "content-length": "4",
    });
    const problem = await problemOf(response, 502);
    expect(problem.detail).toContain(wrong);
    expect(problem.detail).toContain(await sha512Hex(new TextEncoder().encode("data")));
  });

  it.each([
    [
      "a JSON body",
      { "content-type": "application/json", "content-length": "2" },
      415,
      "Image data must be sent as application/octet-stream, not application/json",
    ],
    [
      "no Content-Type",
      { "content-length": "2" },
      415,
      "Image data must be sent as application/octet-stream (no Content-Type was given)",
    ],
    [
      "a bad Content-Length",
      { "content-type": "application/octet-stream", "content-length": "2x" },
      400,
      "must be a whole number of bytes",
    ],
  ])("refuses %s before any Glance call", async (_, headers, status, detail) => {
    const calls = stubGlanceLazily({});
    // bytes, not a string, so that no text/plain is added
    const response = await callWorker(`/api/glance/images/${ID}/file/`, {
      method: "PUT",
      body: new Uint8Array([123, 125]),
      headers,
    });
    expect((await problemOf(response, status)).detail).toBe(detail);
    expect(calls).toEqual([]);
  });

  it("refuses a body without Content-Length (chunked) with 411, before any Glance call; the body is then drained, not kept", async () => {
    const calls = stubGlanceLazily({});
    const { stream, state } = lazyClientBody();
    const response = await upload(`/api/glance/images/${ID}/file/`, stream, {
      "content-type": "application/octet-stream",
    });
    expect((await problemOf(response, 411)).detail).toBe(
      "Content-Length is required: image data is streamed to Glance with its length, not chunked",
    );
    expect(calls).toEqual([]);
    expect(state.produced).toBe(CHUNKS);
  });

  it("refuses a length over MAX_UPLOAD_BYTES with 413 before any Glance call", async () => {
    const calls = stubGlanceLazily({});
    const response = await upload(
      `/api/glance/images/${ID}/file/`,
      "12345",
      { "content-type": "application/octet-stream", "content-length": "5" },
      { MAX_UPLOAD_BYTES: "4" },
    );
    expect((await problemOf(response, 413)).detail).toBe(
      "5 bytes is more than this API accepts in one upload (MAX_UPLOAD_BYTES = 4); import it with web-download or upload it to Glance directly",
    );
    expect(calls).toEqual([]);
  });

  it("refuses a length over the remaining image_size_total quota with 413 naming both numbers, with no Glance write", async () => {
    const calls = stubGlanceLazily({
      [`GET /v2/images/${ID}`]: queuedImage,
      "GET /v2/info/usage": () =>
        glanceJson({
          usage: { image_size_total: { limit: 10, usage: 9 }, image_stage_total: { limit: -1, usage: 0 } },
        }),
    });
    const length = 1024 * 1024 + 1;
    const response = await upload(`/api/glance/images/${ID}/file/`, "x".repeat(length), {
      "content-type": "application/octet-stream",
      "content-length": String(length),
    });
    expect((await problemOf(response, 413)).detail).toBe(
      `${length} bytes is more than the 1048576 bytes left of your image_size_total quota (9 of 10 MiB used)`,
    );
    expect(callsBeforeUpload(calls)).toEqual([`GET /v2/images/${ID}`, "GET /v2/info/usage"]);
    expect(calls).toHaveLength(2);
  });

  it.each([
    [409, "Conflict", "Image status transition from active to saving is not allowed"],
    [410, "Gone", "Image with identifier was deleted"],
    [413, "Request Entity Too Large", "Image exceeds the storage quota"],
    [403, "Forbidden", "You are not authorized to complete upload_image action."],
  ])("keeps Glance's %d as a problem", async (status, title, message) => {
    const calls = stubGlanceLazily({
      [`GET /v2/images/${ID}`]: queuedImage,
      "GET /v2/info/usage": usageUnlimited,
      [`PUT /v2/images/${ID}/file`]: () => glanceError(status, title, message),
    });
    const response = await upload(`/api/glance/images/${ID}/file/`, "data", {
      "content-type": "application/octet-stream",
      "content-length": "4",
    });
    expect((await problemOf(response, status)).detail).toBe(message);
    expect(calls.map((call) => call.method)).toEqual(["GET", "GET", "PUT"]);
  });
});

describe("PUT /api/glance/images/{image_id}/stage/", () => {
  it("streams to Glance's stage with the length and checks the image_stage_total quota", async () => {
    const { stream, state } = lazyClientBody(4);
    const glanceSide = lazyReader(state);
    const calls = stubGlanceLazily({
      "GET /v2/info/usage": () =>
        glanceJson({ usage: { image_size_total: { limit: 0, usage: 0 }, image_stage_total: { limit: 1, usage: 0 } } }),
      [`PUT /v2/images/${ID}/stage`]: acceptsUpload(glanceSide.read),
      [`GET /v2/images/${ID}`]: queuedThen(() =>
        glanceJson(glanceImage({ status: "uploading", size: null, os_hash_algo: null, os_hash_value: null })),
      ),
    });
    const response = await upload(`/api/glance/images/${ID}/stage/`, stream, {
      "content-type": "application/octet-stream",
      "content-length": String(4 * CHUNK),
    });
    expect(response.status).toBe(200);
    expect(ImageSchema.parse(await response.json()).status).toBe("uploading");
    expect(callsBeforeUpload(calls)).toEqual([`GET /v2/images/${ID}`, "GET /v2/info/usage"]);
    expect(callsOf(calls).slice(2)).toEqual([`PUT /v2/images/${ID}/stage`, `GET /v2/images/${ID}`]);
    expect(calls[2].headers.get("content-length")).toBe(String(4 * CHUNK));
    expect(glanceSide.seen.bytes).toBe(4 * CHUNK);
    expect(response.headers.get("repr-digest")).toMatch(/^sha-512=:[A-Za-z0-9+/]{86}==:$/);
  });
});

describe("image data for an image that is not queued", () => {
  it.each([
    ["file", "active"],
    ["file", "deactivated"],
    ["stage", "uploading"],
    ["stage", "active"],
  ])(
    "PUT …/%s/ to a %s image is a 409 before a byte moves (Glance would refuse it with the body unread)",
    async (target, status) => {
      const { stream } = lazyClientBody(4);
      const calls = stubGlanceLazily({
        "GET /v2/info/usage": usageUnlimited,
        [`GET /v2/images/${ID}`]: () => glanceJson(glanceImage({ status })),
      });
      const response = await upload(`/api/glance/images/${ID}/${target}/`, stream, {
        "content-type": "application/octet-stream",
        "content-length": String(4 * CHUNK),
      });
      const problem = await problemOf(response, 409);
      expect(problem.type).toBe("urn:glance-edge:problem:conflict");
      expect(problem.detail).toBe(
        `Image ${ID} is ${status}; data can be ${target === "file" ? "uploaded" : "staged"} only while it is queued`,
      );
      // The small body is drained (read and dropped) so that the client sees the answer; Glance got none of it.
      expect(callsOf(calls).sort()).toEqual([`GET /v2/images/${ID}`, "GET /v2/info/usage"]);
    },
  );
});

describe("GET and HEAD /api/glance/images/{image_id}/file/", () => {
  const SHA =
    "a4891d6deed0e0cc68ff31fd095e7f3ac4868451aa92ff3353dfd0da2d2730ae68f795ba48c1b7da0bdcfb754823bdaddc1f383ed74be8a64b21f26aaab4eec2";
  const record = glanceImage({
    name: 'Überbild v2/"final"',
    size: CHUNKS * CHUNK,
    checksum: "505c62d578cc8d5004b317b63d2cd814",
    os_hash_algo: "sha512",
    os_hash_value: SHA,
  });

  it("streams Glance's data with the download headers, never more than a chunk or two ahead of the client", async () => {
    const produced = { count: 0 };
    const calls = stubGlanceLazily({
      [`GET /v2/images/${ID}`]: () => glanceJson(record),
      [`GET /v2/images/${ID}/file`]: () =>
        new Response(
          new ReadableStream<Uint8Array>(
            {
              pull(controller) {
                if (produced.count === CHUNKS) return controller.close();
                controller.enqueue(chunkOf(produced.count++));
              },
            },
            { highWaterMark: 0 },
          ),
          {
            headers: {
              "content-type": "application/octet-stream",
              "content-length": String(CHUNKS * CHUNK),
              "content-md5": "505c62d578cc8d5004b317b63d2cd814",
            },
          },
        ),
    });
    const response = await callWorker(`/api/glance/images/${ID}/file/`);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/octet-stream",
      "content-length": String(CHUNKS * CHUNK),
      // RFC 1864: the base64 of the MD5 of the body sent, here the whole image's (Glance sends hex).
      "content-md5": "UFxi1XjMjVAEsxe2PSzYFA==",
      "content-disposition": `attachment; filename="_berbild v2__final_"; filename*=UTF-8''%C3%9Cberbild%20v2_%22final%22`,
      "cache-control": "private, no-store",
      "repr-digest": `sha-512=:${btoa(String.fromCharCode(...Buffer.from(SHA, "hex")))}:`,
    });
    const reader = response.body!.getReader();
    let read = 0;
    let aheadMax = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      aheadMax = Math.max(aheadMax, produced.count * CHUNK - read);
    }
    expect(read).toBe(CHUNKS * CHUNK);
    expect(aheadMax).toBeLessThanOrEqual(4 * CHUNK);
    expect(calls.find((call) => call.path.endsWith("/file"))!.headers.get("x-auth-token")).toBe(TOKEN);
  });

  it("passes a Range on and answers Glance's 206 with Content-Range", async () => {
    const calls = stubGlanceLazily({
      [`GET /v2/images/${ID}`]: () => glanceJson(record),
      [`GET /v2/images/${ID}/file`]: () =>
        new Response("0123456789", {
          status: 206,
          headers: {
            "content-length": "10",
            "content-range": `bytes 10-19/${CHUNKS * CHUNK}`,
            "content-md5": "505c62d578cc8d5004b317b63d2cd814",
          },
        }),
    });
    const response = await callWorker(`/api/glance/images/${ID}/file/`, { headers: { range: "bytes=10-19" } });
    expect(response.status).toBe(206);
    // The whole image's MD5 is not the MD5 of the range sent: no Content-MD5 on a 206.
    expect(response.headers.get("content-md5")).toBeNull();
    expect(response.headers.get("content-range")).toBe(`bytes 10-19/${CHUNKS * CHUNK}`);
    expect(await response.text()).toBe("0123456789");
    expect(calls.find((call) => call.path.endsWith("/file"))!.headers.get("range")).toBe("bytes=10-19");
  });

  it("answers Glance's 416 as a problem with Content-Range giving the size", async () => {
    stubGlanceLazily({
      [`GET /v2/images/${ID}`]: () => glanceJson(record),
      [`GET /v2/images/${ID}/file`]: () =>
        new Response(
          "<html><body><h1>416 Request Range Not Satisfiable</h1>The Range requested is not available.</body></html>",
          { status: 416 },
        ),
    });
    const response = await callWorker(`/api/glance/images/${ID}/file/`, { headers: { range: "bytes=99999999-" } });
    expect((await problemOf(response, 416)).detail).toBe("The Range requested is not available.");
    expect(response.headers.get("content-range")).toBe(`bytes */${CHUNKS * CHUNK}`);
  });

  it("answers 204 when the image has no data", async () => {
    stubGlanceLazily({
      [`GET /v2/images/${ID}`]: () => glanceJson(glanceImage({ status: "queued", size: null })),
      [`GET /v2/images/${ID}/file`]: () => new Response(null, { status: 204 }),
    });
    const response = await callWorker(`/api/glance/images/${ID}/file/`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });

  it("keeps Glance's 403 for a deactivated image", async () => {
    stubGlanceLazily({
      [`GET /v2/images/${ID}`]: () => glanceJson(glanceImage({ status: "deactivated", size: 10 })),
      [`GET /v2/images/${ID}/file`]: () =>
        glanceError(403, "Forbidden", "The requested image has been deactivated. Image data download is forbidden."),
    });
    const response = await callWorker(`/api/glance/images/${ID}/file/`);
    expect((await problemOf(response, 403)).detail).toBe(
      "The requested image has been deactivated. Image data download is forbidden.",
    );
  });

  it("answers HEAD from the image's record (Glance has no HEAD on /file), without reading any data", async () => {
    const calls = stubGlanceLazily({ [`GET /v2/images/${ID}`]: () => glanceJson(record) });
    const response = await callWorker(`/api/glance/images/${ID}/file/`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(CHUNKS * CHUNK));
    expect(response.headers.get("content-md5")).toBe("UFxi1XjMjVAEsxe2PSzYFA==");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET /v2/images/${ID}`]);
  });
});

describe("format inspection and client digests on PUT …/file/ and …/stage/", () => {
  function stubUpload(image: Record<string, unknown>, target: "file" | "stage" = "file") {
    const receiver = uploadReceiver();
    const calls = stubGlanceLazily({
      "GET /v2/info/usage": usageUnlimited,
      [`GET /v2/images/${ID}`]: () => glanceJson(glanceImage({ status: "queued", size: null, ...image })),
      [`PUT /v2/images/${ID}/${target}`]: receiver.answer,
    });
    return { calls, seen: receiver.seen };
  }

  const put = (
    bytes: Uint8Array,
    headers: Record<string, string> = {},
    vars?: Record<string, string>,
    target = "file",
  ) =>
    callWorker(`/api/glance/images/${ID}/${target}/`, {
      method: "PUT",
      body: bytes,
      headers: { "content-type": "application/octet-stream", "content-length": String(bytes.byteLength), ...headers },
      vars,
    });

  const MiB = 1024 * 1024;

  it("refuses a qcow2 with a backing file uploaded as qcow2 as soon as its header is read: 400 naming the file, Glance never gets the whole body", async () => {
    const { calls, seen } = stubUpload({ disk_format: "qcow2" });
    const response = await put(qcow2({ backingFile: "/var/lib/nova/instances/_base/secret", length: 4 * MiB }));
    const problem = await problemOf(response, 400);
    expect(problem.type).toBe("urn:glance-edge:problem:unsafe-image");
    expect(problem.detail).toBe('detected qcow2 with a backing file "/var/lib/nova/instances/_base/secret"; refused');
    expect(seen.complete).toBe(false);
    expect(seen.bytes).toBeLessThanOrEqual(MiB);
    expect(callsOf(calls).slice(2)).toEqual([`PUT /v2/images/${ID}/file`]);
  });

  it("refuses a qcow2 uploaded as raw (Glance's format match) with 400 image-format-mismatch", async () => {
    const { seen } = stubUpload({ disk_format: "raw" });
    const problem = await problemOf(await put(qcow2({ length: MiB })), 400);
    expect(problem.type).toBe("urn:glance-edge:problem:image-format-mismatch");
    expect(problem.detail).toBe("detected qcow2, but the image's disk_format is raw; refused");
    expect(seen.complete).toBe(false);
  });

  it("refuses a small image (shorter than the inspected head) at its end, before Glance has its last byte", async () => {
    const { seen } = stubUpload({ disk_format: "raw" });
    const bytes = vmdk({ descriptor: MONOLITHIC_SPARSE_DESCRIPTOR.replace('"disk.vmdk"', '"/etc/passwd"') });
    const problem = await problemOf(await put(bytes), 400);
    expect(problem.detail).toBe('detected vmdk whose descriptor names the extent "/etc/passwd"; refused');
    expect(seen.complete).toBe(false);
    expect(seen.bytes).toBeLessThan(bytes.byteLength);
  });

  it("takes a qcow2 uploaded as qcow2 and names it in X-Image-Format with its virtual size", async () => {
    const { seen } = stubUpload({ disk_format: "qcow2" });
    const bytes = qcow2({ virtualSize: 2 ** 31, length: 300 * 1024 });
    const response = await put(bytes);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-image-format")).toBe(`qcow2;virtual-size=${2 ** 31}`);
    expect(seen).toEqual({ bytes: bytes.byteLength, complete: true });
  });

  it("does not match the format of a non-bare container (an OVA holds a tarball), but still refuses an unsafe header", async () => {
    stubUpload({ disk_format: "vmdk", container_format: "ova" });
    expect((await put(new Uint8Array(4096))).status).toBe(200);
    const unsafe = await problemOf(await put(qcow2({ backingFile: "base" }), {}), 400);
    expect(unsafe.type).toBe("urn:glance-edge:problem:unsafe-image");
  });

  it("refuses a declared virtual size over MAX_VIRTUAL_SIZE_BYTES", async () => {
    stubUpload({ disk_format: "qcow2" });
    const problem = await problemOf(
      await put(qcow2({ virtualSize: 2 ** 40 }), {}, { MAX_VIRTUAL_SIZE_BYTES: String(2 ** 30) }),
      400,
    );
    expect(problem.detail).toBe(
      `detected qcow2 with a virtual size of ${2 ** 40} bytes, over MAX_VIRTUAL_SIZE_BYTES (${2 ** 30}); refused`,
    );
  });

  it("FORMAT_INSPECTION=report lets the data through and says in X-Image-Format what enforce would refuse", async () => {
    const { seen } = stubUpload({ disk_format: "qcow2" });
    const bytes = qcow2({ backingFile: "base.raw" });
    const response = await put(bytes, {}, { FORMAT_INSPECTION: "report" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-image-format")).toBe(
      `qcow2;virtual-size=${2 ** 30};would-refuse="detected qcow2 with a backing file \\"base.raw\\""`,
    );
    expect(seen.complete).toBe(true);
  });

  it("FORMAT_INSPECTION=off checks no format (the image is read for its status only) and answers no X-Image-Format", async () => {
    const { calls, seen } = stubUpload({ disk_format: "raw" });
    const response = await put(qcow2({ backingFile: "base.raw" }), {}, { FORMAT_INSPECTION: "off" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-image-format")).toBeNull();
    expect(seen.complete).toBe(true);
    expect(callsBeforeUpload(calls)).toEqual([`GET /v2/images/${ID}`, "GET /v2/info/usage"]);
    expect(callsOf(calls).slice(2)).toEqual([`PUT /v2/images/${ID}/file`, `GET /v2/images/${ID}`]);
  });

  it("checks a Repr-Digest sent with the data and answers both digests", async () => {
    stubUpload({});
    const bytes = allBytes(4);
    const sha256 = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    const member = `sha-256=:${btoa(String.fromCharCode(...sha256))}:`;
    const response = await put(bytes, { "repr-digest": member });
    expect(response.status).toBe(200);
    expect(response.headers.get("repr-digest")).toMatch(
      new RegExp(`^sha-512=:[^:]+:, ${member.replace(/[+/]/g, "\\$&")}$`),
    );
  });

  it("aborts the upload when the data does not match its Repr-Digest: 400 naming both values, Glance never gets the last byte", async () => {
    const { seen, calls } = stubUpload({});
    const bytes = allBytes(4);
    const wrong = `sha-512=:${btoa(String.fromCharCode(...new Uint8Array(64)))}:`;
    const response = await put(bytes, { "repr-digest": wrong });
    const problem = await problemOf(response, 400);
    expect(problem.type).toBe("urn:glance-edge:problem:digest-mismatch");
    const actual = btoa(String.fromCharCode(...Buffer.from(await sha512Hex(bytes), "hex")));
    expect(problem.detail).toBe(`Repr-Digest says ${wrong} but the data received has sha-512=:${actual}:; refused`);
    expect(response.headers.get("want-repr-digest")).toBe("sha-512=10, sha-256=9");
    expect(seen.complete).toBe(false);
    expect(seen.bytes).toBeLessThan(bytes.byteLength);
    expect(callsOf(calls)).not.toContain(`GET /v2/images/${ID}/file`);
  });

  it("checks Content-MD5 (base64 or hex) and Content-Digest the same way", async () => {
    stubUpload({});
    const bytes = allBytes(2);
    const md5 = new Uint8Array(await crypto.subtle.digest("MD5", bytes));
    expect((await put(bytes, { "content-md5": Buffer.from(md5).toString("hex") })).status).toBe(200);
    const wrongMd5 = await problemOf(await put(bytes, { "content-md5": "1B2M2Y8AsgTpgAmY7PhCfg==" }), 400);
    expect(wrongMd5.detail).toBe(
      `Content-MD5 says 1B2M2Y8AsgTpgAmY7PhCfg== but the data received has ${btoa(String.fromCharCode(...md5))}; refused`,
    );
    const wrongDigest = await problemOf(
      await put(bytes, { "content-digest": `sha-256=:${btoa("x".repeat(32))}:` }),
      400,
    );
    expect(wrongDigest.detail).toMatch(/^Content-Digest says sha-256=:/);
  });

  it("refuses a malformed digest header with 400 before any Glance call", async () => {
    const calls = stubGlanceLazily({});
    const response = await put(allBytes(1), { "repr-digest": "sha-256=deadbeef" });
    const problem = await problemOf(response, 400);
    expect(problem.errors).toEqual([
      { location: "header", field: "Repr-Digest", message: expect.stringContaining("not an RFC 9530 digest") },
    ]);
    expect(calls).toEqual([]);
  });

  it("inspects staged data the same way: an unsafe image is refused and the stage request aborted", async () => {
    const { seen } = stubUpload({ disk_format: "qcow2" }, "stage");
    const problem = await problemOf(
      await put(qcow2({ dataFile: "/dev/sda", length: MiB }), {}, undefined, "stage"),
      400,
    );
    expect(problem.detail).toBe('detected qcow2 with an external data file "/dev/sda"; refused');
    expect(seen.complete).toBe(false);
  });
});

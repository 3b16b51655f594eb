import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { CreatedImageSchema } from "../../src/routes/images/image-create.schemas";
import { callWorker, type RawCallInit, TOKEN } from "../support/call-api";
import { qcow2 } from "../support/disk-images";
import { fieldsOf, problemOf } from "../support/expect";
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
import { glanceImage as glanceImageRecord } from "../support/glance-image";

afterEach(() => vi.restoreAllMocks());

const ID = "bbcfd60f-be6a-4cfb-af45-7f871b31dd79";
const IMAGES = "/api/glance/images/";
const BOUNDARY = "----HorizonFormBoundaryq1w2e3r4t5y6";
const CHUNK = 64 * 1024;
const encoder = new TextEncoder();

const glanceImage = (overrides: Record<string, unknown> = {}) => glanceImageRecord({ id: ID, ...overrides });

const glanceCreate: LazyAnswer = (call) => glanceJson(glanceImage(call.json as Record<string, unknown>), 201);

const FORM_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
const field = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = (filename = "cirros.qcow2") =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="data"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
const CLOSE = `\r\n--${BOUNDARY}--\r\n`;
const END = `--${BOUNDARY}--\r\n`;

const chunkOf = (index: number) => new Uint8Array(CHUNK).fill((index * 7 + 1) % 256);

/**
 * A multipart body made only as it is read: `head`, then `chunks` file chunks of 64 KiB, then
 * `tail`; `state.produced` counts the file chunks made so far.
 */
function lazyForm(head: string, chunks: number, tail = CLOSE) {
  const state = { produced: 0 };
  let step = -1;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (step === -1) controller.enqueue(encoder.encode(head));
        else if (step < chunks) {
          controller.enqueue(chunkOf(step));
          state.produced++;
        } else if (step === chunks) controller.enqueue(encoder.encode(tail));
        else controller.close();
        step++;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

/** Reads Glance's side of the upload a chunk at a time, noting how far ahead of it the client had been read. */
function lazyGlanceReader(state: { produced: number }) {
  const seen = { bytes: 0, aheadMax: 0, sha256: "" };
  const read = async (request: Request) => {
    const digest = new crypto.DigestStream("SHA-256");
    const writer = digest.getWriter();
    const reader = request.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen.bytes += value.byteLength;
      seen.aheadMax = Math.max(seen.aheadMax, state.produced * CHUNK - seen.bytes);
      await writer.write(value);
    }
    await writer.close();
    seen.sha256 = hex(await digest.digest);
  };
  return { seen, read };
}

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

function allChunks(chunks: number) {
  const all = new Uint8Array(chunks * CHUNK);
  for (let i = 0; i < chunks; i++) all.set(chunkOf(i), i * CHUNK);
  return all;
}

const sha256Of = async (chunks: number) => hex(await crypto.subtle.digest("SHA-256", allChunks(chunks)));
const sha512Of = async (chunks: number) => hex(await crypto.subtle.digest("SHA-512", allChunks(chunks)));
const base64OfHex = (value: string) =>
  btoa(String.fromCharCode(...(value.match(/../g) ?? []).map((pair) => parseInt(pair, 16))));

const postForm = (body: ReadableStream<Uint8Array> | string, init: RawCallInit = {}) =>
  callWorker(IMAGES, { method: "POST", body, ...init, headers: { "content-type": FORM_TYPE, ...init.headers } });

const callsOf = (calls: LazyCall[]) => calls.map((call) => `${call.method} ${call.path}`);

describe("POST /api/glance/images/ with multipart/form-data (Horizon's legacy upload)", () => {
  it("creates with typed fields, streams the data part to Glance lazily and answers 201 with the active image", async () => {
    const chunks = 32;
    const { stream, state } = lazyForm(
      field("name", "cirros") +
        field("disk_format", "raw") +
        field("min_disk", "2") +
        field("protected", "false") +
        field("hw_disk_bus", "virtio") +
        fileHead(),
      chunks,
    );
    const glanceSide = lazyGlanceReader(state);
    const sha512 = await sha512Of(chunks);
    const active = glanceImage({
      status: "active",
      size: chunks * CHUNK,
      min_disk: 2,
      os_hash_algo: "sha512",
      os_hash_value: sha512,
    });
    const calls = stubGlanceLazily({
      "POST /v2/images": glanceCreate,
      [`PUT /v2/images/${ID}/file`]: acceptsUpload(glanceSide.read),
      [`GET /v2/images/${ID}`]: () => glanceJson(active),
    });

    const response = await postForm(stream);

    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/api/glance/images/${ID}/`);
    expect(response.headers.get("repr-digest")).toBe(`sha-512=:${base64OfHex(sha512)}:`);
    expect(response.headers.get("x-image-format")).toBe("raw");
    const image = CreatedImageSchema.parse(await response.json());
    expect(image).toMatchObject({ id: ID, status: "active", size: chunks * CHUNK, min_disk: 2 });
    expect(image.upload_url).toBeUndefined();
    expect(callsOf(calls)).toEqual(["POST /v2/images", `PUT /v2/images/${ID}/file`, `GET /v2/images/${ID}`]);
    expect(calls[0].json).toEqual({
      name: "cirros",
      disk_format: "raw",
      container_format: "bare",
      visibility: "private",
      protected: false,
      min_disk: 2,
      min_ram: 0,
      hw_disk_bus: "virtio",
    });
    const put = calls[1];
    expect(put.headers.get("content-type")).toBe("application/octet-stream");
    expect(put.headers.get("x-auth-token")).toBe(TOKEN);
    expect(put.headers.get("content-length")).toBeNull();
    expect(glanceSide.seen.bytes).toBe(chunks * CHUNK);
    expect(glanceSide.seen.sha256).toBe(await sha256Of(chunks));
    // Never more than one 256 KiB upload chunk and two client chunks ahead of what Glance had read: the file is not held.
    expect(glanceSide.seen.aheadMax).toBeLessThanOrEqual(256 * 1024 + 2 * CHUNK);
  });

  it("takes $$originalJSON as the fields, with their JSON types, and ignores Horizon's string copies", async () => {
    const original = {
      name: "from-json",
      min_ram: 512,
      protected: true,
      tags: ["a"],
      data: {},
      source_type: "file-legacy",
    };
    const { stream, state } = lazyForm(
      field("name", "string copy") +
        field("min_ram", "512") +
        field("$$originalJSON", JSON.stringify(original)) +
        fileHead(),
      2,
    );
    const glanceSide = lazyGlanceReader(state);
    const calls = stubGlanceLazily({
      "POST /v2/images": glanceCreate,
      [`PUT /v2/images/${ID}/file`]: acceptsUpload(glanceSide.read),
      [`GET /v2/images/${ID}`]: () => glanceJson(glanceImage({ name: "from-json", status: "active", size: 2 * CHUNK })),
    });

    const response = await postForm(stream);

    expect(response.status, await response.clone().text()).toBe(201);
    expect(calls[0].json).toMatchObject({ name: "from-json", min_ram: 512, protected: true, tags: ["a"] });
    expect(calls[0].json).not.toHaveProperty("data");
    expect(calls[0].json).not.toHaveProperty("source_type");
    expect(glanceSide.seen.bytes).toBe(2 * CHUNK);
  });

  it("creates an image without data when the form has no data part (one Glance call)", async () => {
    const calls = stubGlanceLazily({ "POST /v2/images": glanceCreate });
    const response = await postForm(field("name", "empty") + field("visibility", "shared") + END);
    expect(response.status).toBe(201);
    expect(CreatedImageSchema.parse(await response.json()).status).toBe("queued");
    expect(callsOf(calls)).toEqual(["POST /v2/images"]);
    expect(calls[0].json).toMatchObject({ name: "empty", visibility: "shared" });
  });

  it.each([
    ["a min_disk that is not an integer", field("min_disk", "2GB"), ["min_disk"]],
    ["a protected that is not true/false", field("protected", "no"), ["protected"]],
    ["an unknown visibility (the JSON create's rule)", field("visibility", "everyone"), ["visibility"]],
    ["a reserved property", field("os_glance_x", "1"), ["os_glance_x"]],
    ["a field given twice", field("name", "a") + field("name", "b"), ["name"]],
    ["an invalid $$originalJSON", field("$$originalJSON", "{not json"), ["$$originalJSON"]],
    ["a $$originalJSON carrying data", field("$$originalJSON", '{"data": "x.iso"}'), ["data"]],
    [
      "a data file with source_type url",
      field("source_type", "url") + field("image_url", "https://example.org/x.img"),
      ["data"],
    ],
  ])("refuses %s with 400 naming the field, before any Glance call", async (_case, fields, names) => {
    const { stream, state } = lazyForm(fields + fileHead(), 64);
    const calls = stubGlanceLazily({});
    const response = await postForm(stream);
    const problem = await problemOf(response, 400);
    expect(fieldsOf(problem)).toEqual(names);
    expect(calls).toEqual([]);
    // The rest of a small body is read and dropped, so the refusal reaches a client still sending.
    expect(state.produced).toBe(64);
  });

  it("refuses a data field that is not a file with 400, reading no further (a malformed form is cut off)", async () => {
    const { stream, state } = lazyForm(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="data"\r\n\r\n{}\r\n` + fileHead(),
      64,
    );
    const calls = stubGlanceLazily({});
    expect(fieldsOf(await problemOf(await postForm(stream), 400))).toEqual(["data"]);
    expect(calls).toEqual([]);
    expect(state.produced).toBe(0);
  });

  it.each([
    [
      "the data part",
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="data"; filename*=UTF-8''%ZZ\r\nContent-Type: application/octet-stream\r\n\r\nabc${CLOSE}`,
    ],
    [
      "a field part",
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="name"; filename*=UTF-8''%E0%A4%A\r\n\r\nx\r\n${END}`,
    ],
    [
      "a lone %",
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="data"; filename*=UTF-8''100%\r\n\r\nabc${CLOSE}`,
    ],
  ])(
    "a part header whose filename* is not valid percent-encoding (%s) is a 400 on the body, creating nothing",
    async (_name, body) => {
      const calls = stubGlanceLazily({});
      const problem = await problemOf(await postForm(body), 400);
      expect(fieldsOf(problem)).toEqual(["(body)"]);
      expect(problem.detail).toBe("a part of the form has a malformed filename* parameter (RFC 8187 percent-encoding)");
      expect(calls).toEqual([]);
    },
  );

  it("reads at most 16 MiB of a refused body before cutting it off", async () => {
    const { stream, state } = lazyForm(field("min_disk", "x") + fileHead(), 1024);
    const calls = stubGlanceLazily({});
    await problemOf(await postForm(stream), 400);
    expect(calls).toEqual([]);
    expect(state.produced * CHUNK).toBeGreaterThan(16 * 1024 * 1024);
    expect(state.produced * CHUNK).toBeLessThanOrEqual(16 * 1024 * 1024 + 3 * CHUNK);
  });

  it("refuses an empty data part with 400 and creates nothing", async () => {
    const calls = stubGlanceLazily({});
    const response = await postForm(field("name", "x") + fileHead() + CLOSE);
    expect(fieldsOf(await problemOf(response, 400))).toEqual(["data"]);
    expect(calls).toEqual([]);
  });

  it("refuses fields over the cap with 413, reading no further and creating nothing", async () => {
    const fields = Array.from({ length: 300 }, (_, i) => field(`prop_${i}`, "v".repeat(1000))).join("");
    const { stream, state } = lazyForm(fields + fileHead(), 64);
    const calls = stubGlanceLazily({});
    const problem = await problemOf(await postForm(stream), 413);
    expect(problem.detail).toBe("the form fields before the data part exceed 262144 bytes");
    expect(calls).toEqual([]);
    expect(state.produced).toBe(0);
  });

  it("refuses a form without a boundary or without a closing boundary with 400 and creates nothing", async () => {
    const calls = stubGlanceLazily({});
    const noBoundary = await callWorker(IMAGES, {
      method: "POST",
      body: field("name", "x"),
      headers: { "content-type": "multipart/form-data" },
    });
    expect(fieldsOf(await problemOf(noBoundary, 400))).toEqual(["content-type"]);
    const truncated = await postForm(field("name", "x"));
    expect((await problemOf(truncated, 400)).detail).toBe("the form ends before its closing boundary");
    expect(calls).toEqual([]);
  });

  it("needs the token before parsing anything; the refused form is then read to its end and dropped (the answer reaches a client still sending)", async () => {
    const { stream, state } = lazyForm(field("name", "x") + fileHead(), 4);
    const calls = stubGlanceLazily({});
    const response = await postForm(stream, { headers: { "x-auth-token": "" } });
    expect(response.status).toBe(401);
    expect(calls).toEqual([]);
    expect(state.produced).toBe(4);
  });

  it("passes Glance's refusal of the upload on with its status and deletes the new image", async () => {
    const { stream } = lazyForm(field("name", "big") + fileHead(), 8);
    const calls = stubGlanceLazily({
      "POST /v2/images": glanceCreate,
      [`PUT /v2/images/${ID}/file`]: () =>
        glanceError(413, "Request Entity Too Large", "Denying attempt to upload image because it exceeds the quota"),
      [`DELETE /v2/images/${ID}`]: () => new Response(null, { status: 204 }),
    });

    const problem = await problemOf(await postForm(stream), 413);
    expect(problem.detail).toContain("exceeds the quota");
    expect(callsOf(calls)).toEqual(["POST /v2/images", `PUT /v2/images/${ID}/file`, `DELETE /v2/images/${ID}`]);
  });

  describe("format inspection of the data part", () => {
    /** A form whose data part is `bytes`, in 64 KiB chunks. */
    function formWith(head: string, bytes: Uint8Array) {
      const parts = [encoder.encode(head)];
      for (let at = 0; at < bytes.byteLength; at += CHUNK) parts.push(bytes.slice(at, at + CHUNK));
      parts.push(encoder.encode(CLOSE));
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          const part = parts.shift();
          if (part) controller.enqueue(part);
          else controller.close();
        },
      });
    }

    function stubCreateAndUpload() {
      const { seen, answer } = uploadReceiver();
      const calls = stubGlanceLazily({
        "POST /v2/images": glanceCreate,
        [`PUT /v2/images/${ID}/file`]: answer,
        [`GET /v2/images/${ID}`]: () => glanceJson(glanceImage({ status: "active" })),
        [`DELETE /v2/images/${ID}`]: () => new Response(null, { status: 204 }),
      });
      return { calls, seen };
    }

    it("refuses a qcow2 with a backing file: 400 naming it, the Glance upload aborted and the new image deleted", async () => {
      const { calls, seen } = stubCreateAndUpload();
      const form = formWith(
        field("name", "evil") + field("disk_format", "qcow2") + fileHead(),
        qcow2({ backingFile: "/etc/passwd", length: 1024 * 1024 }),
      );
      const problem = await problemOf(await postForm(form), 400);
      expect(problem.type).toBe("urn:glance-edge:problem:unsafe-image");
      expect(problem.detail).toBe('detected qcow2 with a backing file "/etc/passwd"; refused');
      expect(seen.complete).toBe(false);
      expect(callsOf(calls)).toEqual(["POST /v2/images", `PUT /v2/images/${ID}/file`, `DELETE /v2/images/${ID}`]);
    });

    it("refuses data in another format than the form's disk_format and deletes the new image", async () => {
      const { calls, seen } = stubCreateAndUpload();
      const form = formWith(
        field("name", "lie") + field("disk_format", "raw") + fileHead(),
        qcow2({ length: 100_000 }),
      );
      const problem = await problemOf(await postForm(form), 400);
      expect(problem.detail).toBe("detected qcow2, but the image's disk_format is raw; refused");
      expect(seen.complete).toBe(false);
      expect(callsOf(calls)).toContain(`DELETE /v2/images/${ID}`);
    });

    it("deletes the new image again when Glance, still putting the aborted upload's image back, answers 500", async () => {
      let deletes = 0;
      const calls = stubGlanceLazily({
        "POST /v2/images": glanceCreate,
        [`PUT /v2/images/${ID}/file`]: acceptsUpload(async (request) => void (await request.arrayBuffer())),
        [`DELETE /v2/images/${ID}`]: () =>
          ++deletes === 1
            ? glanceError(500, "Internal Server Error", "database is locked")
            : new Response(null, { status: 204 }),
      });
      const form = formWith(
        field("name", "evil") + field("disk_format", "qcow2") + fileHead(),
        qcow2({ backingFile: "b" }),
      );
      const problem = await problemOf(await postForm(form), 400);
      expect(problem.detail).toBe('detected qcow2 with a backing file "b"; refused');
      expect(callsOf(calls).filter((call) => call.startsWith("DELETE"))).toHaveLength(2);
    });

    it("takes a qcow2 for disk_format qcow2 and names it in X-Image-Format", async () => {
      const { seen } = stubCreateAndUpload();
      const bytes = qcow2({ virtualSize: 2 ** 30, length: 100_000 });
      const response = await postForm(
        formWith(field("name", "ok") + field("disk_format", "qcow2") + fileHead(), bytes),
      );
      expect(response.status).toBe(201);
      expect(response.headers.get("x-image-format")).toBe(`qcow2;virtual-size=${2 ** 30}`);
      expect(seen).toEqual({ bytes: bytes.byteLength, complete: true });
    });
  });

  it("answers 502 naming both digests when Glance's SHA-512 differs from the data that passed, and deletes the image", async () => {
    const { stream, state } = lazyForm(field("name", "x") + fileHead(), 4);
    const glanceSide = lazyGlanceReader(state);
    const wrong = "ab".repeat(64);
    const calls = stubGlanceLazily({
      "POST /v2/images": glanceCreate,
      [`PUT /v2/images/${ID}/file`]: acceptsUpload(glanceSide.read),
      [`GET /v2/images/${ID}`]: () =>
        glanceJson(glanceImage({ status: "active", size: 4 * CHUNK, os_hash_algo: "sha512", os_hash_value: wrong })),
      [`DELETE /v2/images/${ID}`]: () => new Response(null, { status: 204 }),
    });

    const problem = await problemOf(await postForm(stream), 502);
    expect(problem.detail).toBe(
      `Glance stored data whose SHA-512 is ${wrong}, but the data sent through had ${await sha512Of(4)}`,
    );
    expect(callsOf(calls)).toEqual([
      "POST /v2/images",
      `PUT /v2/images/${ID}/file`,
      `GET /v2/images/${ID}`,
      `DELETE /v2/images/${ID}`,
    ]);
  });

  it("stops a data part over MAX_UPLOAD_BYTES with 413 and deletes the new image", async () => {
    const { stream, state } = lazyForm(field("name", "big") + fileHead(), 64);
    const glanceSide = lazyGlanceReader(state);
    const calls = stubGlanceLazily({
      "POST /v2/images": glanceCreate,
      [`PUT /v2/images/${ID}/file`]: acceptsUpload(glanceSide.read),
      [`DELETE /v2/images/${ID}`]: () => new Response(null, { status: 204 }),
    });

    const problem = await problemOf(await postForm(stream, { vars: { MAX_UPLOAD_BYTES: String(4 * CHUNK) } }), 413);
    expect(problem.detail).toBe(`the data file is larger than this API accepts (MAX_UPLOAD_BYTES = ${4 * CHUNK})`);
    expect(callsOf(calls)).toEqual(["POST /v2/images", `PUT /v2/images/${ID}/file`, `DELETE /v2/images/${ID}`]);
    expect(glanceSide.seen.bytes).toBeLessThanOrEqual(4 * CHUNK);
    expect(state.produced).toBeLessThanOrEqual(6);
  });

  it("answers a part after the data part with 400 and deletes the image it had created", async () => {
    const { stream, state } = lazyForm(field("name", "x") + fileHead(), 8, `\r\n${field("late", "1")}${END}`);
    const glanceSide = lazyGlanceReader(state);
    const calls = stubGlanceLazily({
      "POST /v2/images": glanceCreate,
      // The upload body errors, so the fetch fails as a real one would.
      [`PUT /v2/images/${ID}/file`]: acceptsUpload(glanceSide.read),
      [`DELETE /v2/images/${ID}`]: () => new Response(null, { status: 204 }),
    });

    const problem = await problemOf(await postForm(stream), 400);
    expect(fieldsOf(problem)).toEqual(["late"]);
    expect(callsOf(calls)).toEqual(["POST /v2/images", `PUT /v2/images/${ID}/file`, `DELETE /v2/images/${ID}`]);
  });

  it("a client that stops sending the data part for UPLOAD_IDLE_TIMEOUT_MS is a 408, and the new image is deleted", async () => {
    let produced = 0;
    const head = encoder.encode(field("name", "x") + fileHead());
    const stalling = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (produced === 0) controller.enqueue(head);
          else if (produced < 3) controller.enqueue(chunkOf(produced));
          else return new Promise(() => {});
          produced++;
        },
      },
      { highWaterMark: 0 },
    );
    const calls = stubGlanceLazily({
      "POST /v2/images": glanceCreate,
      [`PUT /v2/images/${ID}/file`]: readsUntilAborted,
      [`DELETE /v2/images/${ID}`]: () => new Response(null, { status: 204 }),
    });
    const problem = await problemOf(await postForm(stalling, { vars: { UPLOAD_IDLE_TIMEOUT_MS: "100" } }), 408);
    expect(problem.type).toBe("urn:glance-edge:problem:request-timeout");
    expect(callsOf(calls)).toEqual(["POST /v2/images", `PUT /v2/images/${ID}/file`, `DELETE /v2/images/${ID}`]);
  });

  it("registers its clean-up before Glance's create: a caller who hangs up during the create leaves no image behind", async () => {
    const aborted = new AbortController();
    const ctx = createExecutionContext();
    const waitUntil = vi.spyOn(ctx, "waitUntil");
    let waitUntilBeforeCreate = -1;
    const calls = stubGlanceLazily({
      "POST /v2/images": async (call) => {
        waitUntilBeforeCreate = waitUntil.mock.calls.length;
        // The caller hangs up while Glance creates the image; Glance creates it all the same.
        aborted.abort(new Error("client hung up"));
        return glanceCreate(call);
      },
      [`DELETE /v2/images/${ID}`]: () => new Response(null, { status: 204 }),
    });
    const request = new Request(`https://edge.test${IMAGES}`, {
      method: "POST",
      body: encoder.encode(field("name", "x") + fileHead()),
      headers: { "content-type": FORM_TYPE, "x-auth-token": TOKEN },
      signal: aborted.signal,
    });
    // A body that keeps coming: only the first chunk of the data part has arrived when the create starts.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(field("name", "x") + fileHead()));
        controller.enqueue(chunkOf(0));
      },
      pull: () => new Promise(() => {}),
    });
    const response = await worker.fetch(
      new Request(request, { body, duplex: "half" } as RequestInit) as Request<unknown, IncomingRequestCfProperties>,
      env as Env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(waitUntilBeforeCreate).toBeGreaterThanOrEqual(1);
    expect(response.status).toBeGreaterThanOrEqual(400);
    // Nothing is uploaded for a caller who is gone; the image Glance made is deleted.
    expect(callsOf(calls)).toEqual(["POST /v2/images", `DELETE /v2/images/${ID}`]);
  });

  it("aborts the Glance upload when the caller hangs up, and deletes the new image", async () => {
    const aborted = new AbortController();
    let produced = 0;
    const head = encoder.encode(field("name", "x") + fileHead());
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (produced === 0) controller.enqueue(head);
          else if (produced < 4) controller.enqueue(chunkOf(produced));
          else {
            aborted.abort(new Error("client hung up"));
            controller.error(new Error("client hung up"));
          }
          produced++;
        },
      },
      { highWaterMark: 0 },
    );
    let glanceSignal: AbortSignal | undefined;
    const calls = stubGlanceLazily({
      "POST /v2/images": glanceCreate,
      [`PUT /v2/images/${ID}/file`]: async (call) => {
        glanceSignal = call.request.signal;
        await call.request.body!.pipeTo(new WritableStream());
        return new Response(null, { status: 204 });
      },
      [`DELETE /v2/images/${ID}`]: () => new Response(null, { status: 204 }),
    });

    const response = await callWorker(IMAGES, {
      method: "POST",
      body: stream,
      headers: { "content-type": FORM_TYPE },
      signal: aborted.signal,
    });

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(glanceSignal?.aborted).toBe(true);
    expect(callsOf(calls), await response.clone().text()).toEqual([
      "POST /v2/images",
      `PUT /v2/images/${ID}/file`,
      `DELETE /v2/images/${ID}`,
    ]);
  });

  it("still answers 415 for a body that is neither JSON nor a form", async () => {
    const calls = stubGlanceLazily({});
    const response = await callWorker(IMAGES, {
      method: "POST",
      body: "name=x",
      headers: { "content-type": "text/plain" },
    });
    await problemOf(response, 415);
    expect(calls).toEqual([]);
  });
});

describe("PUT/POST /api/glance/images/ with data naming a file (Horizon's direct upload)", () => {
  it.each(["PUT", "POST"])("%s answers 201 with upload_url on this API and no token", async (method) => {
    const calls = stubGlanceLazily({ "POST /v2/images": glanceCreate });
    const response = await callWorker(IMAGES, {
      method,
      body: JSON.stringify({ name: "direct", disk_format: "qcow2", source_type: "file-direct", data: "cirros.qcow2" }),
      headers: { "content-type": "application/json" },
    });

    expect(response.status).toBe(201);
    // Every authenticated answer is private, no-store (middleware/response-headers.ts): never cached with the URL in it.
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = (await response.json()) as Record<string, unknown>;
    const image = CreatedImageSchema.parse(body);
    expect(image.upload_url).toBe(`https://edge.test/api/glance/images/${ID}/file/`);
    expect(body).not.toHaveProperty("token_id");
    expect(JSON.stringify(body)).not.toContain(TOKEN);
    expect(callsOf(calls)).toEqual(["POST /v2/images"]);
    expect(calls[0].json).toEqual({
      name: "direct",
      disk_format: "qcow2",
      container_format: "bare",
      visibility: "private",
      protected: false,
      min_disk: 0,
      min_ram: 0,
    });
  });

  it.each([
    ["the region query", `${IMAGES}?region=RegionTwo`, {}],
    ["the X-OpenStack-Region header", IMAGES, { "x-openstack-region": "RegionTwo" }],
    ["no choice (the default region)", IMAGES, {}],
  ])("puts the region that served the create in upload_url's query: %s", async (_case, path, headers) => {
    stubGlanceLazily({ "POST /v2/images": glanceCreate });
    const response = await callWorker(path, {
      method: "PUT",
      body: JSON.stringify({ name: "direct", data: "a b.iso" }),
      headers: { "content-type": "application/json", ...headers },
      vars: { DEFAULT_REGION: "RegionTwo" },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    expect(CreatedImageSchema.parse(await response.json()).upload_url).toBe(
      `https://edge.test/api/glance/images/${ID}/file/?region=RegionTwo`,
    );
  });

  it("announces no upload when data is empty, as Horizon's UI sends it", async () => {
    stubGlanceLazily({ "POST /v2/images": glanceCreate });
    const response = await callWorker(IMAGES, {
      method: "PUT",
      body: JSON.stringify({ name: "x", data: {} }),
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(201);
    expect(CreatedImageSchema.parse(await response.json()).upload_url).toBeUndefined();
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { EXPIRES_PARAM, SIGNATURE_PARAM, signedUploadUrl, uploadBytesPath } from "../../src/resumable/signed-url";
import { callWorker, TOKEN } from "../support/call-api";
import { problemOf } from "../support/expect";
import { qcow2 } from "../support/disk-images";
import { glanceImage } from "../support/glance-image";
import { glanceError, glanceJson, type LazyCall, stubGlanceLazily } from "../support/glance-stub";
import { patchChunk, TUS } from "../support/tus-calls";

// The signed byte route Glance's web-download import fetches, and the web-download hand-off around it:
// uploads made through the tus routes (R2 and the Durable Object as the pool emulates them), Glance stubbed.
const ID = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";
const OTHER_ID = "0f4a1c3e-8d2b-4e6f-9a7c-1b3d5e7f9a0b";
const KEY = "route-test-signing-key-0123456789abcdef";
const BASE = "https://edge.test";
const VARS = { UPLOAD_HANDOFF: "web-download", PUBLIC_BASE_URL: BASE, UPLOAD_SIGNING_KEY: KEY };

const bytesOf = (length: number, seed = 1) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) % 251);

async function sha512Hex(bytes: Uint8Array) {
  return [...new Uint8Array(await crypto.subtle.digest("SHA-512", bytes))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

afterEach(() => {
  vi.restoreAllMocks();
});

interface GlanceState {
  status: string;
  diskFormat: string;
  /** What Glance's web-download read from the signed URL. */
  downloaded?: Uint8Array;
  downloadStatus?: number;
  importUri?: string;
  /** Glance's os_hash_value once active (the digest of what it read, unless a test says otherwise). */
  storedSha512?: string;
}

/**
 * A Glance with one queued image whose web-download import fetches the signed URL from the Worker (as the
 * real one does: no token, the whole body) in the background, and becomes active with the digest of what it read.
 */
function glanceForWebDownload(state: GlanceState, options: { lieAboutDigest?: boolean } = {}) {
  return stubGlanceLazily({
    [`GET /v2/images/${ID}`]: () =>
      glanceJson(
        glanceImage({
          id: ID,
          status: state.status,
          disk_format: state.diskFormat,
          ...(state.status === "active"
            ? { size: state.downloaded?.byteLength, os_hash_algo: "sha512", os_hash_value: state.storedSha512 }
            : {}),
        }),
      ),
    [`POST /v2/images/${ID}/import`]: (call: LazyCall) => {
      const method = (call.json as { method: { name: string; uri: string } }).method;
      state.importUri = method.uri;
      state.status = "importing";
      const url = new URL(method.uri);
      void (async () => {
        const response = await callWorker(`${url.pathname}${url.search}`, {
          headers: { "x-auth-token": "" },
          vars: VARS,
        });
        state.downloadStatus = response.status;
        try {
          const bytes = new Uint8Array(await response.arrayBuffer());
          if (response.status !== 200 || bytes.byteLength !== Number(response.headers.get("content-length")))
            throw new Error("short");
          state.downloaded = bytes;
          state.storedSha512 = options.lieAboutDigest ? "0".repeat(128) : await sha512Hex(bytes);
          state.status = "active";
        } catch {
          state.status = "queued";
        }
      })();
      return new Response(null, { status: 202 });
    },
  });
}

async function createUpload(length: number, vars: Record<string, string> = VARS) {
  const response = await callWorker(`/api/glance/images/${ID}/uploads/`, {
    method: "POST",
    headers: { ...TUS, "upload-length": String(length) },
    vars,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const location = new URL(response.headers.get("location") as string);
  return { path: `${location.pathname}${location.search}`, uploadId: location.pathname.split("/")[6] };
}

const patch = (path: string, offset: number, body: Uint8Array, vars: Record<string, string> = VARS) =>
  patchChunk(path, offset, body, { vars });

async function uploadStatus(path: string) {
  const response = await callWorker(path, { headers: TUS, vars: VARS });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    offset: number;
    handoff: { state: string; sha512?: string; problem?: { type: string; status: number; detail: string } };
  };
}

async function handoffEnded(path: string) {
  for (let i = 0; i < 750; i++) {
    const status = await uploadStatus(path);
    if (status.handoff.state === "done" || status.handoff.state === "failed") return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the hand-off did not end");
}

/** Uploads `bytes` in two chunks (two R2 segments) and returns the upload's path and id. */
async function completeUpload(bytes: Uint8Array) {
  const upload = await createUpload(bytes.byteLength);
  const half = Math.floor(bytes.byteLength / 2);
  expect((await patch(upload.path, 0, bytes.subarray(0, half))).status).toBe(204);
  expect((await patch(upload.path, half, bytes.subarray(half))).status).toBe(204);
  return upload;
}

function bytesPathOf(uri: string) {
  const url = new URL(uri);
  return `${url.pathname}${url.search}`;
}

const fetchBytes = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  callWorker(path, { method, headers: { "x-auth-token": "", ...headers }, vars: VARS });

describe("web-download hand-off and the signed byte route", () => {
  it("Glance pulls the bytes with a signed URL (no token in it); the image is active, its digest checked, the bytes freed", async () => {
    const bytes = bytesOf(300_000);
    const state: GlanceState = { status: "queued", diskFormat: "raw" };
    const calls = glanceForWebDownload(state);
    const upload = await completeUpload(bytes);
    const status = await handoffEnded(upload.path);
    expect(status.handoff).toEqual({ state: "done", sha512: await sha512Hex(bytes) });
    expect(state.downloaded).toEqual(bytes);

    const uri = new URL(state.importUri as string);
    expect(uri.origin).toBe(BASE);
    expect(uri.pathname).toBe(uploadBytesPath(ID, upload.uploadId));
    expect([...uri.searchParams.keys()].sort()).toEqual([EXPIRES_PARAM, SIGNATURE_PARAM]);
    expect(uri.href).not.toContain(TOKEN);
    expect(uri.href).not.toContain(KEY);
    const importCall = calls.find((call) => call.method === "POST");
    expect(importCall?.json).toEqual({ method: { name: "web-download", uri: state.importUri } });

    // Handed off: nothing is left to serve.
    const after = await fetchBytes(bytesPathOf(state.importUri as string));
    expect((await problemOf(after, 410)).detail).toMatch(/handed to Glance/);
  });

  it("a Glance digest other than the served bytes' fails the hand-off (502) and keeps the bytes for a retry", async () => {
    const bytes = bytesOf(100_000, 7);
    const state: GlanceState = { status: "queued", diskFormat: "raw" };
    glanceForWebDownload(state, { lieAboutDigest: true });
    const upload = await completeUpload(bytes);
    const status = await handoffEnded(upload.path);
    expect(status.handoff.state).toBe("failed");
    expect(status.handoff.problem).toMatchObject({ status: 502 });
    expect(status.handoff.problem?.detail).toContain(await sha512Hex(bytes));
    const again = await fetchBytes(bytesPathOf(state.importUri as string));
    expect(again.status).toBe(200);
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
  });

  it("a qcow2 with a backing file for a qcow2 image: refused from the stored head before Glance is asked to import", async () => {
    const head = qcow2({ backingFile: "/etc/hosts" });
    const state: GlanceState = { status: "queued", diskFormat: "qcow2" };
    const calls = glanceForWebDownload(state);
    const upload = await completeUpload(head);
    const status = await handoffEnded(upload.path);
    expect(status.handoff.state).toBe("failed");
    expect(status.handoff.problem).toMatchObject({ type: "urn:glance-edge:problem:unsafe-image", status: 400 });
    expect(status.handoff.problem?.detail).toMatch(/backing file/);
    expect(calls.filter((call) => call.method === "POST")).toEqual([]);
    expect(state.status).toBe("queued");
  });

  it("plain bytes for a vhd image (a fixed vhd's only footer is its last 512 bytes, so only the end can tell) stop before their last byte: Glance keeps nothing", async () => {
    const state: GlanceState = { status: "queued", diskFormat: "vhd" };
    const calls = glanceForWebDownload(state);
    const upload = await completeUpload(bytesOf(3 * 1024 * 1024 + 512, 11));
    const status = await handoffEnded(upload.path);
    expect(status.handoff.state).toBe("failed");
    expect(status.handoff.problem).toMatchObject({
      type: "urn:glance-edge:problem:image-format-mismatch",
      status: 400,
    });
    expect(status.handoff.problem?.detail).toMatch(/detected raw data.*disk_format is vhd/);
    // Glance was asked to import, and its download was cut short of the last byte.
    expect(calls.filter((call) => call.method === "POST")).toHaveLength(1);
    expect(state.downloadStatus).toBe(200);
    expect(state.downloaded).toBeUndefined();
    expect(state.status).toBe("queued");
  });
});

describe("web-download hand-off against Glance's answers", () => {
  it("Glance refusing the import (its URI filter) fails the hand-off with a 502 that names [import_filtering_opts]", async () => {
    stubGlanceLazily({
      [`GET /v2/images/${ID}`]: () => glanceJson(glanceImage({ id: ID, status: "queued", disk_format: "raw" })),
      [`POST /v2/images/${ID}/import`]: () =>
        glanceError(400, "Bad Request", "URI for web-download does not pass filtering: https://edge.test/…"),
    });
    const upload = await completeUpload(bytesOf(1000));
    const status = await handoffEnded(upload.path);
    expect(status.handoff.state).toBe("failed");
    expect(status.handoff.problem).toMatchObject({ type: "urn:glance-edge:problem:bad-gateway", status: 502 });
    expect(status.handoff.problem?.detail).toMatch(/does not pass filtering.*\[import_filtering_opts\]/s);
  });

  it("a queued image that still holds its import lock is waited for; once the task failed, its message is the problem", async () => {
    let looks = 0;
    stubGlanceLazily({
      // Queued with the lock for two looks (the task has not started), then queued without it (the task failed).
      [`GET /v2/images/${ID}`]: () =>
        glanceJson(
          glanceImage({
            id: ID,
            status: "queued",
            disk_format: "raw",
            ...(looks++ < 3 ? { os_glance_import_task: "7b0b8a52-1c1a-4c55-9d39-7f4bbd0c2a11" } : {}),
          }),
        ),
      [`POST /v2/images/${ID}/import`]: () => new Response(null, { status: 202 }),
      [`GET /v2/images/${ID}/tasks`]: () =>
        glanceJson({
          tasks: [
            { id: "a", status: "success", updated_at: "2026-12-05T08:00:00Z" },
            { id: "b", status: "failure", message: "connection refused", updated_at: "2026-12-05T08:01:00Z" },
          ],
        }),
    });
    const upload = await completeUpload(bytesOf(1000));
    const status = await handoffEnded(upload.path);
    expect(status.handoff.state).toBe("failed");
    expect(status.handoff.problem?.detail).toMatch(/it is queued \(Glance's task: connection refused\)/);
    expect(looks).toBeGreaterThan(3);
  });
});

describe("GET …/uploads/{upload_id}/bytes/ (signed, no token)", () => {
  /** A complete upload in stage mode (nothing pulls it) and a signed path to its bytes. */
  async function servedUpload(bytes: Uint8Array, expiresAt = Math.floor(Date.now() / 1000) + 600) {
    stubGlanceLazily({
      [`GET /v2/images/${ID}`]: () => glanceJson(glanceImage({ id: ID, status: "queued", disk_format: "raw" })),
      // The stage hand-off is left failing, so the bytes stay.
      [`PUT /v2/images/${ID}/stage`]: () => new Response("down", { status: 503 }),
    });
    const upload = await createUpload(bytes.byteLength, STAGE_VARS);
    const half = Math.floor(bytes.byteLength / 3);
    expect((await patch(upload.path, 0, bytes.subarray(0, half), STAGE_VARS)).status).toBe(204);
    expect((await patch(upload.path, half, bytes.subarray(half), STAGE_VARS)).status).toBe(204);
    const url = await signedUploadUrl(KEY, BASE, { uploadId: upload.uploadId, imageId: ID, expiresAt });
    return { ...upload, signed: bytesPathOf(url) };
  }

  const STAGE_VARS = { ...VARS, UPLOAD_HANDOFF: "stage" };

  it("serves every byte across segments with Content-Length and Accept-Ranges, HEAD without them, and no token needed", async () => {
    const bytes = bytesOf(50_000, 3);
    const { signed } = await servedUpload(bytes);
    const whole = await fetchBytes(signed);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-length")).toBe("50000");
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("cache-control")).toBe("private, no-store");
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);

    const head = await fetchBytes(signed, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("50000");
    expect(await head.text()).toBe("");
  });

  it("answers one Range across the segment boundary with 206, a range past the end with 416, several ranges with the whole body", async () => {
    const bytes = bytesOf(30_000, 5);
    const { signed } = await servedUpload(bytes);
    const partial = await fetchBytes(signed, { range: "bytes=9990-10009" });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe("bytes 9990-10009/30000");
    expect(partial.headers.get("content-length")).toBe("20");
    expect(new Uint8Array(await partial.arrayBuffer())).toEqual(bytes.subarray(9990, 10010));

    const suffix = await fetchBytes(signed, { range: "bytes=-7" });
    expect(suffix.status).toBe(206);
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(bytes.subarray(30_000 - 7));

    const outside = await fetchBytes(signed, { range: "bytes=30000-" });
    const problem = await problemOf(outside, 416);
    expect(outside.headers.get("content-range")).toBe("bytes */30000");
    expect(problem.type).toBe("urn:glance-edge:problem:range-not-satisfiable");

    const several = await fetchBytes(signed, { range: "bytes=0-1,5-6" });
    expect(several.status).toBe(200);
    expect((await several.arrayBuffer()).byteLength).toBe(30_000);
  });

  it("refuses a wrong, tampered or missing signature (403), another image's path (403) and an expired URL (410), never with bytes", async () => {
    const bytes = bytesOf(10_000, 9);
    const { signed, uploadId } = await servedUpload(bytes);
    const url = new URL(signed, BASE);
    const withParam = (name: string, value: string | null) => {
      const copy = new URL(url);
      if (value === null) copy.searchParams.delete(name);
      else copy.searchParams.set(name, value);
      return `${copy.pathname}${copy.search}`;
    };
    const expires = Number(url.searchParams.get(EXPIRES_PARAM));
    for (const path of [
      withParam(SIGNATURE_PARAM, null),
      withParam(SIGNATURE_PARAM, "A".repeat(43)),
      withParam(EXPIRES_PARAM, String(expires + 3600)),
      `${uploadBytesPath(OTHER_ID, uploadId)}${url.search}`,
    ]) {
      const response = await fetchBytes(path);
      const problem = await problemOf(response, 403);
      expect(problem.type).toBe("urn:glance-edge:problem:forbidden");
      expect(JSON.stringify(problem)).not.toContain(KEY);
    }
    const wrongKey = await callWorker(signed, {
      headers: { "x-auth-token": "" },
      vars: { ...VARS, UPLOAD_SIGNING_KEY: `${KEY}-rotated` },
    });
    await problemOf(wrongKey, 403);

    const past = await servedUpload(bytes, Math.floor(Date.now() / 1000) - 1);
    const expired = await fetchBytes(past.signed);
    const problem = await problemOf(expired, 410);
    expect(problem.type).toBe("urn:glance-edge:problem:gone");
  });

  it("an upload still receiving bytes is a 409", async () => {
    stubGlanceLazily({
      [`GET /v2/images/${ID}`]: () => glanceJson(glanceImage({ id: ID, status: "queued", disk_format: "raw" })),
    });
    const upload = await createUpload(1000, STAGE_VARS);
    expect((await patch(upload.path, 0, bytesOf(10), STAGE_VARS)).status).toBe(204);
    const url = await signedUploadUrl(KEY, BASE, {
      uploadId: upload.uploadId,
      imageId: ID,
      expiresAt: Math.floor(Date.now() / 1000) + 60,
    });
    await problemOf(await fetchBytes(bytesPathOf(url)), 409);
  });
});

import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tus from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2e } from "./support/context";
import { tokenOf } from "./support/http";
import { createGlanceImage, deleteImages, glanceImage, imageName } from "./support/images";
import { GLANCE_URL, KEYSTONE_URL, startService, stopService } from "./support/stack";
import { type RunningWorker, startWorker } from "./support/worker";

// Resumable uploads through glance-edge under wrangler dev (R2 and the Durable Objects emulated by
// miniflare, state under the Worker's --persist-to folder), driven by tus-js-client in Node as a user
// would, handed off to the real Glance. The suite's Worker refuses PATCH bodies over 16 MiB
// (MAX_REQUEST_BODY_BYTES, global-setup.ts) and hands off with web-download; a second Worker here uses `stage`.
const MiB = 1024 * 1024;
const BIG = 256 * MiB;
const CHUNK = 8 * MiB;
const HANDOFF_TIMEOUT_MS = 240_000;
const work = mkdtempSync(join(tmpdir(), "glance-edge-resumable-"));

// tus-js-client's types describe its browser build. In Node it also takes an fs.ReadStream (which it re-opens by path,
// so a resumed upload reads from its offset) and offers FileUrlStorage, which keeps upload URLs in a file across processes.
type UrlStorage = NonNullable<tus.Upload["options"]["urlStorage"]>;
const { FileUrlStorage } = tus as unknown as { FileUrlStorage: new (path: string) => UrlStorage };
const fileSource = (path: string) => createReadStream(path) as unknown as Buffer;

interface Fixture {
  path: string;
  size: number;
  md5: string;
  sha512: string;
}

/** A file of random bytes (written in 16 MiB pieces), with its size and digests. */
async function randomFile(name: string, size: number): Promise<Fixture> {
  const path = join(work, name);
  const md5 = createHash("md5");
  const sha512 = createHash("sha512");
  const out = createWriteStream(path);
  for (let written = 0; written < size;) {
    const piece = randomBytes(Math.min(16 * MiB, size - written));
    md5.update(piece);
    sha512.update(piece);
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    written += piece.byteLength;
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { path, size, md5: md5.digest("hex"), sha512: sha512.digest("hex") };
}

let big: Fixture;
let small: Fixture;
let stageWorker: RunningWorker | undefined;
const created: string[] = [];

beforeAll(async () => {
  [big, small] = [await randomFile("big.bin", BIG), await randomFile("small.bin", 20 * MiB + 12_345)];
  stageWorker = await startWorker({
    GLANCE_URL,
    KEYSTONE_URL,
    MAX_REQUEST_BODY_BYTES: String(16 * MiB),
    UPLOAD_HANDOFF: "stage",
  });
});

afterAll(async () => {
  await startService("glance");
  await stageWorker?.stop();
  await deleteImages(created);
  rmSync(work, { recursive: true, force: true });
});

async function queuedImage(label: string, fields: Record<string, unknown> = {}) {
  const image = await createGlanceImage({ name: imageName(label), ...fields });
  created.push(image.id);
  return image.id;
}

const uploadsOf = (imageId: string, baseUrl = e2e().baseUrl) => `${baseUrl}/api/glance/images/${imageId}/uploads/`;

interface TusOptions {
  endpoint: string;
  urlStorage?: UrlStorage;
  chunkSize?: number;
  /** Abort once this share of the file has been sent (the client "killed" mid-upload). */
  abortAt?: number;
  /** Records every PATCH's Upload-Offset. */
  offsets?: number[];
}

/** One tus-js-client upload of `file` from a fresh fs stream; resolves with its URL when it succeeds or is aborted. */
function tusUpload(file: Fixture, options: TusOptions, resume = false): Promise<{ url: string; aborted: boolean }> {
  return new Promise((resolve, reject) => {
    let aborted = false;
    const upload: tus.Upload = new tus.Upload(fileSource(file.path), {
      endpoint: options.endpoint,
      chunkSize: options.chunkSize ?? CHUNK,
      uploadSize: file.size,
      headers: { "X-Auth-Token": tokenOf("demo") },
      metadata: { filename: "disk.img" },
      retryDelays: [],
      ...(options.urlStorage
        ? { urlStorage: options.urlStorage, storeFingerprintForResuming: true, removeFingerprintOnSuccess: true }
        : { storeFingerprintForResuming: false }),
      onBeforeRequest(req) {
        const offset = req.getHeader("Upload-Offset");
        if (req.getMethod() === "PATCH" && offset !== undefined) options.offsets?.push(Number(offset));
      },
      onProgress(sent, total) {
        if (options.abortAt !== undefined && !aborted && sent >= total * options.abortAt) {
          aborted = true;
          void upload.abort().then(() => resolve({ url: upload.url ?? "", aborted }), reject);
        }
      },
      onSuccess: () => resolve({ url: upload.url ?? "", aborted }),
      onError: reject,
    });
    if (!resume) return upload.start();
    void upload.findPreviousUploads().then((previous) => {
      if (previous.length !== 1) return reject(new Error(`expected one stored upload, found ${previous.length}`));
      upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    }, reject);
  });
}

const tusHeaders = (extra: Record<string, string> = {}) => ({
  "tus-resumable": "1.0.0",
  "x-auth-token": tokenOf("demo"),
  ...extra,
});

async function uploadStatus(url: string) {
  const response = await fetch(url, { headers: tusHeaders(), signal: AbortSignal.timeout(30_000) });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as {
    offset: number;
    length: number;
    handoff: { state: string; problem?: { type: string; status: number; detail: string }; sha512?: string };
  };
}

/** HEAD until the hand-off has ended (done or failed); returns the upload's status then. */
async function handoffEnded(url: string, timeoutMs = HANDOFF_TIMEOUT_MS) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const head = await fetch(url, { method: "HEAD", headers: tusHeaders(), signal: AbortSignal.timeout(30_000) });
    expect(head.status).toBe(200);
    expect(head.headers.get("tus-resumable")).toBe("1.0.0");
    const state = head.headers.get("upload-handoff");
    if (state === "done" || state === "failed") return await uploadStatus(url);
    if (Date.now() > until) throw new Error(`the hand-off is still ${state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function expectImported(imageId: string, file: Fixture) {
  const image = await glanceImage(imageId);
  expect(image.status).toBe("active");
  expect(image.size).toBe(file.size);
  expect(image.checksum).toBe(file.md5);
  expect(image.os_hash_algo).toBe("sha512");
  expect(image.os_hash_value).toBe(file.sha512);
}

/** The keys of the objects the Worker's local R2 bucket holds for an upload (miniflare's SQLite index of the bucket). */
function storedObjects(persistDir: string, uploadId: string): string[] {
  const root = join(persistDir, "v3", "r2");
  const databases: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".sqlite")) databases.push(path);
    }
  };
  walk(root);
  const sql = (database: string, query: string) =>
    execFileSync("sqlite3", [database, query], { stdio: "pipe" }).toString().split("\n").filter(Boolean);
  // metadata.sqlite (the namespace's) has no objects table: the bucket's own database is the one that has.
  const buckets = databases.filter(
    (database) => sql(database, "SELECT name FROM sqlite_master WHERE name = '_mf_objects';").length,
  );
  expect(buckets.length, `no R2 bucket database under ${root}`).toBeGreaterThan(0);
  return buckets.flatMap((database) =>
    sql(database, `SELECT key FROM _mf_objects WHERE key LIKE 'uploads/${uploadId}/%';`),
  );
}

const uploadIdOf = (url: string) => new URL(url).pathname.split("/").filter(Boolean).at(-1) as string;

/** A PATCH whose Content-Length says the whole file: refused before the body is read (the body keeps coming until the answer). */
function oneRequestPatch(url: string, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: "PATCH",
      headers: tusHeaders({
        "upload-offset": "0",
        "content-type": "application/offset+octet-stream",
        "content-length": String(length),
      }),
    });
    let answered = false;
    req.on("response", (response) => {
      answered = true;
      response.resume();
      resolve(response.statusCode ?? 0);
      req.destroy();
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const piece = Buffer.alloc(MiB);
    const pump = () => {
      while (!answered && req.write(piece));
      if (!answered) req.once("drain", pump);
    };
    pump();
  });
}

describe("resumable uploads (tus) against the real Glance", () => {
  it("256 MiB in 8 MiB chunks: a client killed at ~40 %, a new client resumes from the stored URL, web-download makes the image active with the file's size, MD5 and SHA-512, and the R2 bytes are freed", async () => {
    const imageId = await queuedImage("tus-big");
    const endpoint = uploadsOf(imageId);
    const storage = new FileUrlStorage(join(work, "tus-urls.json"));

    const firstOffsets: number[] = [];
    const first = await tusUpload(big, { endpoint, urlStorage: storage, abortAt: 0.4, offsets: firstOffsets });
    expect(first.aborted).toBe(true);
    const stopped = await uploadStatus(first.url);
    expect(stopped.length).toBe(BIG);
    expect(stopped.offset % CHUNK).toBe(0);
    expect(stopped.offset).toBeGreaterThanOrEqual(BIG * 0.4 - CHUNK);
    expect(stopped.offset).toBeLessThan(BIG * 0.5);
    expect(stopped.handoff.state).toBe("none");

    // Sending the whole file in one request is refused before a byte is stored.
    expect(await oneRequestPatch(first.url, BIG)).toBe(413);
    expect((await uploadStatus(first.url)).offset).toBe(stopped.offset);

    const resumedOffsets: number[] = [];
    const second = await tusUpload(big, { endpoint, urlStorage: storage, offsets: resumedOffsets }, true);
    expect(second.url).toBe(first.url);
    expect(resumedOffsets[0]).toBe(stopped.offset);
    expect(resumedOffsets.length).toBe((BIG - stopped.offset) / CHUNK);

    const status = await handoffEnded(second.url);
    expect(status.handoff).toMatchObject({ state: "done", sha512: big.sha512 });
    await expectImported(imageId, big);
    expect(storedObjects(e2e().persistDir, uploadIdOf(second.url))).toEqual([]);
  });

  it("stage hand-off (UPLOAD_HANDOFF=stage): the bytes go to Glance's stage and a glance-direct import", async () => {
    const imageId = await queuedImage("tus-stage");
    const { url } = await tusUpload(small, { endpoint: uploadsOf(imageId, stageWorker!.baseUrl) });
    const status = await handoffEnded(url);
    expect(status.handoff).toMatchObject({ state: "done", sha512: small.sha512 });
    await expectImported(imageId, small);
    expect(storedObjects(stageWorker!.persistDir, uploadIdOf(url))).toEqual([]);
  });

  it("a chunk that does not match its Upload-Checksum: 460, the offset stays; termination frees its stored bytes", async () => {
    const imageId = await queuedImage("tus-checksum");
    const created = await fetch(uploadsOf(imageId), {
      method: "POST",
      headers: tusHeaders({ "upload-length": String(small.size) }),
    });
    expect(created.status).toBe(201);
    const url = new URL(created.headers.get("location") as string, e2e().baseUrl).href;
    const chunk = readFileSync(small.path).subarray(0, CHUNK);
    const patch = (checksum: string) =>
      fetch(url, {
        method: "PATCH",
        headers: tusHeaders({
          "upload-offset": "0",
          "content-type": "application/offset+octet-stream",
          "upload-checksum": `sha256 ${checksum}`,
        }),
        body: chunk,
      });
    const wrong = createHash("sha256").update("not these bytes").digest("base64");
    const mismatch = await patch(wrong);
    expect(mismatch.status, await mismatch.text()).toBe(460);
    expect((await uploadStatus(url)).offset).toBe(0);
    expect(storedObjects(e2e().persistDir, uploadIdOf(url))).toEqual([]);

    const right = await patch(createHash("sha256").update(chunk).digest("base64"));
    expect(right.status, await right.text()).toBe(204);
    expect(right.headers.get("upload-offset")).toBe(String(CHUNK));
    expect(storedObjects(e2e().persistDir, uploadIdOf(url)).length).toBe(1);

    const terminated = await fetch(url, { method: "DELETE", headers: tusHeaders() });
    expect(terminated.status).toBe(204);
    expect(storedObjects(e2e().persistDir, uploadIdOf(url))).toEqual([]);
    expect((await fetch(url, { method: "HEAD", headers: tusHeaders() })).status).toBe(404);
  });

  it("Glance down when the last byte lands: the upload reports the failed hand-off and keeps its bytes, and a retry succeeds", async () => {
    const imageId = await queuedImage("tus-glance-down");
    const storage = new FileUrlStorage(join(work, "tus-urls-down.json"));
    const endpoint = uploadsOf(imageId);
    // All but the last chunk, then Glance stops, then the last chunk.
    const partial = await tusUpload(small, { endpoint, urlStorage: storage, abortAt: 0.7 });
    const uploadId = uploadIdOf(partial.url);
    await stopService("glance");
    try {
      await tusUpload(small, { endpoint, urlStorage: storage }, true);
      const failed = await handoffEnded(partial.url);
      expect(failed.handoff.state).toBe("failed");
      expect(failed.handoff.problem?.status).toBe(502);
      expect(storedObjects(e2e().persistDir, uploadId).length).toBeGreaterThan(0);
    } finally {
      await startService("glance");
    }
    const retry = await fetch(`${partial.url.replace(/\?.*$/, "").replace(/\/?$/, "/")}handoff/`, {
      method: "POST",
      headers: tusHeaders(),
    });
    expect(retry.status, await retry.text()).toBe(202);
    const done = await handoffEnded(partial.url);
    expect(done.handoff).toMatchObject({ state: "done", sha512: small.sha512 });
    await expectImported(imageId, small);
    expect(storedObjects(e2e().persistDir, uploadId)).toEqual([]);
  });

  it("a qcow2 with a backing file is refused at the web-download hand-off: Glance never gets its data", async () => {
    execFileSync("qemu-img", ["create", "-q", "-f", "raw", join(work, "base.raw"), "1M"]);
    execFileSync("qemu-img", [
      "create",
      "-q",
      "-f",
      "qcow2",
      "-b",
      join(work, "base.raw"),
      "-F",
      "raw",
      join(work, "backed.qcow2"),
    ]);
    const bytes = readFileSync(join(work, "backed.qcow2"));
    const backed = { path: join(work, "backed.qcow2"), size: bytes.byteLength, md5: "", sha512: "" };
    const imageId = await queuedImage("tus-unsafe", { disk_format: "qcow2" });
    const { url } = await tusUpload(backed, { endpoint: uploadsOf(imageId) });
    const status = await handoffEnded(url);
    expect(status.handoff.state).toBe("failed");
    expect(status.handoff.problem).toMatchObject({ type: "urn:glance-edge:problem:unsafe-image", status: 400 });
    expect(status.handoff.problem?.detail).toMatch(/backing file/);
    const image = await glanceImage(imageId);
    expect(image.status).toBe("queued");
    expect(image.size).toBeNull();
  });
});

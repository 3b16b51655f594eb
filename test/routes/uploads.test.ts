import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from "vitest";
import { callWorker, TOKEN } from "../support/call-api";
import { problemOf } from "../support/expect";
import { patchChunk, TUS } from "../support/tus-calls";
import { glanceImage } from "../support/glance-image";
import { GLANCE, glanceError, glanceJson, KEYSTONE, type LazyAnswer, stubGlanceLazily } from "../support/glance-stub";
import { TOMBSTONE_MS, type UploadObject } from "../../src/resumable/upload-object";

const ID = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";
const COLLECTION = `/api/glance/images/${ID}/uploads/`;
const OTHER_TOKEN = "gAAAAABother-project-token-fedcba9876543210";

const bytesOf = (length: number, seed = 1) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) % 251);

async function hex(algorithm: string, bytes: Uint8Array) {
  return [...new Uint8Array(await crypto.subtle.digest(algorithm, bytes))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

async function base64Digest(algorithm: string, bytes: Uint8Array) {
  return btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest(algorithm, bytes))));
}

/** A Glance that holds one queued raw image, takes its staged data and imports it (the image then active). */
function glanceForHandoff(options: { stage?: LazyAnswer } = {}) {
  const image = { status: "queued", staged: new Uint8Array(0), sha512: "" };
  const received: Uint8Array[] = [];
  const calls = stubGlanceLazily({
    [`GET /v2/images/${ID}`]: () =>
      glanceJson(
        glanceImage({
          id: ID,
          status: image.status,
          disk_format: "raw",
          ...(image.status === "active"
            ? { size: image.staged.byteLength, os_hash_algo: "sha512", os_hash_value: image.sha512 }
            : {}),
        }),
      ),
    [`PUT /v2/images/${ID}/stage`]: async (call) => {
      if (options.stage) return options.stage(call);
      const bytes = new Uint8Array(await call.request.arrayBuffer());
      received.push(bytes);
      image.staged = bytes;
      image.sha512 = await hex("SHA-512", bytes);
      image.status = "uploading";
      return new Response(null, { status: 204 });
    },
    [`POST /v2/images/${ID}/import`]: () => {
      image.status = "active";
      return new Response(null, { status: 202 });
    },
  });
  return { image, calls, received };
}

async function createUpload(
  length: number,
  headers: Record<string, string> = {},
  token = TOKEN,
  vars: Record<string, string> = {},
  body?: Uint8Array,
) {
  const response = await callWorker(COLLECTION, {
    method: "POST",
    headers: { ...TUS, "upload-length": String(length), "x-auth-token": token, ...headers },
    vars,
    body,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const location = new URL(response.headers.get("location") as string);
  return { response, path: `${location.pathname}${location.search}`, uploadId: location.pathname.split("/")[6] };
}

const patch = (path: string, offset: number, body: Uint8Array, headers: Record<string, string> = {}) =>
  patchChunk(path, offset, body, { headers });

const head = (path: string, token = TOKEN) =>
  callWorker(path, { method: "HEAD", headers: { ...TUS, "x-auth-token": token } });

async function storedKeys(uploadId: string) {
  return (await env.UPLOAD_BYTES.list({ prefix: `uploads/${uploadId}/` })).objects.map((object) => object.key);
}

/** HEAD until the hand-off settles (the Durable Object's alarm runs it). */
async function settledHandoff(path: string) {
  for (let i = 0; i < 200; i++) {
    const response = await head(path);
    const state = response.headers.get("upload-handoff");
    if (state === "done" || state === "failed") return response;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the hand-off did not settle");
}

beforeEach(() => {
  glanceForHandoff();
});

/** Every console line from now on (the access log and the Durable Object's), to check no token is in one. */
function loggedLines() {
  const lines: string[] = [];
  for (const level of ["log", "info", "warn", "error"] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  return lines;
}
afterEach(() => vi.restoreAllMocks());

describe("tus protocol", () => {
  it("OPTIONS answers the capabilities without a token, MAX_REQUEST_BODY_BYTES as Tus-Max-Chunk-Size", async () => {
    const response = await callWorker(COLLECTION, {
      method: "OPTIONS",
      headers: { "x-auth-token": "" },
      vars: { MAX_UPLOAD_BYTES: "1073741824" },
    });
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "tus-resumable": "1.0.0",
      "tus-version": "1.0.0",
      "tus-extension": "creation,creation-with-upload,termination,checksum,expiration",
      "tus-checksum-algorithm": "sha1,sha256,sha512,md5",
      "tus-max-size": "1073741824",
      "tus-max-chunk-size": "104857600",
    });
  });

  it("a request without Tus-Resumable 1.0.0 is a 412 naming the version, with Tus-Resumable", async () => {
    for (const headers of [{}, { "tus-resumable": "0.2.2" }] as Record<string, string>[]) {
      const response = await callWorker(COLLECTION, { method: "POST", headers: { ...headers, "upload-length": "1" } });
      expect(response.status).toBe(412);
      expect(response.headers.get("tus-resumable")).toBe("1.0.0");
      expect(response.headers.get("tus-version")).toBe("1.0.0");
      expect((await problemOf(response)).type).toBe("urn:glance-edge:problem:unsupported-protocol-version");
    }
  });

  it("creates an upload (201, Location keeping the region), HEAD answers offset, length, metadata and expiry", async () => {
    const before = Date.now();
    const metadata = "filename Y2lycm9zLmltZw==,empty";
    const { response, path } = await createUpload(10, { "upload-metadata": metadata });
    expect(response.headers.get("tus-resumable")).toBe("1.0.0");
    expect(response.headers.get("upload-offset")).toBe("0");
    expect(response.headers.get("location")).toMatch(
      new RegExp(`^https://edge\\.test/api/glance/images/${ID}/uploads/[0-9a-f]{64}/$`),
    );
    const answer = await head(path);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("upload-offset")).toBe("0");
    expect(answer.headers.get("upload-length")).toBe("10");
    expect(answer.headers.get("upload-metadata")).toBe(metadata);
    expect(answer.headers.get("cache-control")).toContain("no-store");
    expect(answer.headers.get("upload-handoff")).toBe("none");
    const expires = Date.parse(answer.headers.get("upload-expires") as string);
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 86_400_000);
    const json = await callWorker(path);
    expect(await json.json()).toMatchObject({ offset: 0, length: 10, metadata: { filename: "cirros.img", empty: "" } });
  });

  it("PATCH appends at the offset; a wrong offset is a 409, a wrong type 415, no length 411, over the cap 413", async () => {
    const { path } = await createUpload(10);
    const first = await patch(path, 0, bytesOf(4));
    expect(first.status).toBe(204);
    expect(first.headers.get("upload-offset")).toBe("4");
    expect(first.headers.get("tus-resumable")).toBe("1.0.0");

    const mismatch = await patch(path, 0, bytesOf(4));
    expect(mismatch.status).toBe(409);
    expect(mismatch.headers.get("tus-resumable")).toBe("1.0.0");
    expect((await problemOf(mismatch)).type).toBe("urn:glance-edge:problem:conflict");

    const wrongType = await patch(path, 4, bytesOf(2), { "content-type": "application/octet-stream" });
    expect(wrongType.status).toBe(415);

    const tooLarge = await callWorker(path, {
      method: "PATCH",
      headers: {
        ...TUS,
        "content-type": "application/offset+octet-stream",
        "upload-offset": "4",
        "content-length": "6",
      },
      body: bytesOf(6),
      vars: { MAX_REQUEST_BODY_BYTES: "5" },
    });
    expect(tooLarge.status).toBe(413);
    expect((await problemOf(tooLarge)).detail).toContain("MAX_REQUEST_BODY_BYTES = 5");

    const pastLength = await patch(path, 4, bytesOf(7));
    expect(pastLength.status).toBe(413);
    expect((await head(path)).headers.get("upload-offset")).toBe("4");
  });

  it("a chunk that does not match its Upload-Checksum is a 460: discarded, the offset unchanged", async () => {
    const { path, uploadId } = await createUpload(8);
    const chunk = bytesOf(8);
    const wrong = await patch(path, 0, chunk, {
      "upload-checksum": `sha256 ${await base64Digest("SHA-256", bytesOf(8, 2))}`,
    });
    expect(wrong.status).toBe(460);
    expect((await problemOf(wrong)).type).toBe("urn:glance-edge:problem:checksum-mismatch");
    expect((await head(path)).headers.get("upload-offset")).toBe("0");
    expect(await storedKeys(uploadId)).toEqual([]);

    const badAlgorithm = await patch(path, 0, chunk, { "upload-checksum": "crc32 AAAAAA==" });
    expect(badAlgorithm.status).toBe(400);

    const right = await patch(path, 0, chunk.slice(0, 5), {
      "upload-checksum": `sha1 ${await base64Digest("SHA-1", chunk.slice(0, 5))}`,
    });
    expect(right.status).toBe(204);
    expect(right.headers.get("upload-offset")).toBe("5");
  });

  it("of two concurrent PATCHes at one offset one wins, the other gets a 409, and the bytes are the winner's", async () => {
    const glance = glanceForHandoff();
    const { path, uploadId } = await createUpload(8);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reading!: () => void;
    const firstIsWriting = new Promise<void>((resolve) => (reading = resolve));
    let pulls = 0;
    // The second pull comes once the Worker has read the first chunk, i.e. holds the lease and is writing.
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        pulls++;
        if (pulls === 1) return controller.enqueue(bytesOf(4));
        reading();
        await held;
        controller.enqueue(bytesOf(4));
        controller.close();
      },
    });
    const first = callWorker(path, {
      method: "PATCH",
      headers: {
        ...TUS,
        "content-type": "application/offset+octet-stream",
        "upload-offset": "0",
        "content-length": "8",
      },
      body: slow,
    });
    await firstIsWriting;
    const second = await patch(path, 0, bytesOf(8, 9));
    expect(second.status).toBe(409);
    release();
    expect((await first).status).toBe(204);
    expect((await head(path)).headers.get("upload-offset")).toBe("8");
    expect((await settledHandoff(path)).headers.get("upload-handoff")).toBe("done");
    expect(glance.received[0]).toEqual(new Uint8Array([...bytesOf(4), ...bytesOf(4)]));
    expect(await storedKeys(uploadId)).toHaveLength(0);
  });

  it("another project's (another token's) request for the upload is a 404", async () => {
    const { path } = await createUpload(4);
    expect((await head(path, OTHER_TOKEN)).status).toBe(404);
    const other = await patch(path, 0, bytesOf(4), { "x-auth-token": OTHER_TOKEN });
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain(TOKEN);
    expect((await head(path)).headers.get("upload-offset")).toBe("0");
  });

  it("with KEYSTONE_URL the upload is the token's project's: another token of it resumes, another project's gets 404", async () => {
    const glance = (globalThis.fetch as unknown as Mock).getMockImplementation() as typeof fetch;
    const projects: Record<string, string> = {
      [TOKEN]: "project-a",
      "gAAAAABsecond-token-of-project-a-0123456789": "project-a",
      [OTHER_TOKEN]: "project-b",
    };
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const request = new Request(input as RequestInfo, init);
      if (new URL(request.url).origin !== KEYSTONE) return glance(request);
      const project = projects[request.headers.get("x-subject-token") ?? ""];
      return glanceJson({
        token: {
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          methods: ["password"],
          project: { id: project },
          roles: [{ id: "r", name: "member" }],
          catalog: [],
        },
      });
    });
    const vars = { GLANCE_URL: GLANCE, KEYSTONE_URL: KEYSTONE };
    const { path } = await createUpload(4, {}, TOKEN, vars);
    const sameProject = await callWorker(path, {
      method: "PATCH",
      headers: {
        ...TUS,
        "x-auth-token": "gAAAAABsecond-token-of-project-a-0123456789",
        "content-type": "application/offset+octet-stream",
        "upload-offset": "0",
        "content-length": "2",
      },
      body: bytesOf(2),
      vars,
    });
    expect(sameProject.status).toBe(204);
    const otherProject = await callWorker(path, {
      method: "HEAD",
      headers: { ...TUS, "x-auth-token": OTHER_TOKEN },
      vars,
    });
    expect(otherProject.status).toBe(404);
    const withoutKeystone = await callWorker(path, {
      method: "HEAD",
      headers: { ...TUS, "x-auth-token": "gAAAAABsecond-token-of-project-a-0123456789" },
    });
    expect(withoutKeystone.status).toBe(404);
  });

  it("an upload id that is not one (or of another image) is a 404", async () => {
    const { uploadId } = await createUpload(4);
    expect((await head(`${COLLECTION}${"0".repeat(64)}/`)).status).toBe(404);
    expect((await head(`${COLLECTION}nope/`)).status).toBe(404);
    const otherImage = `/api/glance/images/11111111-2222-4333-8444-555555555555/uploads/${uploadId}/`;
    expect((await head(otherImage)).status).toBe(404);
  });

  it("DELETE terminates: 204, its R2 objects freed, then 404", async () => {
    const { path, uploadId } = await createUpload(10);
    expect((await patch(path, 0, bytesOf(6))).status).toBe(204);
    expect(await storedKeys(uploadId)).toHaveLength(1);
    const stub = env.UPLOADS.get(env.UPLOADS.idFromString(uploadId));
    expect(await stub.storedSegments()).toEqual([{ offset: 0, size: 6, key: (await storedKeys(uploadId))[0] }]);
    const deleted = await callWorker(path, { method: "DELETE", headers: TUS });
    expect(deleted.status).toBe(204);
    expect(await storedKeys(uploadId)).toEqual([]);
    expect((await head(path)).status).toBe(404);
  });
});

describe("expiry, creation-with-upload, CORS", () => {
  it("an expired upload answers 410 and its alarm frees the R2 objects", async () => {
    const { path, uploadId } = await createUpload(10, {}, TOKEN, { UPLOAD_EXPIRY_SECONDS: "1" });
    expect((await patch(path, 0, bytesOf(3))).status).toBe(204);
    expect(await storedKeys(uploadId)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const gone = await callWorker(path, {
      method: "PATCH",
      headers: {
        ...TUS,
        "content-type": "application/offset+octet-stream",
        "upload-offset": "3",
        "content-length": "1",
      },
      body: bytesOf(1),
    });
    expect(gone.status).toBe(410);
    expect((await problemOf(gone)).type).toBe("urn:glance-edge:problem:gone");
    const stub = env.UPLOADS.get(env.UPLOADS.idFromString(uploadId));
    await runDurableObjectAlarm(stub);
    expect(await storedKeys(uploadId)).toEqual([]);
    expect((await head(path)).status).toBe(410);

    // The tombstone answers 410 for TOMBSTONE_MS past the expiry; then the alarm deletes the object's storage.
    const expiredAt = (await (stub as DurableObjectStub<UploadObject>).describe())!.expiresAt;
    const alarmAt = await runInDurableObject(stub, (_instance, state) => state.storage.getAlarm());
    expect(alarmAt).toBe(expiredAt + TOMBSTONE_MS);
    await runInDurableObject(stub, (_instance, state) => {
      state.storage.sql.exec("UPDATE upload SET expires_at = ?", Date.now() - TOMBSTONE_MS - 1);
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await (stub as DurableObjectStub<UploadObject>).describe()).toBeUndefined();
    expect(await runInDurableObject(stub, (_instance, state) => state.storage.getAlarm())).toBeNull();
    expect((await head(path)).status).toBe(404);
  });

  it("creation-with-upload stores the first chunk at once; a bad one answers its problem with Location", async () => {
    const data = bytesOf(12);
    const { response, path } = await createUpload(
      12,
      {
        "content-type": "application/offset+octet-stream",
        "content-length": "5",
      },
      TOKEN,
      {},
      data.slice(0, 5),
    );
    expect(response.headers.get("upload-offset")).toBe("5");
    expect((await head(path)).headers.get("upload-offset")).toBe("5");

    const refused = await callWorker(COLLECTION, {
      method: "POST",
      headers: {
        ...TUS,
        "upload-length": "12",
        "content-type": "application/offset+octet-stream",
        "content-length": "5",
        "upload-checksum": `md5 ${await base64Digest("MD5", bytesOf(5, 3))}`,
      },
      body: data.slice(0, 5),
    });
    expect(refused.status).toBe(460);
    const location = new URL(refused.headers.get("location") as string);
    expect((await head(location.pathname)).headers.get("upload-offset")).toBe("0");

    const tooLarge = await callWorker(COLLECTION, {
      method: "POST",
      headers: {
        ...TUS,
        "upload-length": "12",
        "content-type": "application/offset+octet-stream",
        "content-length": "12",
      },
      body: data,
      vars: { MAX_REQUEST_BODY_BYTES: "8" },
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get("location")).toBeNull();
  });

  it("refuses what cannot become an upload before anything is stored", async () => {
    const cases: [Record<string, string>, number][] = [
      [{}, 400],
      [{ "upload-length": "-1" }, 400],
      [{ "upload-defer-length": "1" }, 400],
      [{ "upload-length": "5", "upload-metadata": "bad value!" }, 400],
      [{ "upload-length": "5", "content-type": "text/plain", "content-length": "1" }, 415],
    ];
    for (const [headers, status] of cases) {
      const response = await callWorker(COLLECTION, { method: "POST", headers: { ...TUS, ...headers } });
      expect(response.status, JSON.stringify(headers)).toBe(status);
    }
    const tooBig = await callWorker(COLLECTION, {
      method: "POST",
      headers: { ...TUS, "upload-length": "11" },
      vars: { MAX_UPLOAD_BYTES: "10" },
    });
    expect(tooBig.status).toBe(413);
    const webDownload = await callWorker(COLLECTION, {
      method: "POST",
      headers: { ...TUS, "upload-length": "1" },
      vars: { UPLOAD_HANDOFF: "web-download" },
    });
    expect(webDownload.status).toBe(500);
    expect((await problemOf(webDownload)).detail).toMatch(/PUBLIC_BASE_URL.*UPLOAD_SIGNING_KEY/);
  });

  it("an image that is not queued takes no upload (409)", async () => {
    vi.restoreAllMocks();
    stubGlanceLazily({ [`GET /v2/images/${ID}`]: () => glanceJson(glanceImage({ id: ID, status: "active" })) });
    const response = await callWorker(COLLECTION, { method: "POST", headers: { ...TUS, "upload-length": "1" } });
    expect(response.status).toBe(409);
  });

  it("with CORS configured, a browser may send the tus headers and read the answers'", async () => {
    const vars = { CORS_ALLOWED_ORIGINS: "https://horizon.test" };
    const preflight = await callWorker(COLLECTION, {
      method: "OPTIONS",
      headers: {
        origin: "https://horizon.test",
        "access-control-request-method": "PATCH",
        "access-control-request-headers": "tus-resumable,upload-offset,upload-length,upload-metadata,upload-checksum",
      },
      vars,
    });
    const allowed = (preflight.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    for (const name of ["tus-resumable", "upload-offset", "upload-length", "upload-metadata", "upload-checksum"])
      expect(allowed).toContain(name);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("HEAD");
    const { path } = await createUpload(4, { origin: "https://horizon.test" }, TOKEN, vars);
    const answer = await callWorker(path, {
      method: "HEAD",
      headers: { ...TUS, origin: "https://horizon.test" },
      vars,
    });
    const exposed = (answer.headers.get("access-control-expose-headers") ?? "").toLowerCase();
    for (const name of [
      "upload-offset",
      "upload-length",
      "tus-resumable",
      "upload-expires",
      "location",
      "upload-metadata",
      "upload-handoff",
    ])
      expect(exposed).toContain(name);
  });
});

describe("stage hand-off", () => {
  it("the last chunk hands the bytes to Glance's stage and a glance-direct import; done, the R2 bytes freed", async () => {
    const lines = loggedLines();
    const glance = glanceForHandoff();
    const data = bytesOf(300_000);
    const { path, uploadId } = await createUpload(data.byteLength);
    expect((await patch(path, 0, data.slice(0, 100_000))).status).toBe(204);
    const last = await patch(path, 100_000, data.slice(100_000));
    expect(last.status).toBe(204);
    expect(last.headers.get("upload-offset")).toBe("300000");
    const settled = await settledHandoff(path);
    expect(settled.headers.get("upload-handoff")).toBe("done");
    expect(glance.received).toHaveLength(1);
    expect(glance.received[0]).toEqual(data);
    const stage = glance.calls.find((call) => call.method === "PUT");
    expect(stage?.headers.get("content-length")).toBe("300000");
    expect(stage?.headers.get("x-auth-token")).toBe(TOKEN);
    const imported = glance.calls.find((call) => call.method === "POST");
    expect(imported?.json).toEqual({ method: { name: "glance-direct" } });
    expect(await storedKeys(uploadId)).toEqual([]);
    const status = (await (await callWorker(path)).json()) as { handoff: { sha512: string } };
    expect(status.handoff.sha512).toBe(await hex("SHA-512", data));
    expect(lines.some((line) => line.includes("upload handed off"))).toBe(true);
    for (const line of lines) expect(line).not.toContain(TOKEN);
  });

  it("Glance failing during stage: HEAD reports failed, the bytes are kept, a retry succeeds", async () => {
    const lines = loggedLines();
    const glance = glanceForHandoff({
      stage: async (call) => {
        await call.request.body?.cancel();
        return glanceError(503, "Service Unavailable", "down");
      },
    });
    const data = bytesOf(5000);
    const { path, uploadId } = await createUpload(data.byteLength);
    expect((await patch(path, 0, data)).status).toBe(204);
    const failed = await settledHandoff(path);
    expect(failed.headers.get("upload-handoff")).toBe("failed");
    expect(failed.headers.get("upload-handoff-problem")).toBe("urn:glance-edge:problem:bad-gateway");
    expect(await storedKeys(uploadId)).toHaveLength(1);
    vi.restoreAllMocks();
    const retryLines = loggedLines();
    const working = glanceForHandoff();
    const retry = await callWorker(`${path.split("?")[0]}handoff/`, { method: "POST", headers: TUS });
    expect(retry.status).toBe(202);
    expect((await settledHandoff(path)).headers.get("upload-handoff")).toBe("done");
    expect(working.received[0]).toEqual(data);
    expect(glance.received).toHaveLength(0);
    expect(await storedKeys(uploadId)).toEqual([]);
    expect(lines.some((line) => line.includes("upload hand-off failed"))).toBe(true);
    expect(retryLines.some((line) => line.includes("upload handed off"))).toBe(true);
    for (const line of [...lines, ...retryLines]) expect(line).not.toContain(TOKEN);
  });

  it("a qcow2 sent for a raw image fails the hand-off with image-format-mismatch before Glance keeps it", async () => {
    const glance = glanceForHandoff();
    const qcow2Header = new Uint8Array(70_000);
    qcow2Header.set([0x51, 0x46, 0x49, 0xfb, 0, 0, 0, 3]);
    const { path } = await createUpload(qcow2Header.byteLength);
    expect((await patch(path, 0, qcow2Header)).status).toBe(204);
    const failed = await settledHandoff(path);
    expect(failed.headers.get("upload-handoff")).toBe("failed");
    expect(failed.headers.get("upload-handoff-problem")).toMatch(/unsafe-image|image-format-mismatch/);
    expect(glance.image.status).toBe("queued");
    expect(glance.calls.some((call) => call.method === "POST")).toBe(false);
  });
});

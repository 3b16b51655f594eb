import { createHash, randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { ImageSchema } from "../../src/routes/images/images.schemas";
import { e2e } from "./support/context";
import { tokenOf } from "./support/http";
import { createGlanceImage, deleteImages, glanceImage, imageName } from "./support/images";
import { GLANCE_URL, KEYSTONE_URL } from "./support/stack";
import { type RunningWorker, startWorker } from "./support/worker";

const SIZE = 64 * 1024 * 1024;
const PAYLOAD = randomBytes(SIZE);
const MD5 = createHash("md5").update(PAYLOAD).digest("hex");
/** RFC 1864's Content-MD5: the base64 of the digest (Glance's own header carries the hex). */
const MD5_BASE64 = Buffer.from(MD5, "hex").toString("base64");
const SHA512 = createHash("sha512").update(PAYLOAD).digest("hex");
const TIMEOUT_MS = 120_000;

const created: string[] = [];
afterAll(async () => {
  await deleteImages(created);
});

async function fixture(label: string) {
  const image = await createGlanceImage({ name: imageName(label) });
  created.push(image.id);
  return image;
}

function edge(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("x-auth-token", tokenOf("demo"));
  return fetch(`${e2e().baseUrl}${path}`, {
    ...init,
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

async function waitForStatus(id: string, wanted: string, ms: number) {
  const until = Date.now() + ms;
  let status = "";
  while (Date.now() < until) {
    status = (await glanceImage(id)).status;
    if (status === wanted) return status;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return status;
}

describe("image data through glance-edge against the real Glance", () => {
  let uploadedId = "";

  it(
    "uploads 64 MiB of random bytes: Glance's size, md5 and sha512 are the local ones",
    { timeout: TIMEOUT_MS },
    async () => {
      const image = await fixture("upload");
      const response = await edge(`/api/glance/images/${image.id}/file/`, {
        method: "PUT",
        body: PAYLOAD,
        headers: { "content-type": "application/octet-stream" },
      });
      const text = await response.text();
      expect(response.status, text).toBe(200);
      const answered = ImageSchema.parse(JSON.parse(text));
      expect([answered.status, answered.size, answered.checksum]).toEqual(["active", SIZE, MD5]);
      expect(response.headers.get("repr-digest")).toBe(`sha-512=:${Buffer.from(SHA512, "hex").toString("base64")}:`);
      const stored = await glanceImage(image.id);
      expect([stored.status, stored.size, stored.checksum, stored.os_hash_algo, stored.os_hash_value]).toEqual([
        "active",
        SIZE,
        MD5,
        "sha512",
        SHA512,
      ]);
      uploadedId = image.id;
    },
  );

  it("downloads them back byte-identical with the download headers", { timeout: TIMEOUT_MS }, async () => {
    expect(uploadedId).not.toBe("");
    const response = await edge(`/api/glance/images/${uploadedId}/file/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-length")).toBe(String(SIZE));
    expect(response.headers.get("content-md5")).toBe(MD5_BASE64);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="e2e-/);
    expect(response.headers.get("repr-digest")).toBe(`sha-512=:${Buffer.from(SHA512, "hex").toString("base64")}:`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBe(SIZE);
    expect(body.equals(PAYLOAD)).toBe(true);
  });

  it(
    "reads a Range (206 with Content-Range) and answers an unsatisfiable one with 416",
    { timeout: TIMEOUT_MS },
    async () => {
      expect(uploadedId).not.toBe("");
      const partial = await edge(`/api/glance/images/${uploadedId}/file/`, {
        headers: { range: "bytes=1048576-1049599" },
      });
      expect(partial.status).toBe(206);
      expect(partial.headers.get("content-range")).toBe(`bytes 1048576-1049599/${SIZE}`);
      expect(partial.headers.get("content-md5")).toBeNull();
      expect(Buffer.from(await partial.arrayBuffer()).equals(PAYLOAD.subarray(1048576, 1049600))).toBe(true);
      const outside = await edge(`/api/glance/images/${uploadedId}/file/`, {
        headers: { range: `bytes=${SIZE + 10}-` },
      });
      expect(outside.status).toBe(416);
      expect(outside.headers.get("content-range")).toBe(`bytes */${SIZE}`);
      ProblemSchema.parse(await outside.json());
    },
  );

  it("answers HEAD with the size and 204 for an image without data", async () => {
    expect(uploadedId).not.toBe("");
    const head = await edge(`/api/glance/images/${uploadedId}/file/`, { method: "HEAD" });
    expect([head.status, head.headers.get("content-md5")]).toEqual([200, MD5_BASE64]);
    const empty = await fixture("empty");
    const none = await edge(`/api/glance/images/${empty.id}/file/`);
    expect(none.status).toBe(204);
  });

  it("a second upload to the active image is a 409 before a byte moves, and Glance keeps the first data", async () => {
    expect(uploadedId).not.toBe("");
    const again = await edge(`/api/glance/images/${uploadedId}/file/`, {
      method: "PUT",
      body: randomBytes(3 * 1024 * 1024),
      headers: { "content-type": "application/octet-stream" },
    });
    const problem = ProblemSchema.parse(await again.json());
    expect([again.status, problem.type]).toEqual([409, "urn:glance-edge:problem:conflict"]);
    expect(problem.detail).toBe(`Image ${uploadedId} is active; data can be uploaded only while it is queued`);
    const stored = await glanceImage(uploadedId);
    expect([stored.status, stored.size, stored.checksum]).toEqual(["active", SIZE, MD5]);
  });

  it("refuses chunked input (411) and a JSON body (415) without touching the image", async () => {
    const image = await fixture("refused");
    const chunked = await edge(`/api/glance/images/${image.id}/file/`, {
      method: "PUT",
      headers: { "content-type": "application/octet-stream" },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(10));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(411);
    const json = await edge(`/api/glance/images/${image.id}/file/`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(json.status).toBe(415);
    expect((await glanceImage(image.id)).status).toBe("queued");
  });

  it("a client that hangs up mid-upload leaves the image queued, not saving", { timeout: TIMEOUT_MS }, async () => {
    const image = await fixture("hangup");
    const url = new URL(`${e2e().baseUrl}/api/glance/images/${image.id}/file/`);
    let statusMidUpload = "";
    const sent = await new Promise<number>((resolve) => {
      const request = httpRequest(url, {
        method: "PUT",
        headers: {
          "x-auth-token": tokenOf("demo"),
          "content-type": "application/octet-stream",
          "content-length": SIZE,
        },
      });
      request.on("error", () => {});
      let written = 0;
      const chunk = PAYLOAD.subarray(0, 1024 * 1024);
      const writeSome = () => {
        while (written < 16 * 1024 * 1024) {
          written += chunk.length;
          if (!request.write(chunk)) return request.once("drain", writeSome);
        }
        // Glance is saving what has arrived; then the client hangs up.
        setTimeout(() => {
          void glanceImage(image.id).then((seen) => {
            statusMidUpload = seen.status;
            request.destroy();
            resolve(written);
          });
        }, 1500);
      };
      writeSome();
    });
    expect(sent).toBe(16 * 1024 * 1024);
    expect(statusMidUpload).toBe("saving");
    expect(await waitForStatus(image.id, "queued", 30_000)).toBe("queued");
    // And it stays usable: a full upload afterwards succeeds.
    const retry = await edge(`/api/glance/images/${image.id}/file/`, {
      method: "PUT",
      body: PAYLOAD.subarray(0, 1024),
      headers: { "content-type": "application/octet-stream" },
    });
    expect(retry.status).toBe(200);
  });
});

describe("a client that stalls mid-upload, against the real Glance", () => {
  const IDLE_MS = 3_000;
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await startWorker({ GLANCE_URL, KEYSTONE_URL, UPLOAD_IDLE_TIMEOUT_MS: String(IDLE_MS) });
  });
  afterAll(async () => {
    await worker?.stop();
  });

  it(
    "is a 408 after UPLOAD_IDLE_TIMEOUT_MS (not Glance's 504), and Glance puts the image back to queued",
    { timeout: TIMEOUT_MS },
    async () => {
      const image = await fixture("stalled-client");
      const requestId = `e2e-stall-${Date.now().toString(36)}`;
      const request = httpRequest(new URL(`${worker.baseUrl}/api/glance/images/${image.id}/file/`), {
        method: "PUT",
        headers: {
          "x-auth-token": tokenOf("demo"),
          "x-request-id": requestId,
          "content-type": "application/octet-stream",
          "content-length": String(8 * 1024 * 1024),
        },
      });
      const answer = new Promise<number>((resolve) => {
        request.on("response", (response) => resolve(response.statusCode ?? 0));
        request.on("error", () => resolve(0));
      });
      // 1 MiB of the declared 8, then nothing more (the connection stays open).
      request.write(PAYLOAD.subarray(0, 1024 * 1024));
      const statusMidUpload = await waitForStatus(image.id, "saving", 20_000);
      expect(statusMidUpload).toBe("saving");
      // The Worker gives up after the idle timeout and aborts Glance's upload; Glance puts the image back.
      expect(await waitForStatus(image.id, "queued", IDLE_MS + 30_000)).toBe("queued");
      const logged = () =>
        worker
          .logTail()
          .split("\n")
          .find((line) => line.includes(`"request_id":"${requestId}"`) && line.includes('"msg":"request"'));
      for (let i = 0; i < 40 && !logged(); i++) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(logged(), worker.logTail().slice(-2000)).toMatch(/"status":408/);
      // wrangler dev's proxy may hold the answer back until the request ends; bare workerd sends it at once.
      const status = await Promise.race([
        answer,
        new Promise<number>((resolve) => setTimeout(() => resolve(-1), 2_000)),
      ]);
      if (status !== -1 && status !== 0) expect(status).toBe(408);
      request.destroy();
    },
  );
});

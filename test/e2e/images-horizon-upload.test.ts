import { createHash, randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { CreatedImageSchema } from "../../src/routes/images/image-create.schemas";
import { e2e } from "./support/context";
import { api, tokenOf } from "./support/http";
import { deleteImages, glanceImage, glanceImagesNamed, imageName, imagesLeftNamed } from "./support/images";
import { pauseService, resumeService } from "./support/stack";

// Random, so Glance's checksums prove these very bytes arrived; not a multiple of any chunk size.
const PAYLOAD = randomBytes(16 * 1024 * 1024 + 12_345);
const MD5 = createHash("md5").update(PAYLOAD).digest("hex");
const SHA512 = createHash("sha512").update(PAYLOAD).digest("hex");
const SEND_CHUNK = 256 * 1024;
const BOUNDARY = "----HorizonLegacyUpload5d1e9c";

const created: string[] = [];
afterAll(async () => {
  await deleteImages(created);
});

const encoder = new TextEncoder();
const field = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="data"; filename="disk.raw"\r\nContent-Type: application/octet-stream\r\n\r\n`;
const CLOSE = `\r\n--${BOUNDARY}--\r\n`;

/** The form as a stream of chunks, so that the request goes chunked (no Content-Length), as a browser's may. */
interface HangUp {
  /** Bytes of the data part sent before the client hangs up. */
  after: number;
  /** Awaited before hanging up. */
  before: () => Promise<void>;
}

function formStream(fields: [string, string][], data: Uint8Array | undefined, hangUp?: HangUp) {
  const head = encoder.encode(fields.map(([name, value]) => field(name, value)).join("") + (data ? fileHead : ""));
  const tail = encoder.encode(data ? CLOSE : `--${BOUNDARY}--\r\n`);
  let offset = -1;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset === -1) {
        controller.enqueue(head);
        offset = 0;
        return;
      }
      if (data && offset < data.length) {
        if (hangUp && offset >= hangUp.after) {
          await hangUp.before();
          controller.error(new Error("the client hangs up"));
          return;
        }
        controller.enqueue(data.subarray(offset, offset + SEND_CHUNK));
        offset += SEND_CHUNK;
        return;
      }
      controller.enqueue(tail);
      controller.close();
    },
  });
}

async function postForm(fields: [string, string][], data?: Uint8Array, signal?: AbortSignal) {
  const response = await fetch(`${e2e().baseUrl}/api/glance/images/`, {
    method: "POST",
    headers: { "x-auth-token": tokenOf("demo"), "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: formStream(fields, data),
    duplex: "half",
    signal: signal ?? AbortSignal.timeout(120_000),
  } as RequestInit);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

function createdImage(result: { status: number; text: string; body: unknown }) {
  if (result.status !== 201) throw new Error(`create answered ${result.status}: ${result.text}`);
  const image = CreatedImageSchema.parse(result.body);
  created.push(image.id);
  return image;
}

async function expectGlanceHasThePayload(id: string) {
  const stored = await glanceImage(id);
  expect(stored).toMatchObject({
    status: "active",
    size: PAYLOAD.length,
    checksum: MD5,
    os_hash_algo: "sha512",
    os_hash_value: SHA512,
  });
  return stored;
}

describe("Horizon's legacy multipart upload against the real Glance", () => {
  it("creates from plain form fields (typed from their strings) and streams the data part: 201 once active, checksums equal", async () => {
    const name = imageName("legacy");
    const result = await postForm(
      [
        ["name", name],
        ["disk_format", "raw"],
        ["min_disk", "2"],
        ["protected", "false"],
        ["hw_disk_bus", "virtio"],
      ],
      PAYLOAD,
    );
    const image = createdImage(result);
    expect(result.headers.get("location")).toBe(`/api/glance/images/${image.id}/`);
    expect(result.headers.get("repr-digest")).toBe(`sha-512=:${Buffer.from(SHA512, "hex").toString("base64")}:`);
    expect(image).toMatchObject({
      name,
      status: "active",
      size: PAYLOAD.length,
      checksum: MD5,
      min_disk: 2,
      protected: false,
    });
    expect(image.properties).toMatchObject({ hw_disk_bus: "virtio", os_hash_value: SHA512 });
    const stored = await expectGlanceHasThePayload(image.id);
    expect(stored).toMatchObject({ min_disk: 2, protected: false, disk_format: "raw", hw_disk_bus: "virtio" });
  });

  it("takes $$originalJSON (Horizon's Angular client) over the string copies of the fields", async () => {
    const name = imageName("legacy-json");
    // ami takes any bytes (the payload is random: as qcow2 the format inspection would refuse it), and is not the default.
    const original = {
      name,
      disk_format: "ami",
      min_ram: 128,
      protected: false,
      tags: ["e2e"],
      source_type: "file-legacy",
      data: {},
    };
    const result = await postForm(
      [
        ["name", "not this one"],
        ["min_ram", "128"],
        ["$$originalJSON", JSON.stringify(original)],
      ],
      PAYLOAD,
    );
    const image = createdImage(result);
    expect(image).toMatchObject({ name, status: "active", min_ram: 128, disk_format: "ami", tags: ["e2e"] });
    const stored = await expectGlanceHasThePayload(image.id);
    expect(stored).toMatchObject({ name, min_ram: 128, tags: ["e2e"] });
    expect(stored).not.toHaveProperty("source_type");
    expect(await glanceImagesNamed("not this one")).toEqual([]);
  });

  it("refuses a bad form field with 400 naming it, and nothing is created", async () => {
    const name = imageName("legacy-bad");
    // A small data part: wrangler dev's proxy answers 503 when the Worker answers before reading a
    // large body (bare workerd delivers the 400; checked by hand with a 20 MB form).
    const result = await postForm(
      [
        ["name", name],
        ["min_disk", "two"],
      ],
      PAYLOAD.subarray(0, 64 * 1024),
    );
    expect(result.status).toBe(400);
    expect(result.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(ProblemSchema.parse(result.body).errors).toEqual([
      { location: "body", field: "min_disk", message: "must be a non-negative integer" },
    ]);
    expect(await glanceImagesNamed(name)).toEqual([]);
  });

  it("deletes the new image when the client hangs up mid-upload", async () => {
    const name = imageName("legacy-hangup");
    const aborted = new AbortController();
    const seenDuringUpload: string[] = [];
    const body = formStream([["name", name]], PAYLOAD, {
      after: 4 * 1024 * 1024,
      // Hang up only once Glance shows the image: the deletion below is then the Worker's doing.
      before: async () => {
        for (let i = 0; i < 40 && seenDuringUpload.length === 0; i++) {
          seenDuringUpload.push(...(await glanceImagesNamed(name)).map((image) => image.id));
          if (seenDuringUpload.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
        }
      },
    });
    const request = fetch(`${e2e().baseUrl}/api/glance/images/`, {
      method: "POST",
      headers: { "x-auth-token": tokenOf("demo"), "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      body,
      duplex: "half",
      signal: aborted.signal,
    } as RequestInit);
    const status = await request.then(
      (response) => response.status,
      () => undefined,
    );
    aborted.abort();
    // Either the connection dropped (no answer) or the Worker answered the broken upload with an error.
    if (status !== undefined) expect(status).toBeGreaterThanOrEqual(400);

    expect(seenDuringUpload).toHaveLength(1);
    created.push(...seenDuringUpload);
    // The image existed while the data flowed; the Worker deletes it once the upload is aborted.
    const left = await imagesLeftNamed(name);
    created.push(...left.map((image) => image.id));
    expect(left).toEqual([]);
  });
});

describe("Horizon's legacy upload: a caller who hangs up while Glance creates the image", () => {
  afterAll(async () => {
    await resumeService("glance");
  });

  it(
    "leaves no queued orphan: the Worker deletes the image Glance made once it answers",
    { timeout: 120_000 },
    async () => {
      const name = imageName("legacy-hangup-create");
      const head = encoder.encode(field("name", name) + fileHead);
      let sentFirstChunk!: () => void;
      const firstChunkSent = new Promise<void>((resolve) => (sentFirstChunk = resolve));
      const request = httpRequest(new URL(`${e2e().baseUrl}/api/glance/images/`), {
        method: "POST",
        headers: { "x-auth-token": tokenOf("demo"), "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      });
      request.on("error", () => {});
      // Glance frozen: the Worker's POST /v2/images (sent once the first bytes of the data part arrive) waits in it.
      await pauseService("glance");
      try {
        request.write(head);
        request.write(PAYLOAD.subarray(0, SEND_CHUNK), () => sentFirstChunk());
        await firstChunkSent;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        request.destroy();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      } finally {
        await resumeService("glance");
      }
      // Glance now creates the image it was asked for; the Worker's clean-up (still running) deletes it.
      const left = await imagesLeftNamed(name, 30_000);
      created.push(...left.map((image) => image.id));
      expect(left).toEqual([]);
    },
  );
});

describe("Horizon's direct upload mode against the real Glance", () => {
  it("answers upload_url (our own file route, no token), and a PUT there makes the image active with the data", async () => {
    const name = imageName("direct");
    const response = await api("/api/glance/images/", {
      method: "PUT",
      body: { name, disk_format: "raw", source_type: "file-direct", data: "disk.raw" },
    });
    expect(response.status).toBe(201);
    expect(response.body).not.toHaveProperty("token_id");
    expect(response.text).not.toContain(tokenOf("demo"));
    const image = CreatedImageSchema.parse(response.body);
    created.push(image.id);
    expect(image.status).toBe("queued");
    expect(image.upload_url).toBe(`${e2e().baseUrl}/api/glance/images/${image.id}/file/`);

    const upload = await fetch(image.upload_url!, {
      method: "PUT",
      headers: { "x-auth-token": tokenOf("demo"), "content-type": "application/octet-stream" },
      body: PAYLOAD,
      signal: AbortSignal.timeout(120_000),
    });
    expect(upload.status, await upload.clone().text()).toBe(200);
    await expectGlanceHasThePayload(image.id);
  });
});

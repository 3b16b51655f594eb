import { afterEach, describe, expect, it, vi } from "vitest";
import { callWorker } from "../support/call-api";
import { glanceImage } from "../support/glance-image";
import { glanceJson, type LazyAnswer, stubGlanceLazily } from "../support/glance-stub";

// The data plane's one promise: Glance stores exactly the bytes the client sent. Every upload path
// re-chunks the body (streams/large-chunks.ts) and shows each chunk to the SHA-512 and the format
// inspector on its way; a buffer reused too early, a chunk sent twice or one dropped would corrupt
// images silently. Each upload here carries its own random bytes, cut into random pieces, several
// uploads run at once, and Glance's side keeps every chunk it was handed and hashes them only once
// the whole body has arrived: a chunk overwritten after it was handed on changes that hash.

afterEach(() => vi.restoreAllMocks());

const KIB = 1024;
const BOUNDARY = "----HorizonFormBoundaryIntegrity0x7f";
const encoder = new TextEncoder();

function randomBytes(length: number) {
  const bytes = new Uint8Array(length);
  // getRandomValues fills at most 64 KiB per call.
  for (let offset = 0; offset < length; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
  return bytes;
}

const randomInt = (below: number) => crypto.getRandomValues(new Uint32Array(1))[0] % below;

const hex = (buffer: ArrayBuffer) => Buffer.from(buffer).toString("hex");
const sha512Hex = async (bytes: Uint8Array) => hex(await crypto.subtle.digest("SHA-512", bytes));

/** The client's body: `bytes` in pieces of 1 B to 300 KiB (copies, made only as they are read). */
function piecesOf(bytes: Uint8Array) {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.byteLength) return controller.close();
        const size = 1 + randomInt(randomInt(4) === 0 ? 64 : 300 * KIB);
        controller.enqueue(bytes.slice(offset, offset + size));
        offset += size;
      },
    },
    { highWaterMark: 0 },
  );
}

/** Glance's side of one upload: every chunk kept as it was handed over, hashed once the body has ended. */
function keepingReceiver() {
  const received = { chunks: [] as Uint8Array[], sha512: "", bytes: 0 };
  const read = async (request: Request) => {
    const reader = request.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received.chunks.push(value);
      // Let the Worker's pump run ahead to its next read before this chunk is looked at again.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const whole = new Uint8Array(await new Blob(received.chunks).arrayBuffer());
    received.bytes = whole.byteLength;
    received.sha512 = await sha512Hex(whole);
  };
  return { received, read };
}

/** Sizes around the pump's 64 and 256 KiB chunks, and an odd one of a few MiB. */
const SIZES = [1, 4095, 64 * KIB - 1, 64 * KIB, 64 * KIB + 1, 256 * KIB, 256 * KIB + 7, 777_777, 3 * 1024 * KIB + 13];

interface Upload {
  bytes: Uint8Array;
  sha512: string;
  id: string;
}

async function uploadsOf(sizes: number[]): Promise<Upload[]> {
  return Promise.all(
    sizes.map(async (size) => {
      const bytes = randomBytes(size);
      return { bytes, sha512: await sha512Hex(bytes), id: crypto.randomUUID() };
    }),
  );
}

/** Glance for `PUT …/{file|stage}` of many images at once: queued first, then as the data left it. */
function stubGlanceFor(uploads: Upload[], target: "file" | "stage") {
  const receivers = new Map<string, ReturnType<typeof keepingReceiver>>();
  const routes: Record<string, LazyAnswer> = { "GET /v2/info/usage": () => glanceJson({ usage: {} }) };
  for (const { id } of uploads) {
    const receiver = keepingReceiver();
    receivers.set(id, receiver);
    let reads = 0;
    routes[`PUT /v2/images/${id}/${target}`] = async ({ request }) => {
      await receiver.read(request);
      return new Response(null, { status: 204 });
    };
    routes[`GET /v2/images/${id}`] = () => {
      if (reads++ === 0) return glanceJson(glanceImage({ id, status: "queued", disk_format: "raw" }));
      return glanceJson(
        target === "file"
          ? storedImage(id, receiver.received)
          : glanceImage({ id, status: "uploading", disk_format: "raw" }),
      );
    };
  }
  stubGlanceLazily(routes);
  return receivers;
}

/** Glance's record of an image once the data is in: active, with the size and SHA-512 of what it received. */
const storedImage = (id: string, { bytes, sha512 }: { bytes: number; sha512: string }) =>
  glanceImage({ id, status: "active", disk_format: "raw", size: bytes, os_hash_algo: "sha512", os_hash_value: sha512 });

const reprDigestOf = (sha512: string) => `sha-512=:${Buffer.from(sha512, "hex").toString("base64")}:`;

describe("upload integrity: Glance receives exactly the bytes the client sent", () => {
  it.each(["file", "stage"] as const)(
    "PUT …/%s/: many uploads of random bytes in random pieces, three at a time, each stored byte for byte",
    async (target) => {
      const uploads = await uploadsOf([...SIZES, ...SIZES.map((size) => size + randomInt(300 * KIB))]);
      const receivers = stubGlanceFor(uploads, target);
      for (let i = 0; i < uploads.length; i += 3) {
        await Promise.all(
          uploads.slice(i, i + 3).map(async ({ bytes, sha512, id }) => {
            const response = await callWorker(`/api/glance/images/${id}/${target}/`, {
              method: "PUT",
              body: piecesOf(bytes),
              headers: { "content-type": "application/octet-stream", "content-length": String(bytes.byteLength) },
            });
            expect(response.status, await response.clone().text()).toBe(200);
            const { received } = receivers.get(id)!;
            expect([received.bytes, received.sha512]).toEqual([bytes.byteLength, sha512]);
            // The digest the Worker computed on the way is the one of the client's bytes too.
            expect(response.headers.get("repr-digest")).toBe(reprDigestOf(sha512));
          }),
        );
      }
    },
  );

  it("Horizon's legacy form (POST /api/glance/images/, multipart): the data part reaches Glance byte for byte", async () => {
    const uploads = await uploadsOf(SIZES.map((size) => size + randomInt(64 * KIB)));
    const receivers = new Map<string, ReturnType<typeof keepingReceiver>>();
    const byName = new Map(uploads.map((upload) => [`integrity-${upload.id}`, upload]));
    stubGlanceLazily({
      "POST /v2/images": ({ json }) => {
        const fields = json as Record<string, unknown>;
        const { id } = byName.get(fields.name as string)!;
        receivers.set(id, keepingReceiver());
        return glanceJson(glanceImage({ ...fields, id }), 201);
      },
      ...Object.fromEntries(
        uploads.flatMap(({ id }) => [
          [
            `PUT /v2/images/${id}/file`,
            (async ({ request }) => {
              await receivers.get(id)!.read(request);
              return new Response(null, { status: 204 });
            }) satisfies LazyAnswer,
          ],
          [
            `GET /v2/images/${id}`,
            (() => glanceJson(storedImage(id, receivers.get(id)!.received))) satisfies LazyAnswer,
          ],
        ]),
      ),
    });
    for (let i = 0; i < uploads.length; i += 3) {
      await Promise.all(
        uploads.slice(i, i + 3).map(async ({ bytes, sha512, id }) => {
          const head = encoder.encode(
            `--${BOUNDARY}\r\nContent-Disposition: form-data; name="name"\r\n\r\nintegrity-${id}\r\n` +
              `--${BOUNDARY}\r\nContent-Disposition: form-data; name="disk_format"\r\n\r\nraw\r\n` +
              `--${BOUNDARY}\r\nContent-Disposition: form-data; name="data"; filename="random.raw"\r\n` +
              "Content-Type: application/octet-stream\r\n\r\n",
          );
          const tail = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
          const form = new Uint8Array(head.byteLength + bytes.byteLength + tail.byteLength);
          form.set(head);
          form.set(bytes, head.byteLength);
          form.set(tail, head.byteLength + bytes.byteLength);
          const response = await callWorker("/api/glance/images/", {
            method: "POST",
            body: piecesOf(form),
            headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
          });
          expect(response.status, await response.clone().text()).toBe(201);
          const { received } = receivers.get(id)!;
          expect([received.bytes, received.sha512]).toEqual([bytes.byteLength, sha512]);
          expect(response.headers.get("repr-digest")).toBe(reprDigestOf(sha512));
        }),
      );
    }
  });
});

import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { CreatedImageSchema } from "../../src/routes/images/image-create.schemas";
import { ImageSchema } from "../../src/routes/images/images.schemas";
import { FormatInspector } from "../../src/streams/format-inspector";
import { e2e } from "./support/context";
import { api, glance, tokenOf } from "./support/http";
import { createGlanceImage, deleteImages, glanceImage, imageName, imagesLeftNamed } from "./support/images";

// Real disk images from Debian's qemu-utils (scripts/openstack-stack.sh installs it), uploaded
// through glance-edge to the real Glance: what is refused must leave Glance with no data.
const work = mkdtempSync(join(tmpdir(), "glance-edge-safety-"));
const qemuImg = (...args: string[]) => execFileSync("qemu-img", args, { cwd: work, stdio: "pipe" });
const STACK_DIR =
  process.env.GLANCE_EDGE_STACK_DIR ?? join(process.env.HOME ?? "/root", ".local/state/glance-edge-stack");
const TIMEOUT_MS = 120_000;

let backed: Uint8Array;
let real: Uint8Array;
let realVirtualSize = 0;

beforeAll(() => {
  writeFileSync(join(work, "content.raw"), randomBytes(3 * 1024 * 1024));
  qemuImg("create", "-q", "-f", "raw", "base.raw", "1M");
  qemuImg("create", "-q", "-f", "qcow2", "-b", "base.raw", "-F", "raw", "backed.qcow2");
  qemuImg("convert", "-q", "-f", "raw", "-O", "qcow2", "content.raw", "real.qcow2");
  backed = new Uint8Array(readFileSync(join(work, "backed.qcow2")));
  real = new Uint8Array(readFileSync(join(work, "real.qcow2")));
  realVirtualSize = JSON.parse(qemuImg("info", "--output=json", "real.qcow2").toString())["virtual-size"];
});

const created: string[] = [];
afterAll(async () => {
  await deleteImages(created);
  rmSync(work, { recursive: true, force: true });
});

async function fixture(label: string, diskFormat: string) {
  const image = await createGlanceImage({ name: imageName(label), disk_format: diskFormat });
  created.push(image.id);
  return image;
}

function put(path: string, bytes: Uint8Array, headers: Record<string, string> = {}) {
  return fetch(`${e2e().baseUrl}${path}`, {
    method: "PUT",
    headers: { "x-auth-token": tokenOf("demo"), "content-type": "application/octet-stream", ...headers },
    body: bytes,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

async function problemOf(response: Response, status: number) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return ProblemSchema.parse(JSON.parse(text));
}

/**
 * Glance put the image back to `queued` and holds no data for it: no size, no file in its store, no data to
 * download. The edge answers as soon as it aborts Glance's upload, while Glance may still be unwinding it (a
 * partial file is removed after the status is back to `queued`), so the whole state is polled until it settles.
 */
async function expectNoData(id: string, wanted = "queued") {
  const state = async () => {
    const image = await glanceImage(id);
    return {
      glance: [image.status, image.size ?? null, image.checksum ?? null],
      stored: existsSync(join(STACK_DIR, "glance", "images", id)),
      staged: existsSync(join(STACK_DIR, "glance", "staging", id)),
    };
  };
  const settled = { glance: [wanted, null, null], stored: false, staged: false };
  let seen = await state();
  for (let i = 0; i < 60 && JSON.stringify(seen) !== JSON.stringify(settled); i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    seen = await state();
  }
  expect(seen).toEqual(settled);
  expect((await glance(`/v2/images/${id}/file`)).status).toBe(204);
}

describe("image safety against the real Glance: refused before Glance keeps anything", () => {
  it("the inspector reads qemu-img's own images as qemu-img does", () => {
    const inspect = (bytes: Uint8Array) => {
      const inspector = new FormatInspector();
      inspector.feed(bytes);
      return inspector.finish();
    };
    expect(inspect(backed)).toMatchObject({ format: "qcow2", unsafe: 'with a backing file "base.raw"' });
    expect(inspect(real)).toEqual({ format: "qcow2", virtualSize: realVirtualSize });
  });

  it.each(["qcow2", "raw"])(
    "refuses a qcow2 with a backing file uploaded as %s: 400 naming the file, the image queued with no data",
    { timeout: TIMEOUT_MS },
    async (diskFormat) => {
      const image = await fixture(`backed-as-${diskFormat}`, diskFormat);
      const problem = await problemOf(await put(`/api/glance/images/${image.id}/file/`, backed), 400);
      expect(problem.type).toBe("urn:glance-edge:problem:unsafe-image");
      expect(problem.detail).toBe('detected qcow2 with a backing file "base.raw"; refused');
      await expectNoData(image.id);
    },
  );

  it(
    "uploads a real qcow2 made by qemu-img as qcow2: active, with Glance's checksum and virtual size",
    { timeout: TIMEOUT_MS },
    async () => {
      const image = await fixture("real-qcow2", "qcow2");
      const response = await put(`/api/glance/images/${image.id}/file/`, real);
      const text = await response.text();
      expect(response.status, text).toBe(200);
      expect(response.headers.get("x-image-format")).toBe(`qcow2;virtual-size=${realVirtualSize}`);
      expect(ImageSchema.parse(JSON.parse(text)).status).toBe("active");
      const stored = await glanceImage(image.id);
      expect([stored.status, stored.size, stored.checksum]).toEqual([
        "active",
        real.byteLength,
        createHash("md5").update(real).digest("hex"),
      ]);
      // Glance's own inspector read the same virtual size from the header.
      expect(stored.virtual_size).toBe(realVirtualSize);
    },
  );

  it("refuses a real qcow2 uploaded as raw as a format mismatch", { timeout: TIMEOUT_MS }, async () => {
    const image = await fixture("qcow2-as-raw", "raw");
    const problem = await problemOf(await put(`/api/glance/images/${image.id}/file/`, real), 400);
    expect(problem.detail).toBe("detected qcow2, but the image's disk_format is raw; refused");
    await expectNoData(image.id);
  });

  it(
    "refuses data whose Repr-Digest does not match: 400 naming both, the image queued with no data",
    { timeout: TIMEOUT_MS },
    async () => {
      const image = await fixture("wrong-digest", "qcow2");
      const wrong = `sha-256=:${createHash("sha256").update("something else").digest("base64")}:`;
      const response = await put(`/api/glance/images/${image.id}/file/`, real, { "repr-digest": wrong });
      const problem = await problemOf(response, 400);
      expect(problem.type).toBe("urn:glance-edge:problem:digest-mismatch");
      expect(problem.detail).toBe(
        `Repr-Digest says ${wrong} but the data received has sha-256=:${createHash("sha256").update(real).digest("base64")}:; refused`,
      );
      await expectNoData(image.id);

      // The same upload with the right digest goes through, and the answer repeats it.
      const right = `sha-256=:${createHash("sha256").update(real).digest("base64")}:`;
      const accepted = await put(`/api/glance/images/${image.id}/file/`, real, { "repr-digest": right });
      expect(accepted.status, await accepted.clone().text()).toBe(200);
      expect(accepted.headers.get("repr-digest")).toContain(right);
      expect((await glanceImage(image.id)).status).toBe("active");
    },
  );

  it(
    "refuses staging a qcow2 with a backing file: Glance's staged data is removed",
    { timeout: TIMEOUT_MS },
    async () => {
      const image = await fixture("stage-backed", "qcow2");
      const problem = await problemOf(await put(`/api/glance/images/${image.id}/stage/`, backed), 400);
      expect(problem.type).toBe("urn:glance-edge:problem:unsafe-image");
      await expectNoData(image.id);
    },
  );

  it(
    "refuses it through Horizon's legacy form, and the image the form created is deleted",
    { timeout: TIMEOUT_MS },
    async () => {
      const name = imageName("legacy-backed");
      const boundary = "----glance-edge-safety";
      const head = [
        ["name", name],
        ["disk_format", "qcow2"],
      ]
        .map(([field, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n`)
        .join("");
      const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="data"; filename="backed.qcow2"\r\nContent-Type: application/octet-stream\r\n\r\n`;
      const body = Buffer.concat([Buffer.from(head + fileHead), backed, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const response = await fetch(`${e2e().baseUrl}/api/glance/images/`, {
        method: "POST",
        headers: { "x-auth-token": tokenOf("demo"), "content-type": `multipart/form-data; boundary=${boundary}` },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const problem = await problemOf(response, 400);
      expect(problem.detail).toBe('detected qcow2 with a backing file "base.raw"; refused');
      const left = await imagesLeftNamed(name);
      created.push(...left.map((image) => image.id));
      expect(left).toEqual([]);
    },
  );

  it("refuses it at the direct mode's upload_url", { timeout: TIMEOUT_MS }, async () => {
    const createdImage = await api("/api/glance/images/", {
      method: "PUT",
      body: { name: imageName("direct-backed"), disk_format: "qcow2", source_type: "file-direct", data: "x.qcow2" },
    });
    const image = CreatedImageSchema.parse(createdImage.body);
    created.push(image.id);
    const response = await fetch(image.upload_url!, {
      method: "PUT",
      headers: { "x-auth-token": tokenOf("demo"), "content-type": "application/octet-stream" },
      body: backed,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    expect((await problemOf(response, 400)).type).toBe("urn:glance-edge:problem:unsafe-image");
    await expectNoData(image.id);
  });
});

import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { ImageTaskListSchema } from "../../src/routes/image-actions/image-actions.schemas";
import { ImageSchema } from "../../src/routes/images/images.schemas";
import { ImportMethodsSchema, StoresSchema, UsageSchema } from "../../src/routes/info/info.schemas";
import { api, glance, tokenOf } from "./support/http";
import { deleteImages, glanceImage, imageName } from "./support/images";
import { e2e } from "./support/context";
import type { Account } from "./support/stack";

// 3 MiB and a bit: several reads on the way in, and random, so the checksums prove these bytes arrived.
const PAYLOAD = randomBytes(3 * 1024 * 1024 + 517);
const created: string[] = [];

afterAll(async () => {
  await deleteImages(created);
});

async function createImage(label: string): Promise<string> {
  const response = await api("/api/glance/images/", {
    method: "PUT",
    body: { name: imageName(label), disk_format: "raw", container_format: "bare" },
  });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${response.text}`);
  const { id } = ImageSchema.parse(response.body);
  created.push(id);
  return id;
}

/** Image data through glance-edge's data routes (`PUT …/stage/`, `PUT`/`GET …/file/`). */
async function edgeData(method: "PUT" | "GET", path: string, as: Account = "demo", body?: Buffer) {
  const headers: Record<string, string> = { "x-auth-token": tokenOf(as) };
  const init: RequestInit = { method, headers, redirect: "manual", signal: AbortSignal.timeout(60_000) };
  if (body) {
    headers["content-type"] = "application/octet-stream";
    init.body = body;
  }
  const response = await fetch(`${e2e().baseUrl}${path}`, init);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function importThroughEdge(imageId: string, body: unknown, as: Account = "demo") {
  return await api(`/api/glance/images/${imageId}/import/`, { method: "POST", as, body });
}

function expectProblem(response: { status: number; body: unknown }, status: number) {
  expect(response.status).toBe(status);
  return ProblemSchema.parse(response.body);
}

async function waitForActive(imageId: string) {
  let status = "";
  await expect
    .poll(
      async () => {
        const image = ImageSchema.parse((await api(`/api/glance/images/${imageId}/`)).body);
        if (image.status === "killed" || image.properties.os_glance_failed_import) {
          throw new Error(`import failed in Glance: ${JSON.stringify(image)}`);
        }
        status = image.status ?? "";
        return status;
      },
      { timeout: 150_000, interval: 1_000 },
    )
    .toBe("active");
}

describe("deployment info through glance-edge", () => {
  it("import methods are Glance's, glance-direct and web-download among them", async () => {
    const response = await api("/api/glance/info/import/");
    expect(response.status).toBe(200);
    const methods = ImportMethodsSchema.parse(response.body).import_methods;
    const direct = (await glance("/v2/info/import")).body as { "import-methods": { value: string[] } };
    expect(methods).toEqual(direct["import-methods"].value);
    expect(methods).toEqual(expect.arrayContaining(["glance-direct", "web-download"]));
  });

  it("stores: an empty list for the single-store Glance, which itself answers 404", async () => {
    expect((await glance("/v2/info/stores")).status).toBe(404);
    const response = await api("/api/glance/info/stores/");
    expect(response.status).toBe(200);
    expect(StoresSchema.parse(response.body)).toEqual({ stores: [] });
  });

  it("usage: what Glance reports for the caller's project", async () => {
    const response = await api("/api/glance/info/usage/");
    expect(response.status).toBe(200);
    expect(UsageSchema.parse(response.body)).toEqual((await glance("/v2/info/usage")).body);
  });
});

describe("stage + glance-direct import against the real Glance", () => {
  let imageId: string;

  // One retry: Glance's own sqlite can refuse the import task's final write ("database is locked",
  // seen in the web-download e2e on this 2-core machine), which fails the import inside Glance.
  it(
    "imports the staged bytes: 202 with the image and Location, then active with their checksums",
    { retry: 1 },
    async () => {
      imageId = await createImage("direct");
      const staged = await edgeData("PUT", `/api/glance/images/${imageId}/stage/`, "demo", PAYLOAD);
      expect(staged.status, staged.bytes.toString()).toBe(200);
      expect(ImageSchema.parse(JSON.parse(staged.bytes.toString())).status).toBe("uploading");
      expect((await glanceImage(imageId)).status).toBe("uploading");

      const response = await importThroughEdge(imageId, { method: "glance-direct" });
      expect(response.status).toBe(202);
      expect(response.headers.get("location")).toBe(`/api/glance/images/${imageId}/`);
      // Glance runs the import in a thread after answering 202: the re-read may still see the staged state.
      expect(["uploading", "importing", "active"]).toContain(ImageSchema.parse(response.body).status);

      await waitForActive(imageId);
      const image = await glanceImage(imageId);
      expect(image.size).toBe(PAYLOAD.length);
      expect(image.checksum).toBe(createHash("md5").update(PAYLOAD).digest("hex"));
      expect(image.os_hash_value).toBe(createHash("sha512").update(PAYLOAD).digest("hex"));
    },
  );

  it("the import task is listed through the tasks route, as Glance lists it", async () => {
    // Glance makes the image active before its import flow's last step marks the task a success.
    await expect
      .poll(
        async () => {
          const { tasks } = (await glance(`/v2/images/${imageId}/tasks`)).body as { tasks: { status: string }[] };
          return tasks.at(-1)?.status;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe("success");
    const response = await api(`/api/glance/images/${imageId}/tasks/`);
    expect(response.status).toBe(200);
    const { items } = ImageTaskListSchema.parse(response.body);
    const direct = (await glance(`/v2/images/${imageId}/tasks`)).body as { tasks: { id: string }[] };
    expect(items.map((task) => task.id)).toEqual(direct.tasks.map((task) => task.id));
    const task = items.at(-1);
    expect(task).toMatchObject({
      type: "api_image_import",
      status: "success",
      image_id: imageId,
      result: { image_id: imageId },
    });
    expect(task?.input).toMatchObject({ image_id: imageId, import_req: { method: { name: "glance-direct" } } });
    expect(task).not.toHaveProperty("deleted");
  });

  it("importing into an active image is Glance's 409, passed through", async () => {
    const problem = expectProblem(await importThroughEdge(imageId, { method: "glance-direct" }), 409);
    expect(problem.upstream_status).toBe(409);
    expect(problem.detail).toMatch(/active/);
  });
});

describe("web-download through the import route against the real Glance", () => {
  let server: Server;
  let uri: string;
  const served: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      served.push(`${request.method} ${request.url}`);
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": PAYLOAD.length });
      response.end(request.method === "HEAD" ? undefined : PAYLOAD);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    // Glance's import filter allows the literal 127.0.0.1 only (not "localhost").
    uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/web-download.raw`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it("Glance fetches the uri and the image becomes active with those bytes", { retry: 1 }, async () => {
    const imageId = await createImage("web-download");

    const response = await importThroughEdge(imageId, { method: "web-download", uri });
    expect(response.status, response.text).toBe(202);
    await waitForActive(imageId);

    expect(served).toContain("GET /web-download.raw");
    const image = await glanceImage(imageId);
    expect(image.size).toBe(PAYLOAD.length);
    expect(image.os_hash_value).toBe(createHash("sha512").update(PAYLOAD).digest("hex"));
  });
});

describe("import refusals against the real Glance leave the image as it was", () => {
  let queuedId: string;

  it("glance-direct before anything is staged: Glance's 409", async () => {
    queuedId = await createImage("unstaged");
    const problem = expectProblem(await importThroughEdge(queuedId, { method: "glance-direct" }), 409);
    expect(problem.detail).toMatch(/staged/);
    expect((await glanceImage(queuedId)).status).toBe("queued");
  });

  it("a method this Glance does not offer: 400 naming the offered ones, before the method's own fields", async () => {
    const body = {
      method: "glance-download",
      glance_image_id: "c4705b36-b281-40f6-a01d-bf98883ead8e",
      glance_region: "RegionTwo",
    };
    const problem = expectProblem(await importThroughEdge(queuedId, body), 400);
    expect(problem.detail).toMatch(
      /^Glance does not offer the glance-download import method here \(offered: .*glance-direct/,
    );
    // Reported before that method's own fields are asked for.
    const fieldless = expectProblem(await importThroughEdge(queuedId, { method: "glance-download" }), 400);
    expect(fieldless.errors?.map((error) => error.field)).toEqual(["method"]);
    expect(fieldless.detail).toBe(problem.detail);
    expect((await glance(`/v2/images/${queuedId}/tasks`)).body).toEqual({ tasks: [] });
  });

  it("stores on this single-store Glance: 400 (Glance itself would silently ignore them)", async () => {
    const body = { method: "web-download", uri: "http://127.0.0.1:9/never-fetched.raw", stores: ["file"] };
    const problem = expectProblem(await importThroughEdge(queuedId, body), 400);
    expect(problem.errors?.map((error) => error.field)).toEqual(["stores"]);
    const image = await glanceImage(queuedId);
    expect(image.status).toBe("queued");
    expect(image).not.toHaveProperty("os_glance_import_task");
  });
});

describe("deactivate and reactivate against the real Glance", () => {
  let imageId: string;

  it("admin deactivates (Horizon's slashless path, 204); the owner's download is then 403; reactivate (204) restores it", async () => {
    imageId = await createImage("deactivate");
    const uploaded = await edgeData("PUT", `/api/glance/images/${imageId}/file/`, "demo", PAYLOAD);
    expect(uploaded.status, uploaded.bytes.toString()).toBe(200);
    expect((await glanceImage(imageId)).status).toBe("active");

    const deactivated = await api(`/api/glance/images/${imageId}/actions/deactivate`, { method: "POST", as: "admin" });
    expect(deactivated.status).toBe(204);
    expect(deactivated.text).toBe("");
    expect((await glanceImage(imageId)).status).toBe("deactivated");
    expect(ImageSchema.parse((await api(`/api/glance/images/${imageId}/`)).body).status).toBe("deactivated");

    const refused = await edgeData("GET", `/api/glance/images/${imageId}/file/`, "demo");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(ProblemSchema.parse(JSON.parse(refused.bytes.toString())).detail).toMatch(/deactivated/);

    const reactivated = await api(`/api/glance/images/${imageId}/actions/reactivate/`, { method: "POST", as: "admin" });
    expect(reactivated.status).toBe(204);
    expect((await glanceImage(imageId)).status).toBe("active");
    const downloaded = await edgeData("GET", `/api/glance/images/${imageId}/file/`, "demo");
    expect(downloaded.status).toBe(200);
    expect(downloaded.bytes.equals(PAYLOAD)).toBe(true);
  });

  it("the other spellings work too: the slash path to deactivate, the slashless one to reactivate", async () => {
    expect(
      (await api(`/api/glance/images/${imageId}/actions/deactivate/`, { method: "POST", as: "admin" })).status,
    ).toBe(204);
    expect((await glanceImage(imageId)).status).toBe("deactivated");
    expect(
      (await api(`/api/glance/images/${imageId}/actions/reactivate`, { method: "POST", as: "admin" })).status,
    ).toBe(204);
    expect((await glanceImage(imageId)).status).toBe("active");
  });

  it("another project's member gets Glance's 404 (the image is not visible to it), and nothing changes", async () => {
    const response = await api(`/api/glance/images/${imageId}/actions/deactivate`, { method: "POST", as: "alt" });
    expectProblem(response, 404);
    expect((await glanceImage(imageId)).status).toBe("active");
  });

  it("deactivating a queued image is Glance's 403 with its message", async () => {
    const queuedId = await createImage("deactivate-queued");
    const problem = expectProblem(
      await api(`/api/glance/images/${queuedId}/actions/deactivate`, { method: "POST", as: "admin" }),
      403,
    );
    expect(problem.detail).toBe("Not allowed to deactivate image in status 'queued'");
  });

  it("an image that does not exist is a 404", async () => {
    expectProblem(
      await api("/api/glance/images/00000000-0000-4000-8000-000000000000/actions/reactivate", {
        method: "POST",
        as: "admin",
      }),
      404,
    );
  });
});

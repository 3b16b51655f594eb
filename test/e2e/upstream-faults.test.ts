import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { ImageListSchema, ImageSchema } from "../../src/routes/images/images.schemas";
import { api } from "./support/http";
import { createGlanceImage, deleteImages, imageName } from "./support/images";
import { GLANCE_URL, KEYSTONE_URL, pauseService, resumeService, startService, stopService } from "./support/stack";
import { type RunningWorker, startWorker } from "./support/worker";

const TIMEOUT_MS = 3_000;
let imageId: string | undefined;
// A second worker with a short upstream timeout, so the frozen-Glance case answers in seconds.
let impatient: RunningWorker | undefined;

beforeAll(async () => {
  await startService("glance");
  imageId = (await createGlanceImage({ name: imageName("fault") })).id;
  impatient = await startWorker({ GLANCE_URL, KEYSTONE_URL, GLANCE_TIMEOUT_MS: String(TIMEOUT_MS) });
});

// Whatever happened in a test, Glance runs again afterwards (the global teardown checks too).
afterAll(async () => {
  await resumeService("glance");
  await startService("glance");
  await impatient?.stop();
  if (imageId) await deleteImages([imageId]);
});

function expectUpstreamProblem(
  response: { status: number; headers: Headers; body: unknown; text: string },
  status: number,
  code: string,
) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const problem = ProblemSchema.parse(response.body);
  expect(problem.status).toBe(status);
  expect(problem.type).toMatch(new RegExp(`${code}$`));
  expect(response.text).not.toContain(GLANCE_URL);
  return problem;
}

describe("upstream faults with the real Glance process", () => {
  it("stopped: 502 problems while Glance is down, and recovery when it is back", async () => {
    const before = await api(`/api/glance/images/${imageId}/`);
    expect(before.status).toBe(200);

    await stopService("glance");
    try {
      for (const path of [
        "/api/glance/images/",
        `/api/glance/images/${imageId}/`,
        "/api/glance/metadefs/namespaces/?resource_type=OS::Nova::Flavor",
      ]) {
        const problem = expectUpstreamProblem(await api(path), 502, "bad-gateway");
        expect(problem.detail).toBe("Glance could not be reached");
      }
      const write = await api(`/api/glance/images/${imageId}/`, {
        method: "PATCH",
        body: { name: "while-down", disk_format: "raw", visibility: "private", protected: false },
      });
      expectUpstreamProblem(write, 502, "bad-gateway");
    } finally {
      await startService("glance");
    }

    const list = await api("/api/glance/images/?paginate=true&limit=1");
    expect(list.status).toBe(200);
    ImageListSchema.parse(list.body);
    const after = await api(`/api/glance/images/${imageId}/`);
    expect(after.status).toBe(200);
    expect(ImageSchema.parse(after.body).name).toBe(ImageSchema.parse(before.body).name);
  });

  it("frozen (accepts connections, never answers): 504 after GLANCE_TIMEOUT_MS, and recovery when it thaws", async () => {
    const baseUrl = impatient!.baseUrl;
    expect((await api(`/api/glance/images/${imageId}/`, { baseUrl })).status).toBe(200);

    await pauseService("glance");
    try {
      const problem = expectUpstreamProblem(
        await api(`/api/glance/images/${imageId}/`, { baseUrl }),
        504,
        "gateway-timeout",
      );
      expect(problem.detail).toBe(`Glance did not answer within ${TIMEOUT_MS} ms`);
    } finally {
      await resumeService("glance");
    }

    await expect
      .poll(async () => (await api(`/api/glance/images/${imageId}/`, { baseUrl })).status, {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(200);
  });
});

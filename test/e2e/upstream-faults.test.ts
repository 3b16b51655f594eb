import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { ImageListSchema, ImageSchema } from "../../src/routes/images/images.schemas";
import { api } from "./support/http";
import { createGlanceImage, deleteImages, imageName } from "./support/images";
import { GLANCE_URL, startService, stopService } from "./support/stack";

let imageId: string | undefined;

beforeAll(async () => {
  await startService("glance");
  imageId = (await createGlanceImage({ name: imageName("fault") })).id;
});

// Whatever happened in the test, Glance runs again afterwards (the global teardown checks too).
afterAll(async () => {
  await startService("glance");
  if (imageId) await deleteImages([imageId]);
});

describe("upstream faults with the real Glance process stopped", () => {
  it("answers 502 problems while Glance is down, and recovers when it is back", async () => {
    const before = await api(`/api/glance/images/${imageId}/`);
    expect(before.status).toBe(200);

    await stopService("glance");
    try {
      for (const path of ["/api/glance/images/", `/api/glance/images/${imageId}/`, "/api/glance/metadefs/namespaces/?resource_type=OS::Nova::Flavor"]) {
        const response = await api(path);
        expect(response.status, path).toBe(502);
        expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        const problem = ProblemSchema.parse(response.body);
        expect(problem).toMatchObject({ status: 502, detail: "Glance could not be reached" });
        expect(problem.type).toMatch(/bad-gateway$/);
        expect(response.text).not.toContain(GLANCE_URL);
      }
      const write = await api(`/api/glance/images/${imageId}/`, {
        method: "PATCH",
        body: { name: "while-down", disk_format: "raw", visibility: "private", protected: false },
      });
      expect(write.status).toBe(502);
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
});

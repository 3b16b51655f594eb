import { afterEach, describe, expect, it, vi } from "vitest";
import { GlanceClient } from "../../src/glance/client";
import { callWorker } from "../support/call-api";
import { problemOf } from "../support/expect";
import { GLANCE, stubUpstream } from "../support/glance-stub";

afterEach(() => vi.restoreAllMocks());

// Image ids are UUIDs; a path segment that is not one never reaches Glance. Horizon has no check of its
// own (its url_regex takes any segment, `default` named in it too) and answers Glance's 404 on its
// routes, so those answer 404 here; the routes Horizon does not have answer a 400 naming the parameter.
// (A whole `%2E%2E` segment is resolved by the URL parser of this in-process Request before routing;
// over HTTP workerd keeps it, which test/e2e/hardening.test.ts checks against the real Glance.)
const NOT_IDS = [
  ["not-a-uuid", "not-a-uuid"],
  ["default", "default"],
  ["..%2Ftasks", "../tasks"],
  ["%2E%2E%2Ftasks", "../tasks"],
  ["6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b1", "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b1"],
  ["6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10%0A", "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10\n"],
] as const;

const HORIZON_ROUTES = [
  ["GET", "/"],
  ["PATCH", "/"],
  ["DELETE", "/"],
  ["GET", "/properties/"],
  ["PATCH", "/properties/"],
  ["POST", "/actions/deactivate/"],
  ["POST", "/actions/deactivate"],
  ["POST", "/actions/reactivate/"],
  ["POST", "/actions/reactivate"],
] as const;

const OWN_ROUTES = [
  ["GET", "/file/"],
  ["HEAD", "/file/"],
  ["PUT", "/file/"],
  ["PUT", "/stage/"],
  ["POST", "/import/"],
  ["GET", "/tasks/"],
] as const;

function bodyFor(method: string, suffix: string) {
  if (suffix === "/file/" || suffix === "/stage/") {
    return method === "PUT" ? { body: "abc", headers: { "content-type": "application/octet-stream" } } : {};
  }
  if (method === "PATCH" && suffix === "/properties/")
    return { body: '{"updated": {"a": "b"}}', headers: { "content-type": "application/json" } };
  if (method === "PATCH") return { body: '{"name": "x"}', headers: { "content-type": "application/json" } };
  if (suffix === "/import/")
    return { body: '{"method": "glance-direct"}', headers: { "content-type": "application/json" } };
  return {};
}

describe("image ids are UUIDs: anything else never reaches Glance", () => {
  describe.each(NOT_IDS)("image_id %s", (raw, decoded) => {
    it.each(HORIZON_ROUTES)(
      "%s /api/glance/images/{id}%s is Horizon's 404, with no Glance call",
      async (method, suffix) => {
        const stub = stubUpstream({});
        const response = await callWorker(`/api/glance/images/${raw}${suffix}`, { method, ...bodyFor(method, suffix) });
        const problem = await problemOf(response, 404);
        expect(problem.type).toBe("urn:glance-edge:problem:not-found");
        expect(problem.detail).toBe(`No image found with ID ${decoded}: image ids are UUIDs`);
        expect(stub.calls).toEqual([]);
      },
    );

    it.each(OWN_ROUTES)(
      "%s /api/glance/images/{id}%s is a 400 naming the path parameter, with no Glance call",
      async (method, suffix) => {
        const stub = stubUpstream({});
        const response = await callWorker(`/api/glance/images/${raw}${suffix}`, { method, ...bodyFor(method, suffix) });
        expect(response.status).toBe(400);
        if (method !== "HEAD") {
          const problem = await problemOf(response, 400);
          expect(problem.type).toBe("urn:glance-edge:problem:validation-error");
          expect(problem.errors).toEqual([
            {
              location: "path",
              field: "image_id",
              message: "must be an image id: a UUID (8-4-4-4-12 hexadecimal digits)",
            },
          ]);
        }
        expect(stub.calls).toEqual([]);
      },
    );
  });

  it("a UUID in capitals is an id like any other (Glance compares them as given)", async () => {
    const id = "6E2C5B1A-9A34-4C0E-8F0A-2F3D7C1E9B10";
    const stub = stubUpstream({});
    await callWorker(`/api/glance/images/${id}/tasks/`);
    expect(stub.calls.map((call) => call.path)).toEqual([`/v2/images/${id}/tasks`]);
  });
});

describe("the Glance client builds no path from an id that is not a UUID (defence in depth)", () => {
  const client = new GlanceClient({ baseUrl: GLANCE, timeoutMs: 1000, openstackRequestId: "req-test" });
  const stream = () => new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });

  it("refuses .., ., default, ../tasks, x/y and an empty id on every image call, calling nothing", async () => {
    const stub = stubUpstream({});
    for (const id of ["..", ".", "default", "../tasks", "x/y", ""]) {
      const calls: (() => Promise<unknown>)[] = [
        () => client.getImage(id),
        () => client.updateImage(id, []),
        () => client.deleteImage(id),
        () => client.importImage(id, { name: "glance-direct" }),
        () => client.listImageTasks(id),
        () => client.changeImageActivation(id, "deactivate"),
        () => client.uploadImageData(id, stream(), 0),
        () => client.stageImageData(id, stream(), 0),
        () => client.downloadImageData(id),
      ];
      for (const call of calls) await expect(Promise.resolve().then(call), id).rejects.toThrow(/is not an image id/);
    }
    expect(stub.calls).toEqual([]);
  });
});

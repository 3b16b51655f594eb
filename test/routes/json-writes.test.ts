import { afterEach, describe, expect, it, vi } from "vitest";
import { openApiDocument } from "../../scripts/render-openapi";
import { JSON_PATCH_MEDIA_TYPE } from "../../src/glance/client";
import { callApi } from "../support/call-api";
import { problemOf } from "../support/expect";
import { GLANCE_IMAGE_ID } from "../support/glance-image";
import { stubUpstream } from "../support/glance-stub";

// The refusals every JSON write shares, over every operation the OpenAPI document gives a JSON
// body (so a route added later is covered, and fails here until it has a sample body).

/** A body each operation accepts, by operationId: the refusals below are built from it. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  createImage: { name: "x" },
  createImageWithPut: { name: "x" },
  updateImage: { name: "x", disk_format: "raw", visibility: "private", protected: false },
  updateImageProperties: { updated: { a: "b" }, removed: [] },
  importImage: { method: "glance-direct" },
};

interface Operation {
  operationId?: string;
  requestBody?: { content?: Record<string, unknown> };
}

const JSON_WRITES = Object.entries(openApiDocument().paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>)
    .filter(([, operation]) => "application/json" in (operation.requestBody?.content ?? {}))
    .map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path: path.replace("{image_id}", GLANCE_IMAGE_ID),
      operationId: operation.operationId ?? "",
    })),
);

/** The valid body as JSON text with `extra` spliced in first (a JS object literal's "__proto__" would set the prototype). */
const withKeys = (body: Record<string, unknown>, extra: string) => JSON.stringify(body).replace(/^\{/, `{${extra},`);

afterEach(() => vi.restoreAllMocks());

describe("every JSON write route", () => {
  it("is in the table of sample bodies", () => {
    expect(JSON_WRITES.map((route) => route.operationId).sort()).toEqual(Object.keys(VALID_BODIES).sort());
  });

  describe.each(JSON_WRITES)("$name", ({ method, path, operationId }) => {
    const valid = VALID_BODIES[operationId];

    it.each([
      ["at the top", '"__proto__":"y"', "__proto__"],
      ["in a nested object", '"nested":{"a":{"__proto__":1}}', "nested.a.__proto__"],
    ])(
      "refuses an own __proto__ key %s (zod would drop it) with a 400 naming it, before any Glance call",
      async (_where, extra, field) => {
        const stub = stubUpstream({});
        const response = await callApi(path, { method, body: withKeys(valid, extra) });
        expect((await problemOf(response, 400)).errors).toEqual([
          { location: "body", field, message: "__proto__ cannot be used as a property name" },
        ]);
        expect(stub.calls).toEqual([]);
      },
    );

    it.each(['{"name":', "{bad", `${JSON.stringify(valid)} trailing`])(
      "answers malformed JSON %s with a 400 malformed-json problem, before any Glance call",
      async (body) => {
        const stub = stubUpstream({});
        const problem = await problemOf(await callApi(path, { method, body }), 400);
        expect(problem.type).toBe("urn:glance-edge:problem:malformed-json");
        expect(stub.calls).toEqual([]);
      },
    );

    it("refuses a JSON value that is not an object with a 400 validation problem", async () => {
      const stub = stubUpstream({});
      const problem = await problemOf(await callApi(path, { method, body: "[]" }), 400);
      expect(problem.type).toBe("urn:glance-edge:problem:validation-error");
      expect(stub.calls).toEqual([]);
    });

    it.each(["text/plain", "application/x-www-form-urlencoded", JSON_PATCH_MEDIA_TYPE])(
      "answers a %s body with 415, before any Glance call",
      async (contentType) => {
        const stub = stubUpstream({});
        const response = await callApi(path, {
          method,
          body: JSON.stringify(valid),
          headers: { "content-type": contentType },
        });
        expect((await problemOf(response, 415)).type).toBe("urn:glance-edge:problem:unsupported-media-type");
        expect(stub.calls).toEqual([]);
      },
    );

    it("answers 401 without a token, before reading the body", async () => {
      const stub = stubUpstream({});
      const response = await callApi(path, { method, body: "{bad", token: null });
      expect((await problemOf(response, 401)).type).toBe("urn:glance-edge:problem:unauthenticated");
      expect(stub.calls).toEqual([]);
    });
  });
});

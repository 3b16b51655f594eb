import { describe, expect, it } from "vitest";
import { toStoreInfo } from "../../src/glance/transform/info";
import { toImageTask } from "../../src/glance/transform/tasks";

describe("toImageTask", () => {
  it("reads the API reference's spelling (request-id, user) as well as Glance 25's", () => {
    expect(
      toImageTask({
        id: "t",
        "request-id": "req-1",
        user: "u1",
        status: "processing",
        type: "api_image_import",
        message: "Copied 15 MiB",
      }),
    ).toEqual({
      id: "t",
      type: "api_image_import",
      status: "processing",
      message: "Copied 15 MiB",
      image_id: null,
      owner: null,
      user_id: "u1",
      request_id: "req-1",
      input: null,
      result: null,
      created_at: null,
      updated_at: null,
      expires_at: null,
    });
  });
});

describe("toStoreInfo", () => {
  it("spells out default and read-only, which Glance leaves out when false", () => {
    expect(toStoreInfo({ id: "fast", default: true })).toEqual({
      id: "fast",
      description: "",
      default: true,
      read_only: false,
    });
    expect(toStoreInfo({ id: "web", description: "http", "read-only": true })).toEqual({
      id: "web",
      description: "http",
      default: false,
      read_only: true,
    });
  });
});

import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";

describe("loadConfig", () => {
  it("applies defaults for empty vars and trims the Glance URL", () => {
    const config = loadConfig({ GLANCE_URL: "http://127.0.0.1:9292/", API_RESULT_PAGE_SIZE: "", KEYSTONE_URL: "" });
    expect(config).toMatchObject({
      GLANCE_URL: "http://127.0.0.1:9292",
      API_RESULT_PAGE_SIZE: 20,
      API_RESULT_LIMIT: 1000,
      NAMESPACE_DETAIL_CONCURRENCY: 8,
      CORS_ALLOWED_ORIGINS: [],
    });
    expect(config.KEYSTONE_URL).toBeUndefined();
  });

  it("splits the CORS origin list", () => {
    expect(loadConfig({ GLANCE_URL: "http://g", CORS_ALLOWED_ORIGINS: "https://a, https://b" }).CORS_ALLOWED_ORIGINS).toEqual([
      "https://a",
      "https://b",
    ]);
  });

  it("names each bad variable", () => {
    try {
      loadConfig({ GLANCE_URL: "ftp://nope", API_RESULT_LIMIT: "0" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variables.map((v) => v.name).sort()).toEqual(["API_RESULT_LIMIT", "GLANCE_URL"]);
    }
  });
});

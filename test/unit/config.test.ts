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

  it("inspects uploads' formats by default (enforce, no virtual-size limit); report, off and a limit are taken, anything else named", () => {
    expect(loadConfig({ GLANCE_URL: "http://g" })).toMatchObject({
      FORMAT_INSPECTION: "enforce",
      MAX_VIRTUAL_SIZE_BYTES: 0,
    });
    expect(
      loadConfig({ GLANCE_URL: "http://g", FORMAT_INSPECTION: "report", MAX_VIRTUAL_SIZE_BYTES: "1099511627776" }),
    ).toMatchObject({ FORMAT_INSPECTION: "report", MAX_VIRTUAL_SIZE_BYTES: 2 ** 40 });
    expect(loadConfig({ GLANCE_URL: "http://g", FORMAT_INSPECTION: "off" }).FORMAT_INSPECTION).toBe("off");
    expect(() => loadConfig({ GLANCE_URL: "http://g", FORMAT_INSPECTION: "warn" })).toThrow(ConfigError);
    expect(() => loadConfig({ GLANCE_URL: "http://g", MAX_VIRTUAL_SIZE_BYTES: "-1" })).toThrow(ConfigError);
  });

  it("splits the CORS origin list", () => {
    expect(
      loadConfig({ GLANCE_URL: "http://g", CORS_ALLOWED_ORIGINS: "https://a, https://b" }).CORS_ALLOWED_ORIGINS,
    ).toEqual(["https://a", "https://b"]);
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

  it("takes Glance from the catalog when GLANCE_URL is empty and KEYSTONE_URL is set", () => {
    const config = loadConfig({
      GLANCE_URL: "",
      KEYSTONE_URL: "http://ks:5000/",
      GLANCE_ENDPOINT_ALLOWLIST: "Glance.R1.example, glance.r2.example,",
      DEFAULT_REGION: "",
    });
    expect(config).toMatchObject({
      KEYSTONE_URL: "http://ks:5000",
      GLANCE_INTERFACE: "public",
      GLANCE_ENDPOINT_ALLOWLIST: ["https://glance.r1.example:443", "https://glance.r2.example:443"],
    });
    expect(config.GLANCE_URL).toBeUndefined();
    expect(config.DEFAULT_REGION).toBeUndefined();
  });

  it("reads GLANCE_ENDPOINT_ALLOWLIST entries as scheme, host and port (https and its port unless given)", () => {
    const config = loadConfig({
      KEYSTONE_URL: "http://ks:5000",
      GLANCE_ENDPOINT_ALLOWLIST: "glance.a, glance.b:9292, http://glance.c:9292, http://glance.d, https://[::1]:8443",
    });
    expect(config.GLANCE_ENDPOINT_ALLOWLIST).toEqual([
      "https://glance.a:443",
      "https://glance.b:9292",
      "http://glance.c:9292",
      "http://glance.d:80",
      "https://[::1]:8443",
    ]);
    for (const bad of [
      "ftp://glance.a",
      "https://glance.a/v2",
      "https://user@glance.a",
      "glance.a?x=1",
      "glance a",
      "https://",
    ]) {
      expect(() => loadConfig({ KEYSTONE_URL: "http://ks:5000", GLANCE_ENDPOINT_ALLOWLIST: bad }), bad).toThrow(
        /GLANCE_ENDPOINT_ALLOWLIST/,
      );
    }
  });

  it("names both variables when neither GLANCE_URL nor KEYSTONE_URL is set, and refuses an unknown interface", () => {
    expect(() => loadConfig({ GLANCE_URL: "", KEYSTONE_URL: "" })).toThrow(/GLANCE_URL or KEYSTONE_URL/);
    try {
      loadConfig({ KEYSTONE_URL: "http://ks", GLANCE_INTERFACE: "private" });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).variables.map((v) => v.name)).toEqual(["GLANCE_INTERFACE"]);
    }
  });
});

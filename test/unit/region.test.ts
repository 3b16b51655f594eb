import { describe, expect, it } from "vitest";
import { ensureEndpointAllowed } from "../../src/glance-endpoint/endpoint-allowlist";
import { chooseRegion, defaultRegionOf, requestedRegion, withoutRegionQuery } from "../../src/glance-endpoint/region";
import { imageLocation, uploadUrl } from "../../src/glance-endpoint/self-links";
import { imageEndpoints } from "../../src/keystone/catalog";
import { ProblemError } from "../../src/lib/problem";
import { loadConfig } from "../../src/config";

const ONE = { region: "RegionOne", url: "http://one:9292" };
const TWO = { region: "RegionTwo", url: "http://two:9292" };

function problemFrom(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    return (error as ProblemError).init;
  }
  throw new Error("expected a ProblemError");
}

describe("imageEndpoints", () => {
  it("keeps one endpoint per region for the interface, sorted by region, trailing slashes trimmed", () => {
    const catalog = [
      { type: "identity", endpoints: [{ interface: "public", region_id: "RegionOne", url: "http://ks/v3" }] },
      {
        type: "image",
        endpoints: [
          { interface: "public", region_id: "RegionTwo", url: "http://two:9292/" },
          { interface: "admin", region_id: "RegionOne", url: "http://admin:9292" },
          { interface: "public", region: "RegionOne", url: "http://one:9292" },
          { interface: "public", region_id: "RegionOne", url: "http://second-one:9292" },
          { interface: "public", url: "http://no-region:9292" },
        ],
      },
    ];
    expect(imageEndpoints(catalog, "public")).toEqual([ONE, TWO]);
    expect(imageEndpoints(catalog, "admin")).toEqual([{ region: "RegionOne", url: "http://admin:9292" }]);
    expect(imageEndpoints([], "public")).toEqual([]);
  });
});

describe("requestedRegion", () => {
  it("reads the header or the query key, and neither is no choice", () => {
    expect(requestedRegion("https://e/x/", " RegionTwo ")?.region).toBe("RegionTwo");
    expect(requestedRegion("https://e/x/?region=RegionTwo", undefined)?.from.location).toBe("query");
    expect(requestedRegion("https://e/x/?region=RegionTwo", "RegionTwo")?.region).toBe("RegionTwo");
    expect(requestedRegion("https://e/x/", undefined)).toBeUndefined();
  });

  it("refuses an empty or conflicting choice with a 400", () => {
    expect(problemFrom(() => requestedRegion("https://e/x/?region=", undefined)).errors?.[0].field).toBe("region");
    expect(problemFrom(() => requestedRegion("https://e/x/", "")).errors?.[0].field).toBe("X-OpenStack-Region");
    expect(problemFrom(() => requestedRegion("https://e/x/?region=a", "b")).status).toBe(400);
  });

  it("drops only the region key from the URL", () => {
    expect(withoutRegionQuery("https://e/x/?a=1&region=R&b=2")).toBe("https://e/x/?a=1&b=2");
    expect(withoutRegionQuery("https://e/x/?a=1")).toBe("https://e/x/?a=1");
  });

  it("finds the key percent-encoded too, as a URL parser decodes it (the fast path skips only queries without it)", () => {
    expect(requestedRegion("https://e/x/?%72egion=RegionTwo", undefined)?.region).toBe("RegionTwo");
    expect(requestedRegion("https://e/x/?a=1&%72%65gion=RegionTwo", undefined)?.from.location).toBe("query");
    expect(withoutRegionQuery("https://e/x/?a=1&%72egion=R&b=2")).toBe("https://e/x/?a=1&b=2");
    expect(requestedRegion("https://e/x/?a=region", undefined)).toBeUndefined();
    expect(requestedRegion("https://e/region/", undefined)).toBeUndefined();
    expect(withoutRegionQuery("https://e/region/")).toBe("https://e/region/");
  });
});

describe("chooseRegion", () => {
  const asked = (region: string) => requestedRegion("https://e/x/", region);
  it("takes the asked region, else DEFAULT_REGION, else the only one", () => {
    expect(chooseRegion([ONE, TWO], asked("RegionTwo"), "RegionOne", "public")).toBe(TWO);
    expect(chooseRegion([ONE, TWO], undefined, "RegionOne", "public")).toBe(ONE);
    expect(chooseRegion([TWO], undefined, undefined, "public")).toBe(TWO);
  });

  it("lists the regions when the choice fails", () => {
    expect(problemFrom(() => chooseRegion([ONE, TWO], asked("Nope"), undefined, "public")).detail).toBe(
      "unknown region Nope; regions with an image endpoint for this token: RegionOne, RegionTwo",
    );
    expect(problemFrom(() => chooseRegion([ONE, TWO], undefined, undefined, "public")).detail).toContain(
      "choose one of: RegionOne, RegionTwo",
    );
    expect(problemFrom(() => chooseRegion([TWO], undefined, "RegionOne", "public")).detail).toContain(
      "the default region RegionOne has no image endpoint",
    );
    expect(problemFrom(() => chooseRegion([], undefined, undefined, "internal"))).toMatchObject({
      status: 403,
      code: "forbidden",
    });
  });

  it("says which region a request without a choice goes to", () => {
    expect(defaultRegionOf([ONE, TWO], "RegionTwo")).toBe("RegionTwo");
    expect(defaultRegionOf([ONE, TWO], undefined)).toBeUndefined();
    expect(defaultRegionOf([ONE], undefined)).toBe("RegionOne");
    expect(defaultRegionOf([ONE], "RegionNine")).toBeUndefined();
  });
});

describe("ensureEndpointAllowed", () => {
  const allowed = (url: string, list: string) =>
    ensureEndpointAllowed(
      { region: "R", url },
      loadConfig({ GLANCE_URL: "http://g", GLANCE_ENDPOINT_ALLOWLIST: list }).GLANCE_ENDPOINT_ALLOWLIST,
    );
  const refused = (url: string, list: string) => problemFrom(() => allowed(url, list));

  it("allows any http(s) endpoint without a list; not http(s) never", () => {
    expect(() => ensureEndpointAllowed(ONE, [])).not.toThrow();
    expect(problemFrom(() => ensureEndpointAllowed({ region: "R", url: "gopher://one" }, [])).status).toBe(502);
    expect(problemFrom(() => ensureEndpointAllowed({ region: "R", url: "not a url" }, [])).status).toBe(502);
  });

  it("matches scheme, host and port: a bare host means https on 443", () => {
    expect(() => allowed("https://glance.example/", "glance.example")).not.toThrow();
    expect(() => allowed("https://GLANCE.example:443/v2", "glance.example")).not.toThrow();
    expect(refused("http://glance.example/", "glance.example")).toMatchObject({
      status: 502,
      code: "bad-gateway",
      detail:
        "The service catalog's image endpoint for R is not one GLANCE_ENDPOINT_ALLOWLIST allows (scheme, host and port); it is not called",
    });
    expect(refused("https://glance.example:9292", "glance.example").status).toBe(502);
    expect(refused("https://other.example", "glance.example").status).toBe(502);
  });

  it("takes a port, and http only where an entry says http://", () => {
    expect(() => allowed("https://glance.example:9292/", "glance.example:9292")).not.toThrow();
    expect(refused("http://glance.example:9292/", "glance.example:9292").status).toBe(502);
    expect(() => allowed("http://glance.example:9292", "http://glance.example:9292")).not.toThrow();
    expect(refused("https://glance.example:9292", "http://glance.example:9292").status).toBe(502);
    expect(refused("http://glance.example", "http://glance.example:9292").status).toBe(502);
    expect(() => allowed("http://glance.example/", "http://GLANCE.example")).not.toThrow();
    expect(() => allowed("http://[::1]:9292/", "http://[::1]:9292")).not.toThrow();
  });
});

describe("self-links", () => {
  it("keep the region that served the request in the upload URL, and add nothing without one", () => {
    const request = "https://edge.example/api/glance/images/?region=x";
    expect(uploadUrl(request, "a b", "Region Two")).toBe(
      "https://edge.example/api/glance/images/a%20b/file/?region=Region+Two",
    );
    expect(uploadUrl(request, "id", undefined)).toBe("https://edge.example/api/glance/images/id/file/");
    expect(imageLocation({ id: "a/b" }, undefined)).toBe("/api/glance/images/a%2Fb/");
    expect(imageLocation({ id: "id" }, "Region Two")).toBe("/api/glance/images/id/?region=Region+Two");
  });
});

describe("region ids", () => {
  it("accepts inner spaces (Keystone allows them) but not control characters", () => {
    expect(requestedRegion("https://e/x/?region=Region%20Two", undefined)?.region).toBe("Region Two");
    expect(problemFrom(() => requestedRegion("https://e/x/?region=Region%0ATwo", undefined)).status).toBe(400);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { DOCS_PATH, SWAGGER_UI_ASSETS_BASE } from "../../src/docs/docs-page";
import { OPENAPI_DOCUMENT_PATH } from "../../src/openapi";
import { callApi } from "../support/call-api";
import { stubUpstream } from "../support/glance-stub";

afterEach(() => vi.restoreAllMocks());

/** Every URL the page loads or points Swagger UI at. */
function referencedUrls(html: string) {
  const attributes = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
  const options = [...html.matchAll(/\b(?:url|validatorUrl): '([^']*)'/g)].map((match) => match[1]);
  return { attributes, options };
}

describe(`GET ${DOCS_PATH}`, () => {
  it("serves Swagger UI over this Worker's own OpenAPI document, from its own assets, with no token and no upstream call", async () => {
    const stub = stubUpstream({});
    const response = await callApi(DOCS_PATH, { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("SwaggerUIBundle(");
    const { attributes, options } = referencedUrls(html);
    expect(attributes.sort()).toEqual(
      [
        `${SWAGGER_UI_ASSETS_BASE}/swagger-ui-dist/favicon-32x32.png`,
        `${SWAGGER_UI_ASSETS_BASE}/swagger-ui-dist/swagger-ui-bundle.js`,
        `${SWAGGER_UI_ASSETS_BASE}/swagger-ui-dist/swagger-ui.css`,
      ].sort(),
    );
    expect(options).toEqual([OPENAPI_DOCUMENT_PATH, "none"]);
    expect(html).not.toMatch(/https?:\/\//);
    expect(stub.calls).toHaveLength(0);
  });

  it("does not keep the token: Swagger UI's persistAuthorization is off (it would put the token in localStorage on this origin)", async () => {
    const html = await (await callApi(DOCS_PATH, { token: null })).text();
    expect(html).toMatch(/persistAuthorization: false/);
    expect(html).not.toMatch(/persistAuthorization: true/);
  });

  it("allows nothing but its own origin", async () => {
    const response = await callApi(DOCS_PATH, { token: null });
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers the slashless path with a 308 and other methods with a 405", async () => {
    const slashless = await callApi(DOCS_PATH.slice(0, -1), { token: null });
    expect(slashless.status).toBe(308);
    expect(slashless.headers.get("location")).toBe(DOCS_PATH);
    const post = await callApi(DOCS_PATH, { method: "POST", token: null, body: {} });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});

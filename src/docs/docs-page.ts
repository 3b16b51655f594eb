import { SwaggerUI } from "@hono/swagger-ui";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { OPENAPI_DOCUMENT_PATH } from "../openapi";

export const DOCS_PATH = "/api/glance/docs/";

/**
 * Where wrangler's `[assets]` serves swagger-ui-dist's files (scripts/docs-assets.mjs copies them into
 * public/); @hono/swagger-ui appends `/swagger-ui-dist/<file>`. Same origin, never a CDN: OpenStack
 * clouds are often air-gapped.
 */
export const SWAGGER_UI_ASSETS_BASE = "/api/glance/docs/assets";

const swaggerUi = SwaggerUI({
  url: OPENAPI_DOCUMENT_PATH,
  baseUrl: SWAGGER_UI_ASSETS_BASE,
  // Swagger UI would otherwise send the whole document to validator.swagger.io.
  validatorUrl: "none",
  // "Authorize" once with a token, then call any route. Not kept across reloads: Swagger UI would keep
  // it in localStorage, readable by every page of this origin (Horizon's, when the API sits beside it).
  persistAuthorization: false,
  displayOperationId: true,
  docExpansion: "list",
});

const DOCS_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="glance-edge API reference" />
    <title>glance-edge API reference</title>
    <link rel="icon" type="image/png" href="${SWAGGER_UI_ASSETS_BASE}/swagger-ui-dist/favicon-32x32.png" />
  </head>
  <body>
    ${swaggerUi}
  </body>
</html>
`;

/** Only this origin: the page, Swagger UI's files and every "Try it out" call stay on it. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Swagger UI is started by one inline script and styles its elements inline.
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The interactive API reference: Swagger UI over the OpenAPI document this Worker serves. */
export function docsPage(c: Context<AppEnv>) {
  return c.html(DOCS_HTML, 200, {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "cache-control": "public, max-age=300",
  });
}

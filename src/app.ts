import type { Context } from "hono";
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import { DOCS_PATH, docsPage } from "./docs/docs-page";
import type { AppEnv } from "./env";
import { KEYSTONE_TOKEN_SCHEME, KEYSTONE_TOKEN_SECURITY_SCHEME } from "./glance-endpoint/route-access";
import { createRouter } from "./lib/create-router";
import { onError, problem } from "./lib/errors";
import { buildRouteTable } from "./lib/route-table";
import { accessLog } from "./middleware/access-log";
import { boundedJsonBody } from "./middleware/bounded-json-body";
import { drainUnreadRequestBody } from "./middleware/drain-unread-body";
import { loadRequestConfig } from "./middleware/load-config";
import { requestId } from "./middleware/request-id";
import { responseHeaders } from "./middleware/response-headers";
import { OPENAPI_CONFIG, OPENAPI_DOCUMENT_PATH } from "./openapi";
import { routers } from "./routes";

const EXPOSED_HEADERS = [
  "X-Request-Id",
  "Cache-Status",
  "Location",
  "Server-Timing",
  "Content-Disposition",
  "Content-MD5",
  "Content-Range",
  "Repr-Digest",
  "Want-Repr-Digest",
  "X-Image-Format",
  // tus (resumable uploads): what tus-js-client and Uppy read from the answers.
  "Tus-Resumable",
  "Tus-Version",
  "Tus-Extension",
  "Tus-Max-Size",
  "Tus-Max-Chunk-Size",
  "Tus-Checksum-Algorithm",
  "Upload-Offset",
  "Upload-Length",
  "Upload-Metadata",
  "Upload-Expires",
  "Upload-Handoff",
  "Upload-Handoff-Problem",
  "Upload-Handoff-Detail",
];

/** CORS only for requests that carry an Origin; allowed origins come from CORS_ALLOWED_ORIGINS. */
const corsForAllowedOrigins = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.req.header("origin")) return next();
  return cors({
    origin: (origin, ctx: Context<AppEnv>) => (ctx.get("config").CORS_ALLOWED_ORIGINS.includes(origin) ? origin : null),
    allowHeaders: [
      "X-Auth-Token",
      "Content-Type",
      "X-Request-Id",
      "Range",
      "X-OpenStack-Region",
      "Repr-Digest",
      "Content-Digest",
      "Content-MD5",
      "Want-Repr-Digest",
      "Tus-Resumable",
      "Upload-Length",
      "Upload-Offset",
      "Upload-Metadata",
      "Upload-Checksum",
      "Upload-Defer-Length",
    ],
    allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  })(c, next);
});

export function createApp() {
  const app = createRouter();
  app.openAPIRegistry.registerComponent("securitySchemes", KEYSTONE_TOKEN_SCHEME, KEYSTONE_TOKEN_SECURITY_SCHEME);

  app.use(
    requestId,
    responseHeaders,
    accessLog,
    drainUnreadRequestBody,
    loadRequestConfig,
    corsForAllowedOrigins,
    boundedJsonBody,
  );
  for (const router of routers) app.route("/", router);
  app.doc31(OPENAPI_DOCUMENT_PATH, OPENAPI_CONFIG);
  app.get(DOCS_PATH, docsPage);

  const routeTable = buildRouteTable(app.openAPIRegistry.definitions, [
    { method: "get", path: OPENAPI_DOCUMENT_PATH },
    { method: "get", path: DOCS_PATH },
  ]);
  app.notFound((c) => {
    const { path } = c.req;
    const template = routeTable.match(path);
    if (template) {
      const allow = routeTable.allowHeader(template);
      if (c.req.method === "OPTIONS") return c.body(null, 204, { allow });
      return problem(c, {
        code: "method-not-allowed",
        status: 405,
        detail: `${c.req.method} is not allowed on ${template.path}; allowed: ${allow}`,
        headers: { allow },
      });
    }
    if (!path.endsWith("/") && routeTable.match(`${path}/`)) {
      // From the raw URL, not the decoded path: an encoded CR LF or space stays encoded in Location.
      const url = new URL(c.req.url);
      return c.body(null, 308, { location: `${url.pathname}/${url.search}` });
    }
    return problem(c, { code: "not-found", status: 404, detail: `No route for ${c.req.method} ${path}` });
  });
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;

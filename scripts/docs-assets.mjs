// Copies the Swagger UI files the docs page loads from node_modules/swagger-ui-dist into public/, the
// folder wrangler's [assets] serves (Cloudflare answers them before the Worker runs, so they are not
// part of the Worker's script). wrangler runs this as its [build] command before dev and deploy.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const FILES = ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE", "NOTICE"];
// @hono/swagger-ui asks for `${baseUrl}/swagger-ui-dist/<file>`; baseUrl is SWAGGER_UI_ASSETS_BASE in src/docs/docs-page.ts.
const TARGET = resolve(import.meta.dirname, "..", "public/api/glance/docs/assets/swagger-ui-dist");

const source = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
mkdirSync(TARGET, { recursive: true });
for (const file of FILES) copyFileSync(join(source, file), join(TARGET, file));

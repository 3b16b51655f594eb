// Copies the Swagger UI files the docs page loads from node_modules/swagger-ui-dist into public/, the
// folder wrangler's [assets] serves (Cloudflare answers them before the Worker runs, so they are not
// part of the Worker's script). wrangler runs this as its [build] command before dev and deploy, and
// vitest.config.ts before the workers pool starts (the pool needs the folder to exist).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const FILES = ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE", "NOTICE"];
// @hono/swagger-ui asks for `${baseUrl}/swagger-ui-dist/<file>`; baseUrl is SWAGGER_UI_ASSETS_BASE in src/docs/docs-page.ts.
const TARGET = resolve(import.meta.dirname, "..", "public/api/glance/docs/assets/swagger-ui-dist");

const source = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
mkdirSync(TARGET, { recursive: true });
// Files are only replaced when they differ, so a running `wrangler dev` never sees one missing.
for (const file of FILES) {
  const [from, to] = [join(source, file), join(TARGET, file)];
  if (!existsSync(to) || !readFileSync(from).equals(readFileSync(to))) copyFileSync(from, to);
}
for (const stale of readdirSync(TARGET)) if (!FILES.includes(stale)) rmSync(join(TARGET, stale), { recursive: true });

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { e2e } from "./support/context";
import { tokenOf } from "./support/http";
import { REPO_ROOT } from "./support/worker";

const run = promisify(execFile);
const CLIENT_DIR = join(REPO_ROOT, "clients/typescript");

// The published form of clients/typescript: `npm run build` makes dist/ (ESM + .d.ts), and that, not
// the TypeScript source the rest of this suite imports, is what a user of the package loads.
describe("@glance-edge/client as published: built dist used from plain JavaScript and from TypeScript", () => {
  beforeAll(async () => {
    await rm(join(CLIENT_DIR, "dist"), { recursive: true, force: true });
    await run("npm", ["run", "build", "--workspace", "@glance-edge/client"], { cwd: REPO_ROOT });
  });

  it("the package's files are the built dist (ESM + .d.ts), its README and LICENSE, and no TypeScript source", async () => {
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--workspace", "@glance-edge/client"], {
      cwd: REPO_ROOT,
    });
    const [pack] = JSON.parse(stdout) as { files: { path: string }[] }[];
    const files = pack.files.map((file) => file.path).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        "LICENSE",
        "README.md",
        "dist/index.d.ts",
        "dist/index.js",
        "dist/schema.d.ts",
        "package.json",
      ]),
    );
    expect(files.filter((file) => file.startsWith("src/") || file.startsWith("scripts/"))).toEqual([]);
  });

  it("plain node imports the built package and calls the running API with it (create, read, delete, a 404 problem)", async () => {
    const imageName = `${e2e().runPrefix}-plain-js-client`;
    const { stdout } = await run("node", [join(REPO_ROOT, "test/e2e/fixtures/plain-js-client.mjs")], {
      cwd: CLIENT_DIR,
      env: { ...process.env, GLANCE_EDGE_URL: e2e().baseUrl, OS_TOKEN: tokenOf("demo"), IMAGE_NAME: imageName },
      timeout: 120_000,
    });
    const seen = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(seen.created).toEqual({
      status: 201,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      location: `/api/glance/images/${seen.created.id}/`,
    });
    expect(seen.read).toEqual({ status: 200, name: imageName, status_field: "queued" });
    expect(seen.deleted).toBe(204);
    expect(seen.gone).toEqual({
      status: 404,
      type: "urn:glance-edge:problem:glance-error",
      detail: expect.stringContaining(seen.created.id),
    });
  });

  it("the built .d.ts types a TypeScript consumer under node16 module resolution (a wrong path is a type error)", async () => {
    const consumer = await mkdtemp(join(CLIENT_DIR, ".consumer-"));
    try {
      await writeFile(
        join(consumer, "use.mts"),
        [
          'import { createGlanceEdgeClient, type Image } from "@glance-edge/client";',
          'const client = createGlanceEdgeClient({ baseUrl: "http://127.0.0.1:8787", token: "t" });',
          'const { data } = await client.GET("/api/glance/images/{image_id}/", { params: { path: { image_id: "x" } } });',
          "const name: string | null | undefined = (data as Image | undefined)?.name;",
          "export { name };",
          "// @ts-expect-error: not a route of the API",
          'await client.GET("/api/glance/no-such-route/");',
        ].join("\n"),
      );
      const tsc = join(CLIENT_DIR, "node_modules/.bin/tsc");
      expect(existsSync(tsc)).toBe(true);
      await run(
        tsc,
        [
          "--noEmit",
          "--strict",
          "--module",
          "node16",
          "--moduleResolution",
          "node16",
          "--target",
          "es2022",
          "--lib",
          "es2022,dom",
          join(consumer, "use.mts"),
        ],
        { cwd: consumer },
      );
    } finally {
      await rm(consumer, { recursive: true, force: true });
    }
  });
});

import { execFileSync } from "node:child_process";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// wrangler.toml's [assets] folder must exist for the pool to start; wrangler dev and deploy fill it
// through their [build] command, which the pool does not run.
execFileSync(process.execPath, ["scripts/docs-assets.mjs"], { stdio: "inherit" });

export default defineConfig({
  plugins: [
    cloudflareTest({
      main: "./src/index.ts",
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        // Glance is answered by a stub at the fetch boundary (test/support/glance-stub.ts).
        bindings: {
          GLANCE_URL: "http://glance.test:9292",
          KEYSTONE_URL: "",
          // Route tests count every namespace-detail call; the public-detail cache has tests of its own that turn it on.
          PUBLIC_NAMESPACE_CACHE_TTL: "0",
          // Resumable uploads hand off by staging in the route tests (the web-download hand-off has its own).
          UPLOAD_HANDOFF: "stage",
        },
      },
    }),
  ],
  test: {
    // access-log lines only for failing tests
    silent: "passed-only",
    include: ["test/unit/**/*.test.ts", "test/routes/**/*.test.ts", "test/*.test.ts"],
  },
});

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The end-to-end suite: plain Node (not the workers pool) calling glance-edge under `wrangler dev`
// over HTTP, against the real Keystone and Glance of scripts/openstack-stack.sh.
export default defineConfig({
  // The suite uses the typed client from its source (as tsconfig.json's paths do); its built dist/
  // is what client-package.test.ts checks.
  resolve: {
    alias: { "@glance-edge/client": fileURLToPath(new URL("clients/typescript/src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/e2e/global-setup.ts"],
    // One file at a time: the fault test stops Glance, and a 2-core machine runs workerd and uwsgi too.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    teardownTimeout: 120_000,
    reporters: ["verbose"],
  },
});

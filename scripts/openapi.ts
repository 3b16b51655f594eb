// Emits openapi.yaml from the same route definitions the Worker serves.
//   tsx scripts/openapi.ts --write   regenerate the file
//   tsx scripts/openapi.ts --check   exit 1 when the committed file differs from the code
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { renderOpenApiYaml } from "./render-openapi";

const file = resolve(import.meta.dirname, "..", "openapi.yaml");
const mode = process.argv[2];
if (mode === "--write") {
  writeFileSync(file, renderOpenApiYaml());
  console.log(`wrote ${file}`);
} else if (mode === "--check") {
  let committed = "";
  try {
    committed = readFileSync(file, "utf8");
  } catch {
    // a missing file is drift too
  }
  if (committed !== renderOpenApiYaml()) {
    console.error(
      "openapi.yaml is out of date with the route definitions: run `npm run openapi` and commit the result",
    );
    process.exit(1);
  }
  console.log("openapi.yaml matches the route definitions");
} else {
  console.error("usage: tsx scripts/openapi.ts --write | --check");
  process.exit(2);
}

// Generates src/schema.d.ts (the client's types) from the repository's openapi.yaml.
//   node clients/typescript/scripts/generate.mjs --write   regenerate the file (npm run client)
//   node clients/typescript/scripts/generate.mjs --check   exit 1 when the committed file is stale (npm run client:check)
// Runs from this package so that openapi-typescript resolves this package's TypeScript 5: it needs
// the compiler API, which the repository's TypeScript 7 no longer exposes.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";

const SPEC = new URL("../../../openapi.yaml", import.meta.url);
const OUTPUT = new URL("../src/schema.d.ts", import.meta.url);

/**
 * A schema with named properties AND a typed `additionalProperties` (an image's custom properties are
 * strings) becomes `{ min_disk?: number } & { [key: string]: string }` in openapi-typescript, which no
 * object with a number in it satisfies. Extra keys are typed `unknown` instead; the server still
 * checks them against the document.
 */
function loosenTypedExtraKeys(node) {
  if (Array.isArray(node)) return node.forEach(loosenTypedExtraKeys);
  if (!node || typeof node !== "object") return;
  const { properties, additionalProperties } = node;
  if (
    properties &&
    Object.keys(properties).length > 0 &&
    additionalProperties &&
    typeof additionalProperties === "object"
  ) {
    node.additionalProperties = {};
  }
  Object.values(node).forEach(loosenTypedExtraKeys);
}

const document = parse(readFileSync(SPEC, "utf8"));
loosenTypedExtraKeys(document);
const ast = await openapiTS(document);
const generated = astToString(ast);

const mode = process.argv[2];
if (mode === "--write") {
  writeFileSync(OUTPUT, generated);
  console.log(`wrote ${fileURLToPath(OUTPUT)}`);
} else if (mode === "--check") {
  let committed = "";
  try {
    committed = readFileSync(OUTPUT, "utf8");
  } catch {
    // a missing file is drift too
  }
  if (committed !== generated) {
    console.error(
      "clients/typescript/src/schema.d.ts is out of date with openapi.yaml: run `npm run client` and commit the result",
    );
    process.exit(1);
  }
  console.log("clients/typescript/src/schema.d.ts matches openapi.yaml");
} else {
  console.error("usage: node clients/typescript/scripts/generate.mjs --write | --check");
  process.exit(2);
}

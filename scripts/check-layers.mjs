#!/usr/bin/env node
// Fails when code under src/ imports from a layer above its own. The layers are the block that
// follows `<!-- layers` in README.md ("Layout"), top to bottom: each line names folders (ending in
// `/`) or files, then says what they hold; code may import from its own line and the lines below it. A file under src/
// that no line names is an error too, so a new folder has to be placed before it can land.
// src/env.ts (the request context's types, which name clients of several layers) is outside the
// order: any file may `import type` it and it may `import type` anything; a value import of it or
// from it is an error.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TYPES_ONLY = "src/env.ts";
const SOURCE = /\.(ts|js|mjs)$/;

function readLayers() {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const marker = readme.indexOf("<!-- layers");
  const block = marker < 0 ? null : /```[^\n]*\n([\s\S]*?)```/.exec(readme.slice(marker));
  if (!block) throw new Error("README.md has no `<!-- layers` block followed by a fenced list of layers");
  // A line that starts with a space continues the description above it.
  const lines = block[1].split("\n").filter((line) => line.trim() !== "" && !/^\s/.test(line));
  // Top line first in the README; index 0 is the bottom layer here.
  return lines
    .map((line) => {
      const entries = [];
      for (const token of line.trim().split(/\s+/)) {
        if (!token.startsWith("src/")) break;
        entries.push(token);
      }
      if (entries.length === 0) throw new Error(`README.md layers block: a line names no src/ path: ${line}`);
      return entries;
    })
    .reverse();
}

function sourceFiles(dir) {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

/** The layer index of a file under src/ (0 = bottom), or undefined when no line names it. */
function layerOf(layers, file) {
  const index = layers.findIndex((entries) =>
    entries.some((entry) => (entry.endsWith("/") ? file.startsWith(entry) : file === entry)),
  );
  return index < 0 ? undefined : index;
}

/** Every relative import and re-export of a file: `{ specifier, typeOnly }`. */
function importsOf(text) {
  const found = [];
  const statement = /^[ \t]*(import|export)\s+(type\s+)?(?:[^;]*?\s)?from\s*["']([^"']+)["']/gms;
  for (const match of text.matchAll(statement)) found.push({ specifier: match[3], typeOnly: Boolean(match[2]) });
  for (const match of text.matchAll(/^[ \t]*import\s*["']([^"']+)["']/gm))
    found.push({ specifier: match[1], typeOnly: false });
  for (const match of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g))
    found.push({ specifier: match[1], typeOnly: false });
  return found.filter(({ specifier }) => specifier.startsWith("."));
}

function resolveImport(fromFile, specifier) {
  const base = relative(root, resolve(root, dirname(fromFile), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`]) {
    try {
      if (statSync(join(root, candidate)).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return base;
}

const layers = readLayers();
const describe = (index) => layers[index].join(" ");
const problems = [];
let checked = 0;
for (const file of sourceFiles("src")) {
  const own = file === TYPES_ONLY ? undefined : layerOf(layers, file);
  if (file !== TYPES_ONLY && own === undefined) {
    problems.push(`${file}: in no layer of README.md's layers block`);
    continue;
  }
  for (const { specifier, typeOnly } of importsOf(readFileSync(join(root, file), "utf8"))) {
    const target = resolveImport(file, specifier);
    if (!target.startsWith("src/")) continue;
    checked += 1;
    if (file === TYPES_ONLY || target === TYPES_ONLY) {
      if (!typeOnly)
        problems.push(`${file} -> ${target}: ${TYPES_ONLY} is imported and imports with \`import type\` only`);
      continue;
    }
    const theirs = layerOf(layers, target);
    if (theirs === undefined) continue; // reported as its own file
    if (theirs > own)
      problems.push(`${file} -> ${target}: ${describe(own)} imports ${describe(theirs)}, a layer above it`);
  }
}

if (problems.length > 0) {
  console.error(`check-layers: ${problems.length} import(s) against the layers in README.md ("Layout"):`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`check-layers: ${checked} imports within src/ follow the ${layers.length} layers of README.md`);

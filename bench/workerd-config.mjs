// Writes a workerd config (capnp) that serves a `wrangler deploy --dry-run` bundle the way Cloudflare
// would, with nothing in front of it: every [vars] entry of wrangler.toml as a text binding (with
// overrides), the compatibility date and flags of wrangler.toml, and an outbound network that may reach loopback.
// No Cache API backing is configured, so caches.default throws and hits come from the memory tier.
//
//   node bench/workerd-config.mjs OUT.capnp PORT [NAME=value ...]    (index.js must sit beside OUT)
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export function workerdConfig(port, overrides = []) {
  const toml = readFileSync("wrangler.toml", "utf8");
  const date = /^compatibility_date\s*=\s*"([^"]*)"/m.exec(toml)[1];
  const flags = [...(/^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? "").matchAll(/"([^"]+)"/g)].map(
    (m) => m[1],
  );
  const vars = new Map();
  let inVars = false;
  for (const line of toml.split("\n")) {
    if (/^\s*\[/.test(line)) inVars = /^\s*\[vars\]\s*$/.test(line);
    const m = inVars && /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*"([^"]*)"/.exec(line);
    if (m) vars.set(m[1], m[2]);
  }
  for (const o of overrides) {
    const i = o.search(/[=:]/);
    vars.set(o.slice(0, i), o.slice(i + 1));
  }
  const bindings = [...vars]
    .map(([k, v]) => `    (name = ${JSON.stringify(k)}, text = ${JSON.stringify(v)}),`)
    .join("\n");
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "index.js", esModule = embed "index.js") ],
  compatibilityDate = ${JSON.stringify(date)},
  compatibilityFlags = [${flags.map((flag) => JSON.stringify(flag)).join(", ")}],
  bindings = [
${bindings}
  ],
  globalOutbound = "loopback",
);
`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, port, ...overrides] = process.argv.slice(2);
  writeFileSync(out, workerdConfig(port, overrides));
}

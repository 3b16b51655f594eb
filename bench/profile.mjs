// bench/profile.mjs (npm run bench:profile) - where the Worker's own time goes, per request. The
// production bundle runs under bare workerd against the real Glance of scripts/openstack-stack.sh:
//  1. without an inspector: N requests of one route at C connections; the CPU time workerd's process
//     used per request (utime+stime from /proc: independent of other load on the machine, unlike wall
//     time), and the answers' Server-Timing `app` (mean, p50, p99; workerd's clock has 1 ms steps, so
//     the mean of many requests is the useful figure);
//  2. with the inspector on: a V8 CPU profile over CDP during the same load, self time grouped by
//     source (npm package or src/ file, from esbuild's markers in the bundle) and by function.
//
//   node --experimental-websocket bench/profile.mjs [--route image|list|version-hit|resourcetypes-hit]
//        [--requests 2000] [--concurrency 1] [--top 25] [--out FILE.cpuprofile] [--no-profile]
//        [--glance-url URL]   (another Glance of the same Keystone, e.g. one that keeps connections alive)
//        [--replay-glance]    Glance's GET answers recorded once (in the warm-up) and replayed from memory
//                             over kept-alive connections: workerd's own cost with Glance's out of the way
//        [--baseline GIT-REF [--rounds 4]]   before/after in one run: the bundle of GIT-REF and the
//                             working tree's, measured in alternating rounds (step 1 only)
//        [--floor [--rounds 4]]   the floor Worker (bench/floor-worker.js: Glance's answer piped through)
//                             and the JSON floor (bench/floor-json-worker.js: parsed and re-serialised) and
//                             the hono floor (bench/floor-hono-worker.js: the same with OpenAPIHono and zod)
//                             measured in the same rotating rounds (routes image and list; step 1 only)
//
// Needs the local stack up (bash scripts/openstack-stack.sh up).
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { workerdConfig } from "./workerd-config.mjs";

const { values: args } = parseArgs({
  options: {
    route: { type: "string", default: "image" },
    requests: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "1" },
    out: { type: "string" },
    top: { type: "string", default: "25" },
    "no-profile": { type: "boolean", default: false },
    "glance-url": { type: "string" },
    baseline: { type: "string" },
    floor: { type: "boolean", default: false },
    rounds: { type: "string", default: "4" },
    "replay-glance": { type: "boolean", default: false },
  },
});
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const say = (text) => console.error(`profile: ${text}`);
const stack = (...a) => execFileSync("bash", ["scripts/openstack-stack.sh", ...a], { encoding: "utf8" }).trim();
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const env = Object.fromEntries(
  stack("env")
    .split("\n")
    .map((line) => /^export (\w+)=(.*)$/.exec(line))
    .filter(Boolean)
    .map((m) => [m[1], m[2].replace(/^'|'$/g, "")]),
);
// Another Glance in front of the same Keystone, e.g. one whose server keeps connections alive.
if (args["glance-url"]) env.GLANCE_URL = args["glance-url"];
const token = stack(
  "token",
  env.STACK_DEMO_USER ?? "demo",
  env.STACK_DEMO_PASS ?? "demo-secret",
  env.STACK_DEMO_PROJECT ?? "demo",
);
const work = mkdtempSync(join(tmpdir(), "glance-edge-profile-"));
let sourceMarkers = [];
let workerd;
let fixture;
let path;
let replay;
try {
  if (args["replay-glance"]) {
    replay = await replayingGlance(env.GLANCE_URL);
    say(`replaying Glance's answers from ${replay.url} (recorded from ${env.GLANCE_URL})`);
  }
  say("bundling (wrangler deploy --dry-run, unminified so the profile names functions)");
  bundleInto(".", join(work, "serve"));
  sourceMarkers = markersOf(readFileSync(join(work, "serve", "index.js"), "utf8"));
  if (args.baseline) {
    const source = join(work, "baseline-src");
    say(`bundling ${args.baseline} for the baseline`);
    execFileSync("git", ["worktree", "add", "--detach", source, args.baseline], { stdio: "ignore" });
    try {
      symlinkSync(join(process.cwd(), "node_modules"), join(source, "node_modules"));
      bundleInto(source, join(work, "baseline"));
    } finally {
      execFileSync("git", ["worktree", "remove", "--force", source], { stdio: "ignore" });
    }
  }

  const created = await fetch(`${env.GLANCE_URL}/v2/images`, {
    method: "POST",
    headers: { "x-auth-token": token, "content-type": "application/json" },
    body: JSON.stringify({
      name: "profile-fixture",
      disk_format: "qcow2",
      container_format: "bare",
      hw_disk_bus: "virtio",
    }),
  }).then((r) => r.json());
  fixture = created.id;
  path = {
    image: `/api/glance/images/${fixture}/`,
    list: "/api/glance/images/?paginate=true",
    "version-hit": "/api/glance/version/",
    "resourcetypes-hit": "/api/glance/metadefs/resourcetypes/",
  }[args.route];
  if (!path) throw new Error(`unknown --route ${args.route}`);

  // 1. CPU per request, no inspector attached.
  const stats = (values) => {
    const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
    if (!sorted.length) return { text: "n/a (no Server-Timing)", mean: NaN, p50: NaN };
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
    const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
    return {
      text: `mean ${mean.toFixed(3)} ms, p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms`,
      mean,
      p50: at(0.5),
    };
  };
  const glanceNamed = replay
    ? `Glance's answers replayed from memory (kept alive), recorded from ${env.GLANCE_URL}`
    : `glance ${env.GLANCE_URL}`;
  console.log(
    `route ${args.route} (${path.replace(fixture, "{id}")}), ${REQUESTS} requests at c=${CONCURRENCY}, bare workerd, ${glanceNamed}`,
  );
  if (args.baseline || args.floor) {
    if (args.floor && !["image", "list"].includes(args.route))
      throw new Error("--floor serves only --route image|list");
    const rounds = Number(args.rounds);
    const sides = {};
    if (args.baseline) sides[args.baseline] = { dir: join(work, "baseline"), cpuMs: 0, app: [], wall: [] };
    sides["working tree"] = { dir: join(work, "serve"), cpuMs: 0, app: [], wall: [] };
    if (args.floor) {
      mkdirSync(join(work, "floor"), { recursive: true });
      copyFileSync("bench/floor-worker.js", join(work, "floor", "index.js"));
      sides["floor Worker"] = { dir: join(work, "floor"), cpuMs: 0, app: [], wall: [], floor: true };
      mkdirSync(join(work, "floor-json"), { recursive: true });
      copyFileSync("bench/floor-json-worker.js", join(work, "floor-json", "index.js"));
      sides["JSON floor Worker"] = { dir: join(work, "floor-json"), cpuMs: 0, app: [], wall: [], floor: true };
      mkdirSync(join(work, "floor-hono"), { recursive: true });
      execFileSync("node_modules/.bin/esbuild", [
        "bench/floor-hono-worker.js",
        "--bundle",
        "--format=esm",
        "--platform=neutral",
        "--main-fields=module,main",
        `--alias:zod=./src/lib/zod-without-locales.js`,
        `--outfile=${join(work, "floor-hono", "index.js")}`,
        "--log-level=warning",
      ]);
      sides["hono floor Worker"] = { dir: join(work, "floor-hono"), cpuMs: 0, app: [], wall: [], floor: true };
    }
    const names = Object.keys(sides);
    for (let round = 0; round < rounds; round++) {
      // A rotating order: each side is first, middle and last as often.
      for (let k = 0; k < names.length; k++) {
        const side = sides[names[(k + round) % names.length]];
        const result = await measure(side.dir, Math.ceil(REQUESTS / rounds), side.floor);
        side.cpuMs += result.cpuMs;
        side.app.push(...result.appTimes);
        side.wall.push(...result.wallTimes);
      }
    }
    const perRequest = (side) => side.cpuMs / side.wall.length;
    console.log(`\n| bundle | workerd CPU ms per request | Server-Timing app | client wall time |\n|---|---:|---|---|`);
    for (const [name, side] of Object.entries(sides)) {
      console.log(`| ${name} | ${perRequest(side).toFixed(3)} | ${stats(side.app).text} | ${stats(side.wall).text} |`);
    }
    const c = sides["working tree"];
    console.log("");
    if (args.baseline) {
      const b = sides[args.baseline];
      console.log(
        `working tree / ${args.baseline}: CPU ${(perRequest(c) / perRequest(b)).toFixed(3)}×, app mean ${(stats(c.app).mean / stats(b.app).mean).toFixed(3)}×, wall p50 ${(stats(c.wall).p50 / stats(b.wall).p50).toFixed(3)}× (${rounds} rotating rounds)`,
      );
    }
    if (args.floor) {
      const f = sides["floor Worker"];
      for (const name of names.filter((n) => n !== "floor Worker")) {
        if (name === "JSON floor Worker" || name === "hono floor Worker") continue;
        const side = sides[name];
        console.log(
          `${name} over the floor Worker: CPU +${(perRequest(side) - perRequest(f)).toFixed(3)} ms per request (${(perRequest(side) / perRequest(f)).toFixed(2)}×), wall p50 ${(stats(side.wall).p50 / stats(f.wall).p50).toFixed(3)}× (${rounds} rotating rounds)`,
        );
      }
    }
    if (args.floor) {
      const f = sides["floor Worker"];
      const j = sides["JSON floor Worker"];
      console.log(
        `JSON floor Worker (bench/floor-json-worker.js: parse and re-serialise, no checks) over the floor Worker: CPU +${(perRequest(j) - perRequest(f)).toFixed(3)} ms per request`,
      );
      const h = sides["hono floor Worker"];
      console.log(
        `hono floor Worker (bench/floor-hono-worker.js: OpenAPIHono, zod-checked params, c.json) over the floor Worker: CPU +${(perRequest(h) - perRequest(f)).toFixed(3)} ms per request`,
      );
    }
    console.log(`load average: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
    process.exit(0);
  }
  const plain = await measure(join(work, "serve"), REQUESTS);
  console.log(`workerd CPU time per request (utime+stime): ${(plain.cpuMs / REQUESTS).toFixed(3)} ms`);
  console.log(`Server-Timing app: ${stats(plain.appTimes).text}`);
  console.log(`wall time at the client: ${stats(plain.wallTimes).text}`);
  console.log(`load average: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
  if (args["no-profile"]) process.exit(0);

  // 2. The same load with a CPU profile.
  workerd = await startWorkerd(join(work, "serve"), { inspector: true });
  const profile = await profiled(workerd.inspectorPort, () => load(workerd.base, path, REQUESTS));
  if (args.out) writeFileSync(args.out, JSON.stringify(profile));
  report(profile);
} finally {
  if (fixture)
    await fetch(`${env.GLANCE_URL}/v2/images/${fixture}`, {
      method: "DELETE",
      headers: { "x-auth-token": token },
    }).catch(() => {});
  if (workerd) await stopWorkerd(workerd);
  replay?.server.close();
  rmSync(work, { recursive: true, force: true });
}

function bundleInto(sourceDir, serveDir) {
  const out = join(work, `bundle-${Math.random().toString(36).slice(2)}`);
  execFileSync(
    join(process.cwd(), "node_modules/.bin/wrangler"),
    ["deploy", "--dry-run", "--minify=false", "--outdir", out],
    {
      cwd: sourceDir,
      stdio: "ignore",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    },
  );
  mkdirSync(serveDir, { recursive: true });
  copyFileSync(join(out, "index.js"), join(serveDir, "index.js"));
}

/** One workerd of the bundle in serveDir, no inspector: the CPU its process used for n requests. */
async function measure(serveDir, n, floor = false) {
  workerd = await startWorkerd(serveDir, { floor });
  try {
    // From the end of the warm-up: the steady state, without the first calls' JIT compilation (which
    // a larger bundle pays more of; figures before 2026-12-05 included it and read ~0.1 ms higher).
    let cpuBefore = 0;
    const result = await load(workerd.base, path, n, () => (cpuBefore = cpuMsOf(workerd.process.pid)));
    return { ...result, cpuMs: cpuMsOf(workerd.process.pid) - cpuBefore };
  } finally {
    await stopWorkerd(workerd);
    workerd = undefined;
  }
}

async function startWorkerd(serveDir, { inspector = false, floor = false } = {}) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const glanceUrl = replay?.url ?? env.GLANCE_URL;
  writeFileSync(
    join(serveDir, "config.capnp"),
    workerdConfig(port, [`GLANCE_URL=${glanceUrl}`, `KEYSTONE_URL=${env.KEYSTONE_URL}`]),
  );
  const argv = [
    "serve",
    join(serveDir, "config.capnp"),
    ...(inspector ? [`--inspector-addr=127.0.0.1:${inspectorPort}`] : []),
  ];
  const child = spawn("node_modules/@cloudflare/workerd-linux-64/bin/workerd", argv, {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  // The floor Worker answers only its two routes: any answer from it will do.
  const probe = floor ? `${base}/api/glance/images/` : `${base}/api/glance/profile-ready-probe/`;
  for (
    let i = 0;
    !(await fetch(probe).then(
      () => true,
      () => false,
    ));
    i++
  ) {
    if (i > 100) throw new Error("workerd did not answer");
    await sleep(200);
  }
  return { process: child, base, inspectorPort };
}

async function stopWorkerd({ process: child }) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

/**
 * A stand-in Glance on loopback: each GET is forwarded to the real one the first time and its answer
 * (status, body, the headers the Worker reads) kept; later ones are answered from memory, over
 * connections kept alive. Its CPU is this process's, not workerd's, so it is not in the figures.
 */
async function replayingGlance(realUrl) {
  const recorded = new Map();
  const server = createHttpServer(async (req, res) => {
    const key = `${req.method} ${req.url}`;
    let answer = recorded.get(key);
    if (!answer) {
      const upstream = await fetch(`${realUrl}${req.url}`, {
        method: req.method,
        headers: { "x-auth-token": req.headers["x-auth-token"] ?? "", accept: req.headers.accept ?? "*/*" },
      });
      const headers = {};
      for (const name of ["content-type", "x-openstack-request-id"]) {
        const value = upstream.headers.get(name);
        if (value) headers[name] = value;
      }
      answer = { status: upstream.status, headers, body: Buffer.from(await upstream.arrayBuffer()) };
      if (req.method === "GET" && upstream.ok) recorded.set(key, answer);
    }
    res.writeHead(answer.status, { ...answer.headers, "content-length": answer.body.length });
    res.end(answer.body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

function cpuMsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
}

/** 50 warm-up calls (JIT, keystonemiddleware's token cache, edge caches), `warmedUp()`, then n requests at CONCURRENCY. */
async function load(base, path, n, warmedUp = () => undefined) {
  const call = async () => {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { "x-auth-token": token } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return {
      wall: performance.now() - started,
      app: Number(/app;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1]),
    };
  };
  for (let i = 0; i < 50; i++) await call();
  warmedUp();
  const appTimes = [];
  const wallTimes = [];
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (issued++ < n) {
        const { wall, app } = await call();
        wallTimes.push(wall);
        appTimes.push(app);
      }
    }),
  );
  return { appTimes, wallTimes, wallMs: performance.now() - started };
}

async function profiled(inspectorPort, work) {
  const targets = await fetch(`http://127.0.0.1:${inspectorPort}/json/list`).then((r) => r.json());
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 1;
  const pending = new Map();
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  };
  const cdp = (method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await cdp("Profiler.enable");
  await cdp("Profiler.setSamplingInterval", { interval: 100 });
  await cdp("Profiler.start");
  await work();
  const { result } = await cdp("Profiler.stop");
  socket.close();
  return result.profile;
}

/** Self time per profile node, grouped; workerd's own native frames also hold the time spent waiting on I/O, so they are listed apart. */
function report(profile) {
  const selfMs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + delta);
  }
  const byFunction = new Map();
  const bySource = new Map();
  let jsMs = 0;
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (!url || ["(idle)", "(program)", "(root)"].includes(functionName)) continue;
    jsMs += ms;
    const ours = url.endsWith("index.js");
    const name = `${functionName || "(anonymous)"} ${ours ? `index.js:${lineNumber + 1}` : url}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    const source = ours ? sourceOf(node.callFrame) : `(runtime) ${url}`;
    bySource.set(source, (bySource.get(source) ?? 0) + ms);
  }
  console.log(
    `\nJavaScript self time in the profile (bundle + runtime JS, native frames left out): ${(jsMs / REQUESTS).toFixed(3)} ms per request (inspector attached: slower than step 1)`,
  );
  const table = (title, map) => {
    console.log(`\n${title}\n| ms per request | share | where |\n|---:|---:|---|`);
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top))) {
      console.log(`| ${(ms / REQUESTS).toFixed(4)} | ${((100 * ms) / jsMs).toFixed(1)}% | ${name} |`);
    }
  };
  table("self time by source", bySource);
  table("self time by function", byFunction);
}

/** The bundle keeps esbuild's `// node_modules/<pkg>/…` and `// src/…` markers; a line belongs to the last one above it. */
function markersOf(bundle) {
  const markers = [];
  bundle.split("\n").forEach((text, line) => {
    const m = /^\/\/ (?:node_modules\/((?:@[^/]+\/)?[^/]+)|(src\/\S+))/.exec(text);
    if (m) markers.push({ line, name: m[1] ?? m[2] });
  });
  return markers;
}

function sourceOf({ lineNumber }) {
  return sourceMarkers.findLast((marker) => marker.line <= lineNumber)?.name ?? "(bundle)";
}

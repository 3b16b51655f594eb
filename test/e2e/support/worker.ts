import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** Any path the app answers itself (a 404 problem) without touching Glance or the edge cache. */
const READINESS_PATH = "/api/glance/e2e-readiness-probe/";
const LOG_TAIL_CHARS = 20_000;

export interface RunningWorker {
  baseUrl: string;
  pid: number;
  /** wrangler's --persist-to folder: the local R2 bucket and Durable Objects' state live under it. */
  persistDir: string;
  /** The last lines wrangler and the Worker printed (access log included), for failure messages. */
  logTail(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `wrangler dev` (workerd, as in production minus the network) on a free loopback port with a
 * fresh persistence folder, so its edge cache and upload state start empty, and waits until the app
 * answers. The resumable uploads' web-download hand-off is set up as a deployment would be: PUBLIC_BASE_URL
 * is the Worker's own address (Glance on loopback reaches it there), and UPLOAD_SIGNING_KEY is a fresh
 * random secret given through an env file, as `.dev.vars` would: kept out of the command line, which any local
 * process can read (wrangler prints it hidden, as it does every --var).
 */
export async function startWorker(
  vars: Record<string, string>,
  { logFile, readyTimeoutMs = 120_000 }: { logFile?: string; readyTimeoutMs?: number } = {},
): Promise<RunningWorker> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const persistDir = await mkdtemp(join(tmpdir(), "glance-edge-e2e-"));
  const secretsFile = join(persistDir, "secrets.env");
  await writeFile(secretsFile, `UPLOAD_SIGNING_KEY=${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  vars = { PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, ...vars };
  const args = [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(inspectorPort),
    "--persist-to",
    persistDir,
    "--env-file",
    secretsFile,
    "--show-interactive-dev-session=false",
    ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
  ];
  // wrangler itself, not `npx` (whose PID would not own workerd; toolchain.md gotcha 6).
  const child = spawn(join(REPO_ROOT, "node_modules/.bin/wrangler"), args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: "false",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      NO_COLOR: "1",
      CI: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  if (logFile) await mkdir(dirname(logFile), { recursive: true });
  const file = logFile ? createWriteStream(logFile, { flags: "a" }) : undefined;
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-LOG_TAIL_CHARS);
    file?.write(chunk);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await waitForExit(child, 15_000))) {
        child.kill("SIGKILL");
        await waitForExit(child, 5_000);
      }
    }
    await rm(persistDir, { recursive: true, force: true });
    file?.end();
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`wrangler dev exited (${child.exitCode ?? child.signalCode}) before it answered:\n${log}`);
    }
    try {
      const response = await fetch(`${baseUrl}${READINESS_PATH}`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.headers.has("x-request-id")) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer on ${baseUrl} within ${readyTimeoutMs} ms:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, pid: child.pid ?? -1, persistDir, logTail: () => log, stop };
}

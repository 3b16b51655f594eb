import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenOf } from "./support/http";
import { createGlanceImage, deleteImages, glanceImage, imageName } from "./support/images";
import { GLANCE_URL } from "./support/stack";
import { REPO_ROOT, freePort } from "./support/worker";

// The README's first command as a user runs it: `npm start` (scripts/start.sh) with no GLANCE_URL finds the local
// stack, starts wrangler dev and prints a curl with a fresh token; an image downloads through it with bounded
// memory (wrangler dev buffered whole downloads before workerd 1.20261014.1: 64 MiB grew it by ~600 MiB); a
// resumable upload is handed to Glance by web-download; Ctrl-C stops everything it started.
const SIZE = 64 * 1024 * 1024;
const PAYLOAD = randomBytes(SIZE);
const SHA512 = createHash("sha512").update(PAYLOAD).digest("hex");
/**
 * Most the serving processes may grow while the 64 MiB pass through: half the image. Holding the whole
 * download takes at least its size (wrangler dev on the old workerd grew by ~600 MiB); streaming grew
 * them by 9 to 25 MiB here.
 */
const MAX_RSS_GROWTH = SIZE / 2;
const READY_TIMEOUT_MS = 150_000;

const created: string[] = [];
let imageId = "";
let start: ChildProcess | undefined;
let output = "";

/** Every process below `pid`, from /proc (each /proc/N/stat names its parent). */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const visit = (id: number) => {
    for (const child of parents.get(id) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** Summed resident memory of `pids` in bytes (a process already gone counts 0). */
function rssOf(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += match ? Number(match[1]) * 1024 : 0;
    } catch {
      // gone
    }
  }
  return total;
}

/** Running, that is: not gone and not a zombie waiting to be reaped. */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
};

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms: number) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} not within ${ms} ms; npm start printed:\n${output.slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  const image = await createGlanceImage({ name: imageName("npm-start") });
  created.push(image.id);
  imageId = image.id;
  const upload = await fetch(`${GLANCE_URL}/v2/images/${image.id}/file`, {
    method: "PUT",
    headers: { "x-auth-token": tokenOf("demo"), "content-type": "application/octet-stream" },
    body: PAYLOAD,
    signal: AbortSignal.timeout(120_000),
  });
  expect(upload.status).toBe(204);
}, 180_000);

afterAll(async () => {
  if (start?.pid && start.exitCode === null) process.kill(-start.pid, "SIGKILL");
  await deleteImages(created);
});

describe("npm start (scripts/start.sh), the README's first command", () => {
  it(
    "brings the API up on the local stack, prints a curl whose token works, serves a 64 MiB download with bounded memory, hands a resumable upload to Glance, and Ctrl-C stops it all",
    { timeout: 300_000 },
    async () => {
      const port = await freePort();
      // As a user's shell has it: no GLANCE_URL or KEYSTONE_URL (the stack's ports and state dir stay, so that
      // start.sh finds this run's stack).
      const env = { ...process.env, PORT: String(port), NO_COLOR: "1", CI: "true" };
      delete env.GLANCE_URL;
      delete env.KEYSTONE_URL;
      // Its own process group, as a terminal's foreground job: Ctrl-C is SIGINT to the whole group.
      start = spawn("bash", ["scripts/start.sh"], { cwd: REPO_ROOT, env, detached: true, stdio: "pipe" });
      const collect = (chunk: Buffer) => void (output += chunk.toString("utf8"));
      start.stdout?.on("data", collect);
      start.stderr?.on("data", collect);
      const pid = start.pid!;

      await waitFor("the ready message", () => output.includes("glance-edge is ready on"), READY_TIMEOUT_MS);
      const base = `http://127.0.0.1:${port}`;
      expect(output).toContain(`glance-edge is ready on ${base}`);
      const token = /X-Auth-Token: ([^"\s]+)/.exec(output)?.[1];
      expect(token).toBeDefined();
      expect(token).not.toBe("$OS_TOKEN");
      const list = await fetch(`${base}/api/glance/images/?paginate=true`, { headers: { "x-auth-token": token! } });
      expect(list.status).toBe(200);

      // The route's first call grows the isolate once (code, schemas): a 1 KiB range of the image first.
      const warmUp = await fetch(`${base}/api/glance/images/${imageId}/file/`, {
        headers: { "x-auth-token": token!, range: "bytes=0-1023" },
      });
      expect(warmUp.status).toBe(206);
      expect((await warmUp.arrayBuffer()).byteLength).toBe(1024);

      const serving = [pid, ...descendantsOf(pid)];
      const before = rssOf(serving);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(serving))), 50);
      const hash = createHash("sha512");
      let received = 0;
      try {
        const download = await fetch(`${base}/api/glance/images/${imageId}/file/`, {
          headers: { "x-auth-token": token! },
          signal: AbortSignal.timeout(120_000),
        });
        expect(download.status).toBe(200);
        for await (const chunk of download.body!) {
          hash.update(chunk);
          received += chunk.byteLength;
        }
      } finally {
        clearInterval(sampler);
      }
      expect(received).toBe(SIZE);
      expect(hash.digest("hex")).toBe(SHA512);
      expect(
        peak - before,
        `RSS of npm start's processes grew from ${before} to ${peak} bytes for a ${SIZE}-byte download`,
      ).toBeLessThan(MAX_RSS_GROWTH);

      // A resumable upload works as started: start.sh gives wrangler dev a PUBLIC_BASE_URL and a signing key, so
      // the default web-download hand-off has Glance pull the bytes back from this Worker.
      const bytes = randomBytes(64 * 1024);
      const target = await createGlanceImage({ name: imageName("npm-start-tus") });
      created.push(target.id);
      const tus = { "tus-resumable": "1.0.0", "x-auth-token": token! };
      const creation = await fetch(`${base}/api/glance/images/${target.id}/uploads/`, {
        method: "POST",
        headers: { ...tus, "upload-length": String(bytes.byteLength) },
      });
      expect(creation.status, await creation.clone().text()).toBe(201);
      const uploadUrl = creation.headers.get("location")!;
      const patch = await fetch(uploadUrl, {
        method: "PATCH",
        headers: { ...tus, "upload-offset": "0", "content-type": "application/offset+octet-stream" },
        body: bytes,
      });
      expect(patch.status, await patch.clone().text()).toBe(204);
      let handoff: string | null = null;
      await waitFor(
        "the web-download hand-off",
        async () => {
          handoff = (await fetch(uploadUrl, { method: "HEAD", headers: tus })).headers.get("upload-handoff");
          return handoff === "done" || handoff === "failed";
        },
        90_000,
      );
      expect(handoff).toBe("done");
      const stored = await glanceImage(target.id);
      expect([stored.status, stored.size, stored.os_hash_value]).toEqual([
        "active",
        bytes.byteLength,
        createHash("sha512").update(bytes).digest("hex"),
      ]);

      process.kill(-pid, "SIGINT");
      await waitFor(
        "npm start's exit after Ctrl-C",
        () => start!.exitCode !== null || start!.signalCode !== null,
        30_000,
      );
      await waitFor("every process it started gone", () => serving.every((child) => !alive(child)), 15_000);
      expect(await accepts(port)).toBe(false);
    },
  );
});

import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import { ImageSchema } from "../../src/routes/images/images.schemas";
import { type RunningWorker, startWorker } from "./support/worker";

// glance-edge under wrangler dev against a misbehaving fake Glance on loopback (a Node server this
// file starts): each fault must map to a 502/504 problem within GLANCE_TIMEOUT_MS, never name the
// fake's address, and leave the Worker answering the next request.

const TIMEOUT_MS = 2_000;
// A busy 2-core machine: the margin past the deadline, inside the Worker.
const SLACK_MS = 1_500;
// At the client, wrangler dev's local proxy adds its own delay in front of workerd (a 50 MB upstream
// answer cut by the Worker after ~2 s reached the client ~10 s later), so the deadline is checked on
// the Worker's own access-log duration and the client only gets a generous bound.
const CLIENT_BOUND_MS = 30_000;
const TOKEN = "gAAAAABfault-token-0123456789abcdef";
const MiB = 1024 * 1024;

/** Image ids are UUIDs: each misbehaviour is asked for by one of its own, numbered in the last group. */
const FAULT_NAMES = [
  "good",
  "slow-headers",
  "drip-stall",
  "reset-mid-body",
  "truncated-json",
  "html-500",
  "wrong-shape",
  "redirect",
  "huge-with-length",
  "huge-chunked",
] as const;
type FaultName = (typeof FAULT_NAMES)[number];
const idOf = (name: FaultName) => `00000000-0000-4000-8000-${String(FAULT_NAMES.indexOf(name)).padStart(12, "0")}`;
const nameOf = new Map<string, FaultName>(FAULT_NAMES.map((name) => [idOf(name), name]));

const GOOD_IMAGE = {
  id: idOf("good"),
  name: "fault-good",
  status: "queued",
  visibility: "private",
  protected: false,
  tags: [],
  disk_format: "raw",
  container_format: "bare",
  min_ram: 0,
  min_disk: 0,
  owner: "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
  os_hidden: false,
  created_at: "2026-11-29T10:00:00Z",
  updated_at: "2026-11-29T10:00:00Z",
  self: `/v2/images/${idOf("good")}`,
  file: `/v2/images/${idOf("good")}/file`,
  schema: "/v2/schemas/image",
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let fake: Server;
let elsewhere: Server;
let fakeAddress = "";
let elsewhereAddress = "";
let elsewhereHits = 0;
const openSockets = new Set<import("node:net").Socket>();
let worker: RunningWorker | undefined;

/** One misbehaviour per image id; anything else is a well-formed Glance answer for `good`. */
async function misbehave(request: IncomingMessage, response: ServerResponse) {
  const id = request.url?.match(/^\/v2\/images\/([^/?]+)/)?.[1];
  const fault = id === undefined ? undefined : nameOf.get(id);
  const json = {
    "content-type": "application/json",
    "x-openstack-request-id": "req-11111111-2222-4333-8444-555555555555",
  };
  switch (fault) {
    case "slow-headers":
      await sleep(TIMEOUT_MS * 4);
      if (!response.destroyed) response.end(JSON.stringify(GOOD_IMAGE));
      return;
    case "drip-stall":
      response.writeHead(200, json);
      response.write('{"id": "drip-stall", ');
      for (let i = 0; i < 3 && !response.destroyed; i++) {
        await sleep(200);
        response.write(" ");
      }
      // ... and then nothing more, until the client goes away.
      return;
    case "reset-mid-body":
      response.writeHead(200, { ...json, "content-length": "4096" });
      response.write('{"id": "reset-mid-body", "name": "');
      await sleep(50);
      request.socket.destroy();
      return;
    case "truncated-json":
      response.writeHead(200, json);
      response.end('{"id": "truncated-json", "name": "half');
      return;
    case "html-500":
      response.writeHead(500, { "content-type": "text/html" });
      response.end(`<html><body><h1>500 Internal Server Error</h1><p>uwsgi at ${fakeAddress} failed</p></body></html>`);
      return;
    case "wrong-shape":
      response.writeHead(200, json);
      response.end(JSON.stringify({ images: "not an image", internal: fakeAddress }));
      return;
    case "redirect":
      response.writeHead(302, {
        location: `http://${elsewhereAddress}/v2/images/${idOf("good")}`,
        "content-type": "text/html",
      });
      response.end(`<a href="http://${elsewhereAddress}/v2/images/${idOf("good")}">moved</a>`);
      return;
    case "huge-with-length":
    case "huge-chunked": {
      const total = 50 * MiB;
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      response.writeHead(200, fault === "huge-with-length" ? { ...json, "content-length": String(total) } : json);
      response.write('{"id": "huge", "padding": "');
      let sent = 0;
      while (sent < total - 64 * 1024 && !response.destroyed) {
        if (!response.write(chunk)) await once(response, "drain").catch(() => undefined);
        sent += chunk.length;
      }
      if (!response.destroyed) response.end('"}');
      return;
    }
    default:
      response.writeHead(200, json);
      response.end(JSON.stringify(GOOD_IMAGE));
  }
}

async function listen(server: Server) {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { address, port } = server.address() as AddressInfo;
  return `${address}:${port}`;
}

beforeAll(async () => {
  fake = createServer((request, response) => {
    misbehave(request, response).catch(() => request.socket.destroy());
  });
  fake.on("connection", (socket) => {
    openSockets.add(socket);
    socket.on("close", () => openSockets.delete(socket));
  });
  elsewhere = createServer((_request, response) => {
    elsewhereHits++;
    response.end(JSON.stringify(GOOD_IMAGE));
  });
  fakeAddress = await listen(fake);
  elsewhereAddress = await listen(elsewhere);
  worker = await startWorker({
    GLANCE_URL: `http://${fakeAddress}`,
    KEYSTONE_URL: "",
    GLANCE_TIMEOUT_MS: String(TIMEOUT_MS),
  });
});

afterAll(async () => {
  await worker?.stop();
  for (const socket of openSockets) socket.destroy();
  fake?.close();
  elsewhere?.close();
});

/** The Worker's own duration for a request, from its access-log line. */
async function workerDurationMs(requestId: string): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const match = new RegExp(`"request_id":"${requestId}"[^\n]*?"duration_ms":(\\d+)`).exec(worker!.logTail());
    if (match) return Number(match[1]);
    await sleep(100);
  }
  throw new Error(`no access-log line for ${requestId}`);
}

async function getImage(fault: FaultName) {
  const started = Date.now();
  const requestId = crypto.randomUUID();
  const response = await fetch(`${worker!.baseUrl}/api/glance/images/${idOf(fault)}/`, {
    headers: { "x-auth-token": TOKEN, "x-request-id": requestId },
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, elapsedMs: Date.now() - started, requestId };
}

const FAULTS = [
  ["slow-headers", "headers that never come", 504, "gateway-timeout"],
  ["drip-stall", "a body that drips and then stalls", 504, "gateway-timeout"],
  ["reset-mid-body", "a connection reset mid-body", 502, "bad-gateway"],
  ["truncated-json", "truncated JSON", 502, "bad-gateway"],
  ["html-500", "an HTML 500 page naming its address", 502, "bad-gateway"],
  ["wrong-shape", "a 200 whose JSON is not Glance's shape", 502, "bad-gateway"],
  ["redirect", "a redirect to another host", 502, "bad-gateway"],
  ["huge-with-length", "a 50 MB answer with its Content-Length", 502, "bad-gateway"],
  // Cut at MAX_UPSTREAM_JSON_BYTES (16 MiB) while read, a 502; on a loaded machine reading that much
  // can outlast the 2 s deadline first, a 504. Either way never the 50 MB.
  ["huge-chunked", "a 50 MB chunked answer", 502, "bad-gateway|gateway-timeout"],
] as const;

describe("a misbehaving Glance (fake, on loopback)", () => {
  it("answers normally when it behaves", async () => {
    const good = await getImage("good");
    expect(good.status, good.text).toBe(200);
    expect(ImageSchema.parse(JSON.parse(good.text)).name).toBe("fault-good");
  });

  it.each(FAULTS)(
    "%s (%s) → %i %s within the timeout, no internal address, and the next request works",
    async (id, _what, status, code) => {
      const answer = await getImage(id);
      expect(answer.headers.get("content-type"), answer.text).toBe("application/problem+json");
      const problem = ProblemSchema.parse(JSON.parse(answer.text));
      expect(problem.type).toMatch(new RegExp(`^urn:glance-edge:problem:(${code})$`));
      expect(answer.status, answer.text).toBe(problem.type.endsWith("gateway-timeout") ? 504 : status);
      expect(await workerDurationMs(answer.requestId), problem.detail).toBeLessThan(TIMEOUT_MS + SLACK_MS);
      expect(answer.elapsedMs, problem.detail).toBeLessThan(CLIENT_BOUND_MS);
      for (const address of [fakeAddress, elsewhereAddress, fakeAddress.split(":")[1]])
        expect(answer.text).not.toContain(address);
      expect(answer.text).not.toContain(TOKEN);
      expect(answer.headers.get("location")).toBeNull();

      const next = await getImage("good");
      expect(next.status, next.text).toBe(200);
    },
  );

  it("never follows the redirect: the other host got no request", () => {
    expect(elsewhereHits).toBe(0);
  });

  it("the Worker stayed up through all of it (no restart: its log has no uncaught error)", () => {
    expect(worker!.logTail()).not.toMatch(/Uncaught|worker restarted|out of memory/i);
  });
});

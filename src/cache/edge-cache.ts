import { log } from "../lib/logger";
import { ProblemError } from "../lib/problem";

export type CacheOutcome = "hit" | "stale" | "miss" | "collapsed" | "bypass";

export interface ReadThroughOptions<T> {
  key: string;
  ttlSeconds: number;
  staleSeconds: number;
  waitUntil: (work: Promise<unknown>) => void;
  load: () => Promise<T>;
  /** Longest a caller waits for another caller's load of the key (see singleFlight). */
  waitMs?: number;
  now?: () => number;
  /** For the warning lines a failing cache read or write logs. */
  requestId?: string;
}

interface Envelope<T> {
  value: T;
  freshUntil: number;
  staleUntil: number;
}

/** The Workers Cache API where the runtime has it; null elsewhere (plain Node). */
export function defaultCache(): Cache | null {
  try {
    return typeof caches === "undefined" ? null : caches.default;
  } catch {
    return null;
  }
}

const refreshing = new Set<string>();

// Isolate memory in front of the Cache API: a repeated hit in the same isolate costs no I/O.
// Bounded; the oldest entry goes first.
const MEMORY_ENTRIES = 512;
const memory = new Map<string, { body: unknown; expiresAt: number }>();

function remember(key: string, body: unknown, expiresAt: number) {
  memory.delete(key);
  memory.set(key, { body, expiresAt });
  if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
}

/** A fresh entry of the isolate-memory tier, read synchronously. */
export function rememberedBody<T>(key: string, now: number): T | undefined {
  const remembered = memory.get(key);
  return remembered && now < remembered.expiresAt ? (remembered.body as T) : undefined;
}

// The loads in flight in this isolate, by full cache key.
const inFlight = new Map<string, Promise<unknown>>();

/** How long a caller waits for another caller's load by default (GLANCE_TIMEOUT_MS's default). */
export const DEFAULT_WAIT_MS = 10_000;

export interface FlightOptions<T> {
  /**
   * The leading caller's ctx.waitUntil: the shared load is registered there, so the runtime keeps
   * it running when that caller hangs up, and the callers waiting for it still get its answer.
   */
  waitUntil: (work: Promise<unknown>) => void;
  /** Longest a caller waits for another caller's load before loading for itself. */
  waitMs?: number;
  /** Runs on success before the key is released, so a caller that arrives after it finds what it stored. */
  onLoaded?: (value: T) => void;
  /** The key names the caller's token (a token lookup): every caller of it is that token, so every error is shared. */
  keyedByToken?: boolean;
}

/**
 * A failure that speaks of the leading caller's own token (401, 403): never handed to a caller
 * who waited, who may well be allowed. Anything else (Glance down, a timeout, a 404) is shared.
 */
export function isAboutTheCaller(error: unknown): boolean {
  return error instanceof ProblemError && (error.init.status === 401 || error.init.status === 403);
}

type Settled<T> = { value: T } | { error: unknown } | "waited too long";

function settledWithin<T>(flight: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<"waited too long">((resolve) => {
    timer = setTimeout(() => resolve("waited too long"), ms);
  });
  const settled = flight.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return Promise.race([settled, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Single flight: while a load for `key` is in flight in this isolate, later callers wait for it
 * instead of starting their own, and share its value, or its error unless that error is about the
 * leader's own token. A caller that has waited `waitMs` without an answer (the leader's invocation
 * may have ended with its call unsettled) loads for itself, and replaces the stuck load so that
 * later callers wait for the new one. Returns whether this caller led the load it answers with.
 */
export async function singleFlight<T>(
  key: string,
  load: () => Promise<T>,
  options: FlightOptions<T>,
): Promise<{ value: T; led: boolean }> {
  for (;;) {
    const pending = inFlight.get(key) as Promise<T> | undefined;
    if (!pending) break;
    const settled = await settledWithin(pending, options.waitMs ?? DEFAULT_WAIT_MS);
    if (settled === "waited too long") {
      if (inFlight.get(key) === pending) break;
      continue;
    }
    if ("value" in settled) return { value: settled.value, led: false };
    if (options.keyedByToken || !isAboutTheCaller(settled.error)) throw settled.error;
    // The leader's token was refused: this caller's own load decides (joining a newer load, if one started).
  }
  const flight = (async () => {
    const value = await load();
    options.onLoaded?.(value);
    return value;
  })();
  const release = () => {
    if (inFlight.get(key) === flight) inFlight.delete(key);
  };
  flight.then(release, release);
  inFlight.set(key, flight);
  options.waitUntil(flight.catch(() => undefined));
  return { value: await flight, led: true };
}

/** How many loads are in flight (for tests: none may be left behind). */
export const loadsInFlight = () => inFlight.size;

/**
 * A cached JSON document from isolate memory, else from the Cache API (then remembered until
 * `expiresAtOf(body)`). Undefined when absent, expired in memory, or unreadable.
 */
export async function getCached<T>(
  cache: Cache,
  key: string,
  now: number,
  expiresAtOf: (body: T) => number,
  requestId?: string,
): Promise<T | undefined> {
  const remembered = rememberedBody<T>(key, now);
  if (remembered !== undefined) return remembered;
  memory.delete(key);
  const stored = await readCachedJson<T>(cache, key, requestId);
  if (stored !== undefined && now < expiresAtOf(stored)) remember(key, stored, expiresAtOf(stored));
  return stored;
}

/** Stores a JSON document in isolate memory and in the Cache API until `expiresAt`. */
export async function putCached(cache: Cache, key: string, body: unknown, now: number, expiresAt: number) {
  remember(key, body, expiresAt);
  const maxAge = Math.max(1, Math.ceil((expiresAt - now) / 1000));
  await cache.put(
    key,
    new Response(JSON.stringify(body), {
      headers: { "content-type": "application/json", "cache-control": `max-age=${maxAge}` },
    }),
  );
}

/** Drops an entry from both tiers. */
export async function forgetCached(cache: Cache, key: string) {
  memory.delete(key);
  await cache.delete(key);
}

function store<T>(cache: Cache, key: string, value: T, ttl: number, stale: number, now: number) {
  const envelope: Envelope<T> = { value, freshUntil: now + ttl * 1000, staleUntil: now + (ttl + stale) * 1000 };
  return putCached(cache, key, envelope, now, envelope.staleUntil);
}

/** A stored JSON document, or undefined when absent or unreadable (a broken entry is a miss). */
async function readCachedJson<T>(cache: Cache, key: string, requestId?: string): Promise<T | undefined> {
  try {
    const cached = await cache.match(key);
    return cached ? ((await cached.json()) as T) : undefined;
  } catch (error) {
    log("warn", "edge cache read failed", { request_id: requestId, error: String(error) });
    return undefined;
  }
}

/**
 * Read-through edge cache for successful results only: `load` throwing means nothing is stored.
 * Fresh entries are hits; stale ones are served while one background refresh runs in waitUntil.
 * Where the Cache API is missing (plain Node, some local runtimes) every call passes through.
 */
export async function readThrough<T>(
  options: ReadThroughOptions<T>,
  cache: Cache | null = defaultCache(),
): Promise<{ value: T; outcome: CacheOutcome }> {
  const { key, ttlSeconds, staleSeconds, waitUntil, load, requestId } = options;
  const now = options.now ?? Date.now;
  if (!cache || ttlSeconds === 0) return { value: await load(), outcome: "bypass" };

  const entry = await getCached<Envelope<T>>(cache, key, now(), (envelope) => envelope.staleUntil, requestId);
  if (entry && now() < entry.freshUntil) return { value: entry.value, outcome: "hit" };
  if (entry && now() < entry.staleUntil) {
    if (!refreshing.has(key)) {
      refreshing.add(key);
      const refresh = load()
        .then((value) => store(cache, key, value, ttlSeconds, staleSeconds, now()))
        .catch((error) => log("warn", "edge cache refresh failed", { request_id: requestId, error: String(error) }))
        .finally(() => refreshing.delete(key));
      waitUntil(refresh);
    }
    return { value: entry.value, outcome: "stale" };
  }

  // Checked again without yielding before joining or starting a load: a load that finished while
  // this caller read the Cache API has left its entry in memory.
  const landed = rememberedBody<Envelope<T>>(key, now());
  if (landed && now() < landed.freshUntil) return { value: landed.value, outcome: "hit" };
  const { value, led } = await singleFlight(key, load, {
    waitUntil,
    waitMs: options.waitMs,
    onLoaded: (loaded) =>
      waitUntil(
        store(cache, key, loaded, ttlSeconds, staleSeconds, now()).catch((error) =>
          log("warn", "edge cache write failed", { request_id: requestId, error: String(error) }),
        ),
      ),
  });
  return { value, outcome: led ? "miss" : "collapsed" };
}

/** RFC 9211 Cache-Status value for an outcome. */
export function cacheStatus(outcome: CacheOutcome): string {
  switch (outcome) {
    case "hit":
      return "glance-edge; hit";
    case "stale":
      return "glance-edge; hit; detail=stale-while-revalidate";
    case "miss":
      return "glance-edge; fwd=miss; stored";
    case "collapsed":
      return "glance-edge; fwd=miss; detail=collapsed";
    case "bypass":
      return "glance-edge; fwd=bypass; detail=no-cache-api";
  }
}

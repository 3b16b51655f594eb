import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetCached, loadsInFlight, readThrough, singleFlight } from "../../src/cache/edge-cache";
import { ProblemError } from "../../src/lib/problem";
import { cacheKey } from "../../src/cache/keys";

function collector() {
  const pending: Promise<unknown>[] = [];
  return {
    waitUntil: (work: Promise<unknown>) => void pending.push(work),
    settle: () => Promise.all(pending.splice(0)),
  };
}

const noWork = () => undefined;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("readThrough", () => {
  it("passes every call through where there is no Cache API", async () => {
    let loads = 0;
    const { waitUntil } = collector();
    const options = { key: "https://k/none", ttlSeconds: 60, staleSeconds: 0, waitUntil, load: async () => ++loads };
    expect(await readThrough(options, null)).toEqual({ value: 1, outcome: "bypass" });
    expect(await readThrough(options, null)).toEqual({ value: 2, outcome: "bypass" });
  });

  it("stores only successful loads", async () => {
    const cache = await caches.open("edge-cache-unit");
    const key = await cacheKey("unit", crypto.randomUUID());
    const { waitUntil, settle } = collector();
    const failing = {
      key,
      ttlSeconds: 60,
      staleSeconds: 0,
      waitUntil,
      load: async () => Promise.reject(new Error("boom")),
    };
    await expect(readThrough(failing, cache)).rejects.toThrow("boom");
    await settle();
    expect(await cache.match(key)).toBeUndefined();
    const ok = { ...failing, load: async () => "value" };
    expect(await readThrough(ok, cache)).toEqual({ value: "value", outcome: "miss" });
    await settle();
    expect(await readThrough(ok, cache)).toEqual({ value: "value", outcome: "hit" });
  });

  it("serves stale and refreshes once, then expires past the stale window", async () => {
    const cache = await caches.open("edge-cache-unit");
    const key = await cacheKey("unit", crypto.randomUUID());
    const { waitUntil, settle } = collector();
    let clock = 1_000_000;
    let loads = 0;
    let release = () => {};
    const options = {
      key,
      ttlSeconds: 10,
      staleSeconds: 20,
      waitUntil,
      now: () => clock,
      load: async () => {
        loads++;
        if (loads === 2) await new Promise<void>((resolve) => (release = resolve));
        return loads;
      },
    };
    expect(await readThrough(options, cache)).toEqual({ value: 1, outcome: "miss" });
    await settle();
    clock += 15_000;
    expect(await readThrough(options, cache)).toEqual({ value: 1, outcome: "stale" });
    // while the refresh is still loading, a second stale read starts no second refresh
    expect(await readThrough(options, cache)).toEqual({ value: 1, outcome: "stale" });
    release();
    await settle();
    expect(loads).toBe(2);
    expect(await readThrough(options, cache)).toEqual({ value: 2, outcome: "hit" });
    clock += 60_000;
    expect(await readThrough(options, cache)).toEqual({ value: 3, outcome: "miss" });
  });

  it("answers a repeated hit from isolate memory without reading the Cache API", async () => {
    const cache = await caches.open("edge-cache-unit");
    const key = await cacheKey("unit", crypto.randomUUID());
    const { waitUntil, settle } = collector();
    const options = { key, ttlSeconds: 60, staleSeconds: 0, waitUntil, load: async () => "value" };
    await readThrough(options, cache);
    await settle();
    const match = vi.spyOn(cache, "match");
    expect(await readThrough(options, cache)).toEqual({ value: "value", outcome: "hit" });
    expect(match).not.toHaveBeenCalled();
    // an entry another isolate wrote is read from the Cache API once, then remembered
    await forgetCached(cache, key);
    await cache.put(
      key,
      Response.json(
        { value: "other", freshUntil: Date.now() + 60_000, staleUntil: Date.now() + 60_000 },
        { headers: { "cache-control": "max-age=60" } },
      ),
    );
    expect(await readThrough(options, cache)).toEqual({ value: "other", outcome: "hit" });
    expect(await readThrough(options, cache)).toEqual({ value: "other", outcome: "hit" });
    expect(match).toHaveBeenCalledTimes(1);
  });

  it("hashes key parts so no token appears in a key", async () => {
    const key = await cacheKey("token-lookup", "http://keystone", "public", "gAAAAAB-secret-token");
    expect(key).not.toContain("secret");
    expect(key).toMatch(/^https:\/\/edge-cache\.glance-edge\.internal\/v1\/token-lookup\/[0-9a-f]{64}$/);
  });
});

describe("singleFlight", () => {
  it("runs one load for concurrent callers of a key, shares its value, and releases the key", async () => {
    let loads = 0;
    let release = (_value: string) => {};
    const load = () => {
      loads++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const { waitUntil, settle } = collector();
    const callers = Array.from({ length: 10 }, () => singleFlight("k", load, { waitUntil }));
    expect(loadsInFlight()).toBe(1);
    release("v");
    const results = await Promise.all(callers);
    expect(loads).toBe(1);
    expect(results.filter((result) => result.led)).toHaveLength(1);
    expect(results.map((result) => result.value)).toEqual(Array(10).fill("v"));
    expect(loadsInFlight()).toBe(0);
    // The shared load went to the leader's waitUntil, so the runtime keeps it alive if that caller hangs up.
    expect(await settle()).toEqual(["v"]);
    await singleFlight("k", async () => "again", { waitUntil });
    expect(loads).toBe(1);
  });

  it("shares an error with every waiter, runs onLoaded only on success, and the next call loads anew", async () => {
    const stored: string[] = [];
    let fail = true;
    const load = async () => {
      await Promise.resolve();
      if (fail) throw new Error("upstream down");
      return "ok";
    };
    const failing = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        singleFlight("e", load, { waitUntil: noWork, onLoaded: (value) => stored.push(value) }),
      ),
    );
    expect(failing.map((result) => result.status)).toEqual(Array(5).fill("rejected"));
    expect(stored).toEqual([]);
    fail = false;
    expect(await singleFlight("e", load, { waitUntil: noWork, onLoaded: (value) => stored.push(value) })).toEqual({
      value: "ok",
      led: true,
    });
    expect(stored).toEqual(["ok"]);
  });

  it("a caller that waited waitMs for a load that never settles loads for itself, and later callers join its load", async () => {
    vi.useFakeTimers();
    // The leader's invocation ended with its upstream call unsettled: its load never answers.
    const stuck = singleFlight("stuck", () => new Promise<string>(() => {}), { waitUntil: noWork, waitMs: 1_000 });
    void stuck.catch(() => undefined);
    let loads = 0;
    let finish = (_value: string) => {};
    const ownLoad = () => {
      loads++;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const waiters = Array.from({ length: 3 }, () =>
      singleFlight("stuck", ownLoad, { waitUntil: noWork, waitMs: 1_000 }),
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(loads).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(loads).toBe(1);
    finish("fresh");
    const results = await Promise.all(waiters);
    expect(results.map((result) => result.value)).toEqual(["fresh", "fresh", "fresh"]);
    expect(results.filter((result) => result.led)).toHaveLength(1);
    expect(loads).toBe(1);
    expect(loadsInFlight()).toBe(0);
  });

  it("never hands the leader's 401 or 403 to a waiter, which loads with its own credentials; other errors are shared", async () => {
    const refused = new ProblemError({ code: "forbidden", status: 403, detail: "policy forbids the leader" });
    let release = (_error: unknown) => {};
    const leader = singleFlight("who", () => new Promise<string>((_, reject) => (release = reject)), {
      waitUntil: noWork,
    });
    const waiter = singleFlight("who", async () => "the waiter's own answer", { waitUntil: noWork });
    release(refused);
    await expect(leader).rejects.toBe(refused);
    expect(await waiter).toEqual({ value: "the waiter's own answer", led: true });

    const down = new ProblemError({ code: "bad-gateway", status: 502, detail: "Glance is down" });
    let fail = (_error: unknown) => {};
    let waiterLoads = 0;
    const failingLeader = singleFlight("down", () => new Promise<string>((_, reject) => (fail = reject)), {
      waitUntil: noWork,
    });
    const sharingWaiter = singleFlight("down", async () => String(++waiterLoads), { waitUntil: noWork });
    fail(down);
    await expect(failingLeader).rejects.toBe(down);
    await expect(sharingWaiter).rejects.toBe(down);
    expect(waiterLoads).toBe(0);
  });

  it("shares even a 401 when the key is the caller's token (every waiter holds the same token)", async () => {
    const refused = new ProblemError({ code: "unauthenticated", status: 401, detail: "token refused" });
    let release = (_error: unknown) => {};
    let loads = 0;
    const options = { waitUntil: noWork, keyedByToken: true };
    const leader = singleFlight("token", () => new Promise<string>((_, reject) => (release = reject)), options);
    const waiter = singleFlight("token", async () => String(++loads), options);
    release(refused);
    await expect(leader).rejects.toBe(refused);
    await expect(waiter).rejects.toBe(refused);
    expect(loads).toBe(0);
  });

  it("keys are independent", async () => {
    const seen: string[] = [];
    await Promise.all(
      ["a", "b", "a"].map((key) => singleFlight(key, async () => void seen.push(key), { waitUntil: noWork })),
    );
    expect(seen.sort()).toEqual(["a", "b"]);
  });

  it("readThrough: concurrent cold misses of one key make one load and one store; the rest are collapsed", async () => {
    const cache = await caches.open("edge-cache-unit");
    const key = await cacheKey("unit", crypto.randomUUID());
    const { waitUntil, settle } = collector();
    let loads = 0;
    const options = {
      key,
      ttlSeconds: 60,
      staleSeconds: 0,
      waitUntil,
      load: async () => {
        loads++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return "value";
      },
    };
    const results = await Promise.all(Array.from({ length: 25 }, () => readThrough(options, cache)));
    await settle();
    expect(loads).toBe(1);
    expect(results.filter((result) => result.outcome === "miss")).toHaveLength(1);
    expect(results.filter((result) => result.outcome === "collapsed")).toHaveLength(24);
    expect(await readThrough(options, cache)).toEqual({ value: "value", outcome: "hit" });
  });
});

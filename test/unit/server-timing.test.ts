import { afterEach, describe, expect, it, vi } from "vitest";
import { cacheOutcomeOf, RequestTimer, serverTimingHeader, timingLogFields } from "../../src/lib/server-timing";

let clock = 0;
afterEach(() => vi.restoreAllMocks());

function withClock() {
  clock = 1000;
  vi.spyOn(performance, "now").mockImplementation(() => clock);
}

describe("RequestTimer", () => {
  it("counts the time outside upstream calls as the app's own", () => {
    withClock();
    const timer = new RequestTimer();
    clock += 2;
    const end = timer.startCall("Glance");
    clock += 10;
    end();
    clock += 1;
    const summary = timer.summary();
    expect(summary.totalMs).toBe(13);
    expect(summary.appMs).toBe(3);
    expect(summary.services).toEqual({ Glance: { ms: 10, calls: 1 } });
  });

  it("subtracts the union of overlapping waits, while each service sums its own calls", () => {
    withClock();
    const timer = new RequestTimer();
    const first = timer.startCall("Glance"); // 0..10
    clock += 4;
    const second = timer.startCall("Glance"); // 4..12
    clock += 6;
    first();
    clock += 2;
    second();
    clock += 3;
    const keystone = timer.startCall("Keystone"); // 15..20
    clock += 5;
    keystone();
    clock += 1;
    const summary = timer.summary();
    expect(summary.totalMs).toBe(21);
    expect(summary.appMs).toBe(21 - 12 - 5);
    expect(summary.services).toEqual({ Glance: { ms: 18, calls: 2 }, Keystone: { ms: 5, calls: 1 } });
  });

  it("ends a call once even when its end is reported twice, and counts a call still open as waiting", () => {
    withClock();
    const timer = new RequestTimer();
    const end = timer.startCall("Glance");
    clock += 5;
    end();
    end();
    timer.startCall("Glance");
    clock += 7;
    const summary = timer.summary();
    expect(summary.services.Glance).toEqual({ ms: 5, calls: 1 });
    expect(summary.appMs).toBe(0);
  });
});

describe("serverTimingHeader", () => {
  it("names app, each service with its call count, and the cache outcome", () => {
    const header = serverTimingHeader(
      { totalMs: 9.5, appMs: 0.4251, services: { Glance: { ms: 6.1, calls: 2 }, Keystone: { ms: 3, calls: 1 } } },
      "hit",
    );
    expect(header).toBe('app;dur=0.43, glance;dur=6.1;desc="2 calls", keystone;dur=3;desc="1 call", cache;desc=hit');
  });

  it("is only app when nothing upstream was called", () => {
    expect(serverTimingHeader({ totalMs: 1, appMs: 1, services: {} })).toBe("app;dur=1");
  });

  it("gives the access log the same numbers", () => {
    expect(timingLogFields({ totalMs: 9, appMs: 0.5, services: { Glance: { ms: 8.456, calls: 3 } } })).toEqual({
      app_ms: 0.5,
      glance_ms: 8.46,
      glance_calls: 3,
    });
  });
});

describe("cacheOutcomeOf", () => {
  it.each([
    ["glance-edge; hit", "hit"],
    ["glance-edge; hit; detail=stale-while-revalidate", "stale"],
    ["glance-edge; fwd=miss; stored", "miss"],
    ["glance-edge; fwd=bypass; detail=no-cache-api", "bypass"],
    [null, undefined],
  ])("%s -> %s", (status, outcome) => {
    expect(cacheOutcomeOf(status)).toBe(outcome);
  });
});

import { describe, expect, it } from "vitest";
import { mapConcurrent } from "../../src/lib/map-concurrent";

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets queued microtasks (started calls, settled awaits) run to completion. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** A task per item that waits until the test settles it; records start order and how many run at once. */
function gatedTasks(count: number) {
  const gates = Array.from({ length: count }, () => deferred<string>());
  const started: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const task = async (_item: number, index: number) => {
    started.push(index);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await gates[index].promise;
    } finally {
      inFlight--;
    }
  };
  return { gates, started, task, maxInFlight: () => maxInFlight };
}

describe("mapConcurrent", () => {
  it("never runs more than the limit at once and keeps the input order whatever the completion order", async () => {
    const { gates, started, task, maxInFlight } = gatedTasks(7);
    const result = mapConcurrent([0, 1, 2, 3, 4, 5, 6], 3, task);
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates[2].resolve("c");
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const index of [6, 5, 4, 3, 1, 0]) {
      gates[index].resolve(String.fromCharCode(97 + index));
      await settle();
    }
    expect(await result).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    expect(maxInFlight()).toBe(3);
  });

  it("runs everything at once when the limit exceeds the item count", async () => {
    const { gates, started, task, maxInFlight } = gatedTasks(3);
    const result = mapConcurrent([0, 1, 2], 8, task);
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate, index) => gate.resolve(`v${index}`));
    expect(await result).toEqual(["v0", "v1", "v2"]);
    expect(maxInFlight()).toBe(3);
  });

  it("answers [] for no items without calling fn", async () => {
    let calls = 0;
    expect(await mapConcurrent([], 4, async () => ++calls)).toEqual([]);
    expect(calls).toBe(0);
  });

  it("rejects on the first failure without waiting for calls in flight, and starts nothing after it", async () => {
    const { gates, started, task } = gatedTasks(6);
    const result = mapConcurrent([0, 1, 2, 3, 4, 5], 2, task);
    let outcome: unknown;
    result.catch((error: unknown) => (outcome = error));
    await settle();
    expect(started).toEqual([0, 1]);
    const failure = new Error("namespace 1 failed");
    gates[1].reject(failure);
    await settle();
    expect(outcome).toBe(failure); // item 0 is still in flight
    expect(started).toEqual([0, 1]);
    gates[0].resolve("late");
    await settle();
    expect(started).toEqual([0, 1]);
  });

  it("treats a synchronous throw like a rejection", async () => {
    const boom = new Error("sync");
    await expect(
      mapConcurrent([1, 2], 2, (item) => {
        if (item === 2) throw boom;
        return Promise.resolve(item);
      }),
    ).rejects.toBe(boom);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses the limit %s", async (limit) => {
    await expect(mapConcurrent([1], limit, async (x) => x)).rejects.toThrow(RangeError);
  });
});

export type UpstreamService = "Glance" | "Keystone";

export interface ServiceTiming {
  ms: number;
  calls: number;
}

export interface TimingSummary {
  totalMs: number;
  /** Time in our own code: the total less every moment at least one upstream call was in flight. */
  appMs: number;
  services: Partial<Record<UpstreamService, ServiceTiming>>;
}

/**
 * Times one request: wall time, and the time spent waiting on each upstream service. Calls may
 * overlap (the namespace fan-out), so the app's own time subtracts the union of the waits, not
 * their sum. Local workerd's clock advances during CPU work; on Cloudflare it only moves at I/O,
 * so there `app` is the time between I/O events rather than the CPU time itself.
 */
export class RequestTimer {
  private readonly startedAt = performance.now();

  private inFlight = 0;

  private waitStartedAt = 0;

  private waitedMs = 0;

  private readonly services: Partial<Record<UpstreamService, ServiceTiming>> = {};

  /** Marks an upstream call as started; the returned function marks it ended (once). */
  startCall(service: UpstreamService): () => void {
    const callStartedAt = performance.now();
    if (this.inFlight++ === 0) this.waitStartedAt = callStartedAt;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const now = performance.now();
      const timing = (this.services[service] ??= { ms: 0, calls: 0 });
      timing.ms += now - callStartedAt;
      timing.calls += 1;
      if (--this.inFlight === 0) this.waitedMs += now - this.waitStartedAt;
    };
  }

  summary(): TimingSummary {
    const now = performance.now();
    const openWaitMs = this.inFlight > 0 ? now - this.waitStartedAt : 0;
    const totalMs = now - this.startedAt;
    return { totalMs, appMs: Math.max(0, totalMs - this.waitedMs - openWaitMs), services: { ...this.services } };
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** The cache outcome named by our RFC 9211 Cache-Status value, if the answer has one. */
export function cacheOutcomeOf(
  cacheStatus: string | null,
): "hit" | "stale" | "miss" | "collapsed" | "bypass" | undefined {
  if (!cacheStatus) return undefined;
  if (cacheStatus.includes("detail=collapsed")) return "collapsed";
  if (cacheStatus.includes("stale-while-revalidate")) return "stale";
  if (/;\s*hit\b/.test(cacheStatus)) return "hit";
  if (cacheStatus.includes("fwd=miss")) return "miss";
  if (cacheStatus.includes("fwd=bypass")) return "bypass";
  return undefined;
}

/** W3C Server-Timing: `app;dur=0.42, glance;dur=6.1;desc="2 calls", cache;desc=hit`. */
export function serverTimingHeader(summary: TimingSummary, cache?: string): string {
  const metrics = [`app;dur=${round(summary.appMs)}`];
  for (const [service, timing] of Object.entries(summary.services)) {
    const calls = timing.calls === 1 ? "1 call" : `${timing.calls} calls`;
    metrics.push(`${service.toLowerCase()};dur=${round(timing.ms)};desc="${calls}"`);
  }
  if (cache) metrics.push(`cache;desc=${cache}`);
  return metrics.join(", ");
}

/** The same numbers for the access log line. */
export function timingLogFields(summary: TimingSummary) {
  const fields: Record<string, number> = { app_ms: round(summary.appMs) };
  for (const [service, timing] of Object.entries(summary.services)) {
    const name = service.toLowerCase();
    fields[`${name}_ms`] = round(timing.ms);
    fields[`${name}_calls`] = timing.calls;
  }
  return fields;
}

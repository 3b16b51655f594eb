import type { Context } from "hono";

/** ctx.waitUntil where the runtime gives one; elsewhere (plain Node) the work just runs detached. */
export function waitUntilOf(c: Context): (work: Promise<unknown>) => void {
  try {
    const ctx = c.executionCtx;
    return (work) => ctx.waitUntil(work);
  } catch {
    return (work) => void work.catch(() => undefined);
  }
}

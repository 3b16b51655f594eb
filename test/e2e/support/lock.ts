import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * One e2e run (or benchmark) at a time per stack: the fault test stops and freezes Glance, which
 * would fail any other run sharing it. A directory made with mkdir (atomic) holding the owner's PID;
 * bench/run.sh takes the same lock. A lock whose owner is gone is taken over.
 */
export const STACK_LOCK_DIR: string = join(
  process.env.GLANCE_EDGE_STACK_DIR ?? join(homedir(), ".local/state/glance-edge-stack"),
  "e2e.lock",
);

const WAIT_LIMIT_MS = 30 * 60_000;

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function owner(): Promise<number | undefined> {
  const text = await readFile(join(STACK_LOCK_DIR, "pid"), "utf8").catch(() => "");
  return Number(text.trim()) || undefined;
}

export async function acquireStackLock(label: string): Promise<() => Promise<void>> {
  const started = Date.now();
  let announced = false;
  await mkdir(join(STACK_LOCK_DIR, ".."), { recursive: true });
  for (;;) {
    try {
      await mkdir(STACK_LOCK_DIR);
      await writeFile(join(STACK_LOCK_DIR, "pid"), `${process.pid}\n`);
      await writeFile(join(STACK_LOCK_DIR, "label"), `${label}\n`);
      return async () => {
        if ((await owner()) === process.pid) await rm(STACK_LOCK_DIR, { recursive: true, force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const pid = await owner();
    const age = Date.now() - ((await stat(STACK_LOCK_DIR).catch(() => undefined))?.mtimeMs ?? 0);
    // No PID yet: another run is between its mkdir and its write; give it a moment.
    if ((pid && !alive(pid)) || (!pid && age > 10_000)) {
      console.warn(`e2e: taking over the stack lock of a run that is gone (pid ${pid ?? "unknown"})`);
      await rm(STACK_LOCK_DIR, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > WAIT_LIMIT_MS)
      throw new Error(`e2e: ${STACK_LOCK_DIR} still held by pid ${pid} after 30 minutes`);
    if (!announced) {
      const holder = (await readFile(join(STACK_LOCK_DIR, "label"), "utf8").catch(() => "")).trim();
      console.log(`e2e: waiting for another run using the stack (pid ${pid}${holder ? `, ${holder}` : ""}) to finish`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

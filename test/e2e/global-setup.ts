import { join } from "node:path";
import type { TestProject } from "vitest/node";
import type { E2eContext } from "./support/context";
import {
  ACCOUNTS,
  type Account,
  GLANCE_URL,
  GLANCE2_URL,
  issueToken,
  KEYSTONE_URL,
  type IssuedToken,
  resumeService,
  startService,
  stackIsUp,
} from "./support/stack";
import { acquireStackLock } from "./support/lock";
import { REPO_ROOT, startWorker } from "./support/worker";

/**
 * Plain Node, once per run: real tokens from Keystone, one shared `wrangler dev` against the real
 * stack, and a last sweep for images a failed test left behind.
 */
export default async function setup(project: TestProject) {
  const releaseLock = await acquireStackLock("e2e suite");
  const runPrefix = `e2e-${Date.now().toString(36)}`;
  const logFile = join(REPO_ROOT, ".wrangler/e2e-logs", `${runPrefix}.log`);
  let worker;
  let tokens;
  try {
    if (!(await stackIsUp())) {
      throw new Error(
        `Keystone (${KEYSTONE_URL}) or Glance (${GLANCE_URL}) is not up: run 'bash scripts/openstack-stack.sh up' first`,
      );
    }
    tokens = {} as Record<Account, IssuedToken>;
    for (const account of Object.keys(ACCOUNTS) as Account[]) tokens[account] = await issueToken(ACCOUNTS[account]);
    // Resumable uploads: a PATCH over 16 MiB is refused, so a 256 MiB file must go in chunks (resumable-uploads.test.ts).
    worker = await startWorker(
      { GLANCE_URL, KEYSTONE_URL, MAX_REQUEST_BODY_BYTES: String(16 * 1024 * 1024) },
      { logFile },
    );
  } catch (error) {
    await releaseLock();
    throw error;
  }
  const context: E2eContext = { baseUrl: worker.baseUrl, persistDir: worker.persistDir, tokens, runPrefix };
  project.provide("e2e", context);
  console.log(
    `e2e: glance-edge under wrangler dev at ${worker.baseUrl} (pid ${worker.pid}) -> Glance ${GLANCE_URL}, Keystone ${KEYSTONE_URL}; run ${runPrefix}, Worker log ${logFile}`,
  );

  return async () => {
    try {
      await worker.stop();
      // The fault test thaws and restarts Glance itself; this covers a run that died in between.
      await resumeService("glance");
      if (!(await stackIsUp()))
        await startService("glance").catch((error) => console.warn(`could not restart Glance: ${error}`));
      await sweepLeftovers(runPrefix, tokens.admin.token, GLANCE_URL);
      await sweepLeftovers(runPrefix, tokens.admin.token, GLANCE2_URL);
    } finally {
      await releaseLock();
    }
  };
}

/** Deletes every image of this run that a test failed to clean up, and says so. */
async function sweepLeftovers(runPrefix: string, adminToken: string, glanceUrl: string) {
  const headers = { "x-auth-token": adminToken, accept: "application/json" };
  const leftovers: { id: string; name: string | null }[] = [];
  let next: string | undefined = "/v2/images?limit=1000";
  while (next) {
    const response = await fetch(`${glanceUrl}${next}`, { headers, signal: AbortSignal.timeout(60_000) });
    if (!response.ok) return console.warn(`leftover sweep of ${glanceUrl}: list answered ${response.status}`);
    const page = (await response.json()) as { images: { id: string; name: string | null }[]; next?: string };
    leftovers.push(...page.images.filter((image) => image.name?.startsWith(runPrefix)));
    next = page.next;
  }
  for (const image of leftovers) {
    await fetch(`${glanceUrl}/v2/images/${image.id}`, {
      method: "PATCH",
      headers: { ...headers, "content-type": "application/openstack-images-v2.1-json-patch" },
      body: JSON.stringify([{ op: "replace", path: "/protected", value: false }]),
    });
    await fetch(`${glanceUrl}/v2/images/${image.id}`, { method: "DELETE", headers });
  }
  if (leftovers.length)
    console.warn(
      `leftover sweep: deleted ${leftovers.length} image(s) a test did not clean up: ${leftovers.map((i) => i.name).join(", ")}`,
    );
}

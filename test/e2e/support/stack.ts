import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./worker";

const run = promisify(execFile);
/** Node's process.env, typed: the Workers runtime types declare `process` as any (nodejs_compat, on by compatibility date). */
const env: NodeJS.ProcessEnv = process.env;
const STACK_SCRIPT = join(REPO_ROOT, "scripts/openstack-stack.sh");

export type StackService = "glance" | "keystone";

export interface Credentials {
  user: string;
  password: string;
  project: string;
}

/** The accounts `openstack-stack.sh up` creates (overridable the same way the script's are). */
export const ACCOUNTS = {
  demo: {
    user: env.STACK_DEMO_USER ?? "demo",
    password: env.STACK_DEMO_PASS ?? "demo-secret",
    project: env.STACK_DEMO_PROJECT ?? "demo",
  },
  alt: {
    user: env.STACK_ALT_USER ?? "alt",
    password: env.STACK_ALT_PASS ?? "alt-secret",
    project: env.STACK_ALT_PROJECT ?? "alt",
  },
  admin: {
    user: env.STACK_ADMIN_USER ?? "admin",
    password: env.STACK_ADMIN_PASS ?? "admin-secret",
    project: env.STACK_ADMIN_PROJECT ?? "admin",
  },
} satisfies Record<string, Credentials>;

export type Account = keyof typeof ACCOUNTS;

export const GLANCE_URL = (env.GLANCE_URL ?? "http://127.0.0.1:9292").replace(/\/+$/, "");
/** The second region's Glance of `openstack-stack.sh up` (GLANCE2_PORT), registered in the catalog as GLANCE2_REGION. */
export const GLANCE2_URL = (env.GLANCE2_URL ?? "http://127.0.0.1:9293").replace(/\/+$/, "");
export const GLANCE2_REGION = env.GLANCE2_REGION ?? "RegionTwo";
export const KEYSTONE_URL = (env.KEYSTONE_URL ?? "http://127.0.0.1:5000").replace(/\/+$/, "");

async function stack(...args: string[]) {
  return await run("bash", [STACK_SCRIPT, ...args], { cwd: REPO_ROOT, timeout: 180_000 });
}

/** Exit status 0 when Keystone and Glance answer (and Glance demands a token). */
export async function stackIsUp(): Promise<boolean> {
  try {
    await stack("status");
    return true;
  } catch {
    return false;
  }
}

export const stopService = (service: StackService) => stack("stop", service);
/** Starts the service and waits until it answers; a no-op when it is running. */
export const startService = (service: StackService) => stack("start", service);
/** Freezes the service (SIGSTOP): it accepts connections and never answers. */
export const pauseService = (service: StackService) => stack("pause", service);
/** Thaws a paused service; harmless when it was not paused. */
export const resumeService = (service: StackService) => stack("resume", service).catch(() => undefined);

export interface IssuedToken {
  token: string;
  projectId: string;
  expiresAt: string;
}

/** A project-scoped token from Keystone's password method. */
export async function issueToken({ user, password, project }: Credentials): Promise<IssuedToken> {
  const response = await fetch(`${KEYSTONE_URL}/v3/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { name: user, domain: { id: "default" }, password } } },
        scope: { project: { name: project, domain: { id: "default" } } },
      },
    }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await response.json()) as { token?: { project?: { id?: string }; expires_at?: string } };
  const token = response.headers.get("x-subject-token");
  if (response.status !== 201 || !token || !body.token?.project?.id || !body.token.expires_at) {
    throw new Error(`Keystone refused a token for ${user}@${project}: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return { token, projectId: body.token.project.id, expiresAt: body.token.expires_at };
}

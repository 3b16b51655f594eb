import type { Context } from "hono";
import type { AppEnv } from "../env";
import { tokenLookupOf } from "../glance-endpoint/token-lookup";
import { ProblemError } from "../lib/problem";

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Who an upload belongs to, as a hash (the project id or token is never stored as it is). With KEYSTONE_URL,
 * the token's project as Keystone names it (one cached lookup, shared with the region choice): any token of that
 * project may resume the upload. Without it nothing here can learn the project (Glance has no "who am I"), so
 * the upload belongs to the token that created it: another token, of any project, gets a 404.
 */
export async function uploadOwnerOf(c: Context<AppEnv>): Promise<string> {
  const config = c.get("config");
  if (config.KEYSTONE_URL) {
    const { verdict } = await tokenLookupOf(c);
    if (!verdict.projectId) {
      throw new ProblemError({
        code: "forbidden",
        status: 403,
        detail: "resumable uploads need a project-scoped token: the upload belongs to the token's project",
      });
    }
    return `project:${await sha256Hex(`${config.KEYSTONE_URL}\n${verdict.projectId}`)}`;
  }
  return `token:${await sha256Hex(`glance-edge upload owner\n${c.get("token") ?? ""}`)}`;
}

import { inject } from "vitest";
import type { Account, IssuedToken } from "./stack";

export interface E2eContext {
  /** The shared `wrangler dev` instance started by the global setup. */
  baseUrl: string;
  /** Its wrangler --persist-to folder (the local R2 bucket's objects are under it). */
  persistDir: string;
  tokens: Record<Account, IssuedToken>;
  /** Prefix of every image name this run creates; the global teardown deletes leftovers by it. */
  runPrefix: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export const e2e = (): E2eContext => inject("e2e");

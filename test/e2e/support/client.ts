import { createGlanceEdgeClient, type GlanceEdgeClient } from "@glance-edge/client";
import { expect } from "vitest";
import { ProblemSchema } from "../../../src/lib/problem";
import { e2e } from "./context";
import { tokenOf } from "./http";
import type { Account } from "./stack";

/** The repository's typed client (clients/typescript) against the shared `wrangler dev`, with `as`'s token. */
export function edgeClient(as: Account = "demo"): GlanceEdgeClient {
  return createGlanceEdgeClient({ baseUrl: e2e().baseUrl, token: tokenOf(as) });
}

/** Checks a typed client's error answer: the status, problem+json, and the body against the Problem schema. */
export function expectClientProblem(result: { error?: unknown; response: Response }, status: number) {
  expect(result.response.status).toBe(status);
  expect(result.response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return ProblemSchema.parse(result.error);
}

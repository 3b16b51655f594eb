import { expect } from "vitest";
import { ProblemSchema } from "../../src/lib/problem";
import type { RecordedCall } from "./glance-stub";

/** Asserts a problem+json answer (and its status, when given) and parses it with the shared schema. */
export async function problemOf(response: Response, status?: number) {
  if (status !== undefined) expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return ProblemSchema.parse(await response.json());
}

/** The field names a validation problem lists, sorted. */
export const fieldsOf = (problem: { errors?: { field: string }[] }) =>
  (problem.errors ?? []).map((error) => error.field).sort();

export async function expectNoContent(response: Response) {
  expect(response.status).toBe(204);
  expect(await response.text()).toBe("");
}

/** What a recorded upstream call carried that a test asserts on. */
export function sent(call: RecordedCall) {
  return {
    method: call.method,
    path: call.path,
    query: call.query,
    token: call.headers["x-auth-token"],
    contentType: call.headers["content-type"],
    body: call.body,
  };
}

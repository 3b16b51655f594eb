import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { type FieldError, invalidInput } from "./problem";

const LOCATIONS: Record<string, FieldError["location"]> = {
  query: "query",
  param: "path",
  json: "body",
  header: "header",
};

interface ValidationFailure {
  target: string;
  error: { issues: { path: PropertyKey[]; message: string }[] };
}

/** Turns a failed zod validation into a 400 problem naming every offending field. */
export function validationProblem({ target, error }: ValidationFailure) {
  const location = LOCATIONS[target] ?? "body";
  const errors = error.issues.map((issue) => ({
    location,
    field: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
  return invalidInput(errors);
}

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    strict: true,
    defaultHook: (result) => {
      if (!result.success) throw validationProblem(result as ValidationFailure);
    },
  });
}

export const jsonContent = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

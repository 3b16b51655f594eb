import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { type FieldError, invalidInput, ProblemError } from "./problem";

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

type ValidationResult = { target: string } & ({ success: true } | ({ success: false } & ValidationFailure));

const MAX_ECHOED_PARAM = 255;

/**
 * A route hook that answers like the default one, except that an invalid path parameter `name` is a
 * 404 (what it would name cannot exist), with `detail` built from the value as it came.
 */
export function notFoundForInvalidParam(name: string, detail: (value: string) => string) {
  return (result: ValidationResult, c: Context): undefined => {
    if (result.success) return undefined;
    if (result.target === "param" && result.error.issues.some((issue) => issue.path[0] === name)) {
      const value = c.req.param(name) ?? "";
      const shown = value.length > MAX_ECHOED_PARAM ? `${value.slice(0, MAX_ECHOED_PARAM)}…` : value;
      throw new ProblemError({ code: "not-found", status: 404, detail: detail(shown) });
    }
    throw validationProblem(result);
  };
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

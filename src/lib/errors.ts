import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { log } from "./logger";
import { type ProblemInit, ProblemError, problemResponse } from "./problem";

function toProblem(error: Error): ProblemInit {
  if (error instanceof ProblemError) return error.init;
  if (error instanceof HTTPException) {
    if (error.status === 415) {
      return { code: "unsupported-media-type", status: 415, detail: "The request body must be application/json" };
    }
    if (error.status === 400 && /json/i.test(error.message)) {
      return { code: "malformed-json", status: 400, detail: "The request body is not valid JSON" };
    }
    return { code: "validation-error", status: error.status, detail: error.message || "Bad request" };
  }
  return {
    code: "internal-error",
    status: 500,
    detail: "An unexpected error occurred; quote the request id when reporting it",
  };
}

/** The app's onError: every thrown error becomes an RFC 9457 problem, never a stack trace. */
export function onError(error: Error, c: Context<AppEnv>): Response {
  const init = toProblem(error);
  if (init.code === "internal-error") {
    log("error", "unhandled error", { request_id: c.get("requestId"), error: `${error.name}: ${error.message}` });
  }
  const response = problemResponse(init, c.req.path, c.get("requestId") ?? "unknown");
  response.headers.set("cache-control", "no-store");
  return response;
}

export function problem(c: Context<AppEnv>, init: ProblemInit): Response {
  return onError(new ProblemError(init), c);
}

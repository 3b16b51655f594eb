import { createMiddleware } from "hono/factory";
import { ConfigError, loadConfig } from "../config";
import type { AppEnv } from "../env";
import { ProblemError } from "../lib/problem";

/** Validates the configuration once per isolate; a bad one is a 500 problem naming each bad variable. */
export const loadRequestConfig = createMiddleware<AppEnv>(async (c, next) => {
  let config;
  try {
    config = loadConfig(c.env ?? {});
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ProblemError({
      code: "configuration-error",
      status: 500,
      detail: `Invalid or missing configuration: ${error.variables.map((v) => `${v.name} (${v.message})`).join("; ")}`,
    });
  }
  c.set("config", config);
  await next();
});

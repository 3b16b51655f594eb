import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { ConfigError, loadConfig } from "../config";
import type { AppEnv } from "../env";
import { GlanceClient } from "../glance/client";
import { KeystoneClient } from "../keystone/client";
import { ProblemError } from "../lib/problem";
import type { UpstreamService } from "../lib/server-timing";

/** Validates the configuration (a 500 problem naming each bad variable) and builds the per-request clients. */
export const upstreamClients = createMiddleware<AppEnv>(async (c, next) => {
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
  // Without GLANCE_URL, selectGlance (route middleware) sets the client once the caller's catalog names Glance.
  if (config.GLANCE_URL) c.set("glance", glanceClientFor(c, config.GLANCE_URL));
  if (config.KEYSTONE_URL) {
    c.set(
      "keystone",
      new KeystoneClient({
        baseUrl: config.KEYSTONE_URL,
        timeoutMs: config.GLANCE_TIMEOUT_MS,
        openstackRequestId: c.get("openstackRequestId"),
        onCall: upstreamCallCounter(c),
        maxResponseBytes: config.MAX_UPSTREAM_JSON_BYTES,
      }),
    );
  }
  await next();
});

/** The request's Glance client for one Glance endpoint. */
export function glanceClientFor(c: Context<AppEnv>, baseUrl: string): GlanceClient {
  return new GlanceClient({
    baseUrl,
    timeoutMs: c.get("config").GLANCE_TIMEOUT_MS,
    openstackRequestId: c.get("openstackRequestId"),
    getToken: () => c.get("token"),
    onCall: upstreamCallCounter(c),
    dataIdleTimeoutMs: c.get("config").UPLOAD_IDLE_TIMEOUT_MS,
    maxResponseBytes: c.get("config").MAX_UPSTREAM_JSON_BYTES,
  });
}

function upstreamCallCounter(c: Context<AppEnv>) {
  return (service: UpstreamService) => {
    c.set("upstreamCalls", c.get("upstreamCalls") + 1);
    return c.get("timer").startCall(service);
  };
}

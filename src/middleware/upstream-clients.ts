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
  const countCall = (service: UpstreamService) => {
    c.set("upstreamCalls", c.get("upstreamCalls") + 1);
    return c.get("timer").startCall(service);
  };
  c.set("config", config);
  c.set(
    "glance",
    new GlanceClient({
      baseUrl: config.GLANCE_URL,
      timeoutMs: config.GLANCE_TIMEOUT_MS,
      openstackRequestId: c.get("openstackRequestId"),
      getToken: () => c.get("token"),
      onCall: countCall,
      dataIdleTimeoutMs: config.UPLOAD_IDLE_TIMEOUT_MS,
      maxResponseBytes: config.MAX_UPSTREAM_JSON_BYTES,
    }),
  );
  if (config.KEYSTONE_URL) {
    c.set(
      "keystone",
      new KeystoneClient({
        baseUrl: config.KEYSTONE_URL,
        timeoutMs: config.GLANCE_TIMEOUT_MS,
        openstackRequestId: c.get("openstackRequestId"),
        onCall: countCall,
        maxResponseBytes: config.MAX_UPSTREAM_JSON_BYTES,
      }),
    );
  }
  await next();
});

import type { Context } from "hono";
import type { AppEnv } from "../env";
import { GlanceClient } from "../glance/client";
import { KeystoneClient } from "../keystone/client";
import type { UpstreamService } from "../lib/server-timing";

/** The request's Glance client for one Glance endpoint (GLANCE_URL, or the chosen region's). */
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

/** The request's Keystone client, made on first use; undefined without KEYSTONE_URL. */
export function keystoneClientOf(c: Context<AppEnv>): KeystoneClient | undefined {
  const config = c.get("config");
  if (!config.KEYSTONE_URL) return undefined;
  let keystone = c.get("keystone");
  if (!keystone) {
    keystone = new KeystoneClient({
      baseUrl: config.KEYSTONE_URL,
      timeoutMs: config.GLANCE_TIMEOUT_MS,
      openstackRequestId: c.get("openstackRequestId"),
      onCall: upstreamCallCounter(c),
      maxResponseBytes: config.MAX_UPSTREAM_JSON_BYTES,
    });
    c.set("keystone", keystone);
  }
  return keystone;
}

function upstreamCallCounter(c: Context<AppEnv>) {
  return (service: UpstreamService) => {
    c.set("upstreamCalls", c.get("upstreamCalls") + 1);
    return c.get("timer").startCall(service);
  };
}

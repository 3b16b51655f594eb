import { explicitOrigin } from "../config";
import type { RegionEndpoint } from "../keystone/catalog";
import { ProblemError } from "../lib/problem";

/**
 * Refuses a catalog endpoint that is not http(s), or, when GLANCE_ENDPOINT_ALLOWLIST is set, whose
 * scheme, host and port are not one of its origins (config.ts reads the entries into origins).
 */
export function ensureEndpointAllowed(endpoint: RegionEndpoint, allowedOrigins: string[]): void {
  let url: URL | undefined;
  try {
    url = new URL(endpoint.url);
  } catch {
    url = undefined;
  }
  const refuse = (why: string) => {
    throw new ProblemError({
      code: "bad-gateway",
      status: 502,
      detail: `The service catalog's image endpoint for ${endpoint.region} ${why}; it is not called`,
    });
  };
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return refuse("is not an http(s) URL");
  if (allowedOrigins.length > 0 && !allowedOrigins.includes(explicitOrigin(url)))
    refuse("is not one GLANCE_ENDPOINT_ALLOWLIST allows (scheme, host and port)");
}

import type { RegionEndpoint } from "../keystone/catalog";
import { ProblemError } from "../lib/problem";

/** Refuses a catalog endpoint outside GLANCE_ENDPOINT_ALLOWLIST (when set), or one that is not http(s). */
export function ensureEndpointAllowed(endpoint: RegionEndpoint, allowlist: string[]): void {
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
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) refuse("is not an http(s) URL");
  if (allowlist.length > 0 && !allowlist.includes(url!.hostname.toLowerCase()))
    refuse("is on a host outside GLANCE_ENDPOINT_ALLOWLIST");
}

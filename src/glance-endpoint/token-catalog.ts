import { imageEndpoints, type RegionEndpoint } from "../keystone/catalog";
import type { KeystoneClient } from "../keystone/client";
import { log } from "../lib/logger";
import { defaultCache, getCached, putCached } from "../cache/edge-cache";
import { cacheKey } from "../cache/keys";

export interface TokenCatalogOptions {
  keystone: KeystoneClient;
  keystoneUrl: string;
  token: string;
  /** GLANCE_INTERFACE: which of the catalog's image endpoints are kept. */
  endpointInterface: string;
  /** Longest a catalog is reused (TOKEN_VERDICT_TTL); 0 asks Keystone for every request. */
  ttlSeconds: number;
  waitUntil: (work: Promise<unknown>) => void;
  now?: () => number;
  requestId?: string;
}

interface StoredCatalog {
  trustedUntil: number;
  endpoints: RegionEndpoint[];
}

// Concurrent requests of one token share one Keystone call (per isolate).
const inFlight = new Map<string, Promise<RegionEndpoint[]>>();

/**
 * The image endpoints in the token's own catalog (Keystone `GET /v3/auth/tokens`, the token as its
 * own subject; a refused token is Keystone's 401 problem). Cached under a hash of Keystone's URL,
 * the interface and the token, with the token-verdict rules: only a successful lookup, and never
 * past the token's expiry or `ttlSeconds`, whichever comes first.
 */
export async function tokenImageEndpoints(
  options: TokenCatalogOptions,
  cache: Cache | null = defaultCache(),
): Promise<RegionEndpoint[]> {
  const { keystoneUrl, token, endpointInterface, ttlSeconds, requestId } = options;
  const now = options.now ?? Date.now;
  const key = await cacheKey("token-catalog", keystoneUrl, endpointInterface, token);
  if (cache && ttlSeconds > 0) {
    const stored = await getCached<StoredCatalog>(cache, key, now(), (entry) => entry.trustedUntil, requestId);
    if (stored && now() < stored.trustedUntil) return stored.endpoints;
  }
  const pending = inFlight.get(key);
  if (pending) return await pending;
  const lookup = lookUp(options, key, cache).finally(() => inFlight.delete(key));
  inFlight.set(key, lookup);
  return await lookup;
}

async function lookUp(options: TokenCatalogOptions, key: string, cache: Cache | null): Promise<RegionEndpoint[]> {
  const { keystone, token, endpointInterface, ttlSeconds, waitUntil, requestId } = options;
  const now = options.now ?? Date.now;
  const { verdict, catalog } = await keystone.tokenCatalog(token);
  const endpoints = imageEndpoints(catalog, endpointInterface);
  const checkedAt = now();
  const trustedUntil = Math.min(verdict.expiresAt, checkedAt + ttlSeconds * 1000);
  if (cache && ttlSeconds > 0 && trustedUntil > checkedAt) {
    const body: StoredCatalog = { trustedUntil, endpoints };
    waitUntil(
      putCached(cache, key, body, checkedAt, trustedUntil).catch((error) =>
        log("warn", "token catalog write failed", { request_id: requestId, error: String(error) }),
      ),
    );
  }
  return endpoints;
}

import type { Context } from "hono";
import { defaultCache, getCached, putCached, rememberedBody, singleFlight } from "../cache/edge-cache";
import { cacheKey } from "../cache/keys";
import type { AppEnv } from "../env";
import { imageEndpoints, type RegionEndpoint } from "../keystone/catalog";
import type { KeystoneClient, TokenVerdict } from "../keystone/client";
import { log } from "../lib/logger";
import { ProblemError } from "../lib/problem";
import { waitUntilOf } from "../lib/wait-until";
import { keystoneClientOf } from "./clients";

/** What Keystone says of a token: valid until when, for whom, and where its Glance is. */
export interface TokenLookup {
  verdict: TokenVerdict;
  /** The `image` endpoints of GLANCE_INTERFACE in the token's catalog; null when Keystone's catalog could not be read. */
  endpoints: RegionEndpoint[] | null;
}

export interface TokenLookupOptions {
  keystone: KeystoneClient;
  keystoneUrl: string;
  token: string;
  /** GLANCE_INTERFACE: which of the catalog's image endpoints are kept. */
  endpointInterface: string;
  /** Longest a lookup is reused (TOKEN_VERDICT_TTL); 0 asks Keystone for every request. */
  ttlSeconds: number;
  waitUntil: (work: Promise<unknown>) => void;
  /** Longest a request waits for another request's lookup of the same token (GLANCE_TIMEOUT_MS). */
  waitMs?: number;
  now?: () => number;
  requestId?: string;
}

interface StoredLookup extends TokenLookup {
  trustedUntil: number;
}

/**
 * The one Keystone token check (`GET /v3/auth/tokens`, the token as its own subject): its verdict
 * and its catalog's image endpoints, from one call; a refused token is Keystone's 401 problem.
 * Cached under a hash of Keystone's URL, the interface and the token: only a successful lookup,
 * and never past the token's expiry or `ttlSeconds`, whichever comes first. Concurrent lookups of
 * one token in an isolate share one Keystone call.
 */
export async function lookUpToken(
  options: TokenLookupOptions,
  cache: Cache | null = defaultCache(),
): Promise<TokenLookup> {
  const { keystone, keystoneUrl, token, endpointInterface, ttlSeconds, waitUntil, requestId } = options;
  const now = options.now ?? Date.now;
  const caching = cache !== null && ttlSeconds > 0;
  const key = await cacheKey("token-lookup", keystoneUrl, endpointInterface, token);
  if (caching) {
    const stored = await getCached<StoredLookup>(cache, key, now(), (entry) => entry.trustedUntil, requestId);
    if (stored && now() < stored.trustedUntil) return stored;
    // Read again without yielding: a lookup that finished while this one read the Cache API left its entry in memory.
    const landed = rememberedBody<StoredLookup>(key, now());
    if (landed && now() < landed.trustedUntil) return landed;
  }
  const load = async (): Promise<TokenLookup> => {
    const { verdict, catalog } = await keystone.readToken(token);
    return { verdict, endpoints: catalog && imageEndpoints(catalog, endpointInterface) };
  };
  const { value } = await singleFlight(key, load, {
    waitUntil,
    waitMs: options.waitMs,
    keyedByToken: true,
    onLoaded: (lookup) => {
      const checkedAt = now();
      const trustedUntil = Math.min(lookup.verdict.expiresAt, checkedAt + ttlSeconds * 1000);
      if (!caching || trustedUntil <= checkedAt) return;
      const body: StoredLookup = { ...lookup, trustedUntil };
      waitUntil(
        putCached(cache, key, body, checkedAt, trustedUntil).catch((error) =>
          log("warn", "token lookup write failed", { request_id: requestId, error: String(error) }),
        ),
      );
    },
  });
  return value;
}

/** This request's token lookup (made once per request, whatever asks for it); needs KEYSTONE_URL. */
export function tokenLookupOf(c: Context<AppEnv>): Promise<TokenLookup> {
  let lookup = c.get("tokenLookup");
  if (!lookup) {
    const config = c.get("config");
    const keystone = keystoneClientOf(c);
    if (!keystone || !config.KEYSTONE_URL) throw new Error("a token lookup needs KEYSTONE_URL");
    lookup = lookUpToken({
      keystone,
      keystoneUrl: config.KEYSTONE_URL,
      token: c.get("token") ?? "",
      endpointInterface: config.GLANCE_INTERFACE,
      ttlSeconds: config.TOKEN_VERDICT_TTL,
      waitUntil: waitUntilOf(c),
      waitMs: config.GLANCE_TIMEOUT_MS,
      requestId: c.get("requestId"),
    });
    c.set("tokenLookup", lookup);
  }
  return lookup;
}

/** The image endpoints in the caller's Keystone catalog; a catalog Keystone sent in an unexpected shape is a 502. */
export async function catalogImageEndpoints(c: Context<AppEnv>): Promise<RegionEndpoint[]> {
  const { endpoints } = await tokenLookupOf(c);
  if (endpoints === null) {
    throw new ProblemError({
      code: "bad-gateway",
      status: 502,
      detail: "Keystone answered with an unexpected service catalog",
    });
  }
  return endpoints;
}

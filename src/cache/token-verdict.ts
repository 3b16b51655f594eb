import type { KeystoneClient } from "../keystone/client";
import { log } from "../lib/logger";
import { defaultCache, readCachedJson } from "./edge-cache";
import { cacheKey } from "./keys";

export interface TokenVerdictOptions {
  keystone: KeystoneClient;
  keystoneUrl: string;
  token: string;
  /** Longest a positive verdict is trusted; 0 asks Keystone every time. */
  ttlSeconds: number;
  waitUntil: (work: Promise<unknown>) => void;
  now?: () => number;
}

interface StoredVerdict {
  trustedUntil: number;
}

export type VerdictSource = "cached" | "keystone";

/**
 * Resolves when Keystone accepts the token, throwing Keystone's 401 problem when it refuses it.
 * Only positive verdicts are cached (keyed by a hash of Keystone's URL and the token), and only
 * until the token expires or `ttlSeconds` pass, whichever comes first.
 */
export async function ensureTokenAccepted(options: TokenVerdictOptions, cache: Cache | null = defaultCache()): Promise<VerdictSource> {
  const { keystone, keystoneUrl, token, ttlSeconds, waitUntil } = options;
  const now = options.now ?? Date.now;
  const key = await cacheKey("token-verdict", keystoneUrl, token);
  if (cache && ttlSeconds > 0) {
    const verdict = await readCachedJson<StoredVerdict>(cache, key);
    if (verdict && now() < verdict.trustedUntil) return "cached";
  }

  const { expiresAt } = await keystone.validateToken(token);
  const checkedAt = now();
  const trustedUntil = Math.min(expiresAt, checkedAt + ttlSeconds * 1000);
  if (cache && trustedUntil > checkedAt) {
    const body: StoredVerdict = { trustedUntil };
    const maxAge = Math.ceil((trustedUntil - checkedAt) / 1000);
    waitUntil(
      cache
        .put(key, new Response(JSON.stringify(body), { headers: { "content-type": "application/json", "cache-control": `max-age=${maxAge}` } }))
        .catch((error) => log("warn", "token verdict write failed", { error: String(error) })),
    );
  }
  return "keystone";
}

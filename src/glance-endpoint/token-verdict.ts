import type { KeystoneClient, TokenVerdict } from "../keystone/client";
import { log } from "../lib/logger";
import { ProblemError } from "../lib/problem";
import { defaultCache, getCached, putCached, rememberedBody, singleFlight } from "../cache/edge-cache";
import { cacheKey } from "../cache/keys";

export interface TokenVerdictOptions {
  keystone: KeystoneClient;
  keystoneUrl: string;
  token: string;
  /** Longest a positive verdict is trusted; 0 asks Keystone every time. */
  ttlSeconds: number;
  waitUntil: (work: Promise<unknown>) => void;
  now?: () => number;
  requestId?: string;
}

interface StoredVerdict {
  trustedUntil: number;
}

// Glance's default policy for metadefs reads: admin, or a reader of the token's project
// (member implies reader; Keystone lists implied roles in the token). A deployment with a
// stricter policy should leave KEYSTONE_URL empty, so that entries are cached per token instead.
const METADEF_READER_ROLES = new Set(["admin", "reader", "member"]);

export function mayListMetadefs({ projectId, roles }: TokenVerdict): boolean {
  return roles.includes("admin") || (projectId !== undefined && roles.some((role) => METADEF_READER_ROLES.has(role)));
}

/**
 * Resolves when Keystone accepts the token, throwing Keystone's 401 problem when it refuses it.
 * Only positive verdicts are cached (keyed by a hash of Keystone's URL and the token), and only
 * until the token expires or `ttlSeconds` pass, whichever comes first.
 */
export async function ensureTokenAccepted(
  options: TokenVerdictOptions,
  cache: Cache | null = defaultCache(),
): Promise<void> {
  const { keystone, keystoneUrl, token, ttlSeconds, waitUntil, requestId } = options;
  const now = options.now ?? Date.now;
  const key = await cacheKey("token-verdict", keystoneUrl, token);
  if (cache && ttlSeconds > 0) {
    const verdict = await getCached<StoredVerdict>(cache, key, now(), (stored) => stored.trustedUntil, requestId);
    if (verdict && now() < verdict.trustedUntil) return;
  }

  // Read again without yielding: a check that finished while this one read the Cache API left its verdict in memory.
  if (cache && ttlSeconds > 0 && rememberedBody<StoredVerdict>(key, now()) !== undefined) return;
  // Concurrent checks of one token share one Keystone call; a refusal reaches every waiter and is never stored.
  const { value: verdict } = await singleFlight(
    key,
    () => keystone.validateToken(token),
    (accepted) => {
      const checkedAt = now();
      const trustedUntil = Math.min(accepted.expiresAt, checkedAt + ttlSeconds * 1000);
      if (cache && ttlSeconds > 0 && mayListMetadefs(accepted) && trustedUntil > checkedAt) {
        const body: StoredVerdict = { trustedUntil };
        waitUntil(
          putCached(cache, key, body, checkedAt, trustedUntil).catch((error) =>
            log("warn", "token verdict write failed", { request_id: requestId, error: String(error) }),
          ),
        );
      }
    },
  );
  if (!mayListMetadefs(verdict)) {
    throw new ProblemError({
      code: "forbidden",
      status: 403,
      detail:
        "This token may not list metadata definitions: it needs a project scope and the reader, member or admin role",
    });
  }
}

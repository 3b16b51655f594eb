// Bump to orphan every entry written by an older envelope or key layout.
const KEY_VERSION = "v1";
const KEY_ORIGIN = "https://edge-cache.glance-edge.internal";

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * A synthetic cache-key URL. Its parts are hashed, so a token or an internal URL that scopes an
 * entry never appears in a key as such.
 */
export async function cacheKey(name: string, ...parts: string[]): Promise<string> {
  return `${KEY_ORIGIN}/${KEY_VERSION}/${name}/${await sha256Hex(parts.join("\n"))}`;
}

/**
 * The key of an entry that holds one Glance's answer: scoped by the endpoint of the Glance client
 * that produced it, so one region's (or one deployment's) answer is never served for another.
 */
export async function glanceCacheKey(glance: { baseUrl: string }, name: string, ...parts: string[]): Promise<string> {
  return await cacheKey(name, glance.baseUrl, ...parts);
}

/**
 * Short-lived signed URLs for one upload's assembled bytes: what Glance's `web-download` import fetches.
 * The URL names the upload, its image and an expiry, and carries an HMAC-SHA256 of those three under
 * UPLOAD_SIGNING_KEY; nothing else (no token, no project) is in it. Pure: WebCrypto only.
 */

/** Where the bytes of upload `uploadId` of image `imageId` are served (the query carries expiry and signature). */
export function uploadBytesPath(imageId: string, uploadId: string): string {
  return `/api/glance/images/${imageId}/uploads/${uploadId}/bytes/`;
}

export const EXPIRES_PARAM = "expires";
export const SIGNATURE_PARAM = "signature";

export interface UploadGrant {
  uploadId: string;
  imageId: string;
  /** Unix time in seconds after which the URL is refused (410). */
  expiresAt: number;
}

export type SignatureVerdict = "valid" | "invalid" | "expired";

const encoder = new TextEncoder();

// A version prefix and a separator no id can hold: a grant for one (upload, image) never reads as another's.
function signedText({ uploadId, imageId, expiresAt }: UploadGrant): Uint8Array {
  return encoder.encode(`glance-edge upload bytes v1\n${uploadId}\n${imageId}\n${expiresAt}`);
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  if (!secret) throw new Error("UPLOAD_SIGNING_KEY is empty");
  return await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return undefined; // 32 bytes, unpadded
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The signature of a grant (base64url, unpadded). */
export async function signGrant(secret: string, grant: UploadGrant): Promise<string> {
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret), signedText(grant));
  return base64url(new Uint8Array(signature));
}

/** The full signed URL under `baseUrl` (PUBLIC_BASE_URL: where Glance reaches this Worker). */
export async function signedUploadUrl(secret: string, baseUrl: string, grant: UploadGrant): Promise<string> {
  // Relative to the base, so a path prefix of PUBLIC_BASE_URL (a route under another app) is kept.
  const url = new URL(uploadBytesPath(grant.imageId, grant.uploadId).slice(1), `${baseUrl.replace(/\/+$/, "")}/`);
  url.searchParams.set(EXPIRES_PARAM, String(grant.expiresAt));
  url.searchParams.set(SIGNATURE_PARAM, await signGrant(secret, grant));
  return url.toString();
}

/**
 * Checks a presented signature. The signature is checked first (WebCrypto's verify compares in constant
 * time), so only the holder of a genuine URL learns that it expired; `expired` when `now` (Unix seconds)
 * is past a correctly signed expiry.
 */
export async function verifyGrant(
  secret: string,
  grant: { uploadId: string; imageId: string; expires: string | undefined },
  signature: string | undefined,
  now: number,
): Promise<SignatureVerdict> {
  const expiresAt = grant.expires !== undefined && /^\d{1,12}$/.test(grant.expires) ? Number(grant.expires) : NaN;
  const presented = signature === undefined ? undefined : fromBase64url(signature);
  if (!Number.isSafeInteger(expiresAt) || !presented) return "invalid";
  const genuine = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret),
    presented,
    signedText({ uploadId: grant.uploadId, imageId: grant.imageId, expiresAt }),
  );
  if (!genuine) return "invalid";
  return now > expiresAt ? "expired" : "valid";
}

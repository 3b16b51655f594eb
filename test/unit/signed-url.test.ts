import { describe, expect, it } from "vitest";
import {
  EXPIRES_PARAM,
  SIGNATURE_PARAM,
  signedUploadUrl,
  signGrant,
  uploadBytesPath,
  verifyGrant,
} from "../../src/resumable/signed-url";

const KEY = "a-signing-key-only-these-tests-know";
const IMAGE = "0f4a1c3e-8d2b-4e6f-9a7c-1b3d5e7f9a0b";
const UPLOAD = "4c9e1f0a2b3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7";
const NOW = 1_800_000_000;
const grant = { uploadId: UPLOAD, imageId: IMAGE, expiresAt: NOW + 600 };

/** What the byte route reads back from a signed URL. */
function presented(url: string) {
  const parsed = new URL(url);
  const [, imageId, uploadId] = /\/images\/([^/]+)\/uploads\/([^/]+)\/bytes\/$/.exec(parsed.pathname) ?? [];
  return {
    grant: { uploadId: uploadId!, imageId: imageId!, expires: parsed.searchParams.get(EXPIRES_PARAM) ?? undefined },
    signature: parsed.searchParams.get(SIGNATURE_PARAM) ?? undefined,
  };
}

describe("signed upload URLs", () => {
  it("puts the byte path under the public base URL, with the expiry and a signature and nothing else", async () => {
    const url = await signedUploadUrl(KEY, "http://127.0.0.1:8787/", grant);
    const parsed = new URL(url);
    expect(parsed.origin).toBe("http://127.0.0.1:8787");
    expect(parsed.pathname).toBe(uploadBytesPath(IMAGE, UPLOAD));
    expect([...parsed.searchParams.keys()].sort()).toEqual([EXPIRES_PARAM, SIGNATURE_PARAM]);
    expect(parsed.searchParams.get(EXPIRES_PARAM)).toBe(String(NOW + 600));
    expect(url).not.toContain(KEY);
  });

  it("keeps a path prefix of the base URL", async () => {
    const url = await signedUploadUrl(KEY, "https://edge.example/glance-edge", grant);
    expect(new URL(url).pathname).toBe(`/glance-edge${uploadBytesPath(IMAGE, UPLOAD)}`);
  });

  it("verifies its own URL until the expiry, and the second after it is expired", async () => {
    const { grant: fromUrl, signature } = presented(await signedUploadUrl(KEY, "http://127.0.0.1:8787", grant));
    expect(await verifyGrant(KEY, fromUrl, signature, NOW)).toBe("valid");
    expect(await verifyGrant(KEY, fromUrl, signature, NOW + 600)).toBe("valid");
    expect(await verifyGrant(KEY, fromUrl, signature, NOW + 601)).toBe("expired");
  });

  it("refuses a tampered expiry, another upload, another image, a wrong key, and a flipped signature bit", async () => {
    const { grant: fromUrl, signature } = presented(await signedUploadUrl(KEY, "http://127.0.0.1:8787", grant));
    const later = { ...fromUrl, expires: String(NOW + 86_400) };
    expect(await verifyGrant(KEY, later, signature, NOW)).toBe("invalid");
    const otherUpload = { ...fromUrl, uploadId: UPLOAD.replace(/^4/, "5") };
    expect(await verifyGrant(KEY, otherUpload, signature, NOW)).toBe("invalid");
    const otherImage = { ...fromUrl, imageId: IMAGE.replace(/^0/, "1") };
    expect(await verifyGrant(KEY, otherImage, signature, NOW)).toBe("invalid");
    expect(await verifyGrant(`${KEY}!`, fromUrl, signature, NOW)).toBe("invalid");
    const flipped = signature!.slice(0, -2) + (signature!.at(-2) === "A" ? "B" : "A") + signature!.at(-1);
    expect(await verifyGrant(KEY, fromUrl, flipped, NOW)).toBe("invalid");
  });

  it("calls an expired URL with a wrong signature invalid, so only a genuine URL learns that it expired", async () => {
    const { grant: fromUrl } = presented(await signedUploadUrl(KEY, "http://127.0.0.1:8787", grant));
    const forged = await signGrant("another key", grant);
    expect(await verifyGrant(KEY, fromUrl, forged, NOW + 10_000)).toBe("invalid");
  });

  it("refuses missing or malformed parts without throwing", async () => {
    const signature = await signGrant(KEY, grant);
    const base = { uploadId: UPLOAD, imageId: IMAGE, expires: String(grant.expiresAt) };
    expect(await verifyGrant(KEY, base, undefined, NOW)).toBe("invalid");
    expect(await verifyGrant(KEY, base, "", NOW)).toBe("invalid");
    expect(await verifyGrant(KEY, base, `${signature}=`, NOW)).toBe("invalid");
    expect(await verifyGrant(KEY, base, "not base64 at all!", NOW)).toBe("invalid");
    expect(await verifyGrant(KEY, { ...base, expires: undefined }, signature, NOW)).toBe("invalid");
    expect(await verifyGrant(KEY, { ...base, expires: "1e9" }, signature, NOW)).toBe("invalid");
    expect(await verifyGrant(KEY, { ...base, expires: `${grant.expiresAt}.0` }, signature, NOW)).toBe("invalid");
  });

  it("refuses to sign or verify with an empty key", async () => {
    await expect(signGrant("", grant)).rejects.toThrow(/UPLOAD_SIGNING_KEY/);
  });
});

import { badRequest } from "./problem";

/** The digests an upload may be checked against (RFC 9530's sha-256 and sha-512, and Content-MD5). */
export type DigestAlgorithm = "sha-256" | "sha-512" | "md5";

export type DigestHeader = "Repr-Digest" | "Content-Digest" | "Content-MD5";

/** A digest the client sent with an upload: the data must hash to `value`. */
export interface ExpectedDigest {
  header: DigestHeader;
  algorithm: DigestAlgorithm;
  value: Uint8Array;
}

export const DIGEST_BYTES: Record<DigestAlgorithm, number> = { "sha-256": 32, "sha-512": 64, md5: 16 };

/** workerd's DigestStream / WebCrypto name of each algorithm (MD5 included in workerd). */
export const WEBCRYPTO_DIGEST: Record<DigestAlgorithm, "SHA-256" | "SHA-512" | "MD5"> = {
  "sha-256": "SHA-256",
  "sha-512": "SHA-512",
  md5: "MD5",
};

/** RFC 9530 `Want-Repr-Digest`: the algorithms this API checks an upload against, most preferred first. */
export const WANT_REPR_DIGEST = "sha-512=10, sha-256=9";

const SUPPORTED = ["sha-256", "sha-512"] as const;
const SF_KEY = /^[a-z*][a-z0-9_\-.*]*$/;
const SF_PARAMETERS = /^(?:\s*;\s*[a-z*][a-z0-9_\-.*]*(?:=[^;]*)?)*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

function fromBase64(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const unpadded = text.replace(/=+$/, "");
  if (unpadded.length % 4 === 1) return undefined;
  try {
    return Uint8Array.from(atob(unpadded.padEnd(Math.ceil(unpadded.length / 4) * 4, "=")), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** An RFC 9530 field member as it is written: `sha-256=:<base64>:`. */
export const digestMember = (algorithm: DigestAlgorithm, value: Uint8Array) => `${algorithm}=:${toBase64(value)}:`;

/** A digest as its header writes it, for messages. */
export function formatDigest(header: DigestHeader, algorithm: DigestAlgorithm, value: Uint8Array): string {
  return header === "Content-MD5" ? toBase64(value) : digestMember(algorithm, value);
}

/**
 * The members of an RFC 9530 digest field (an RFC 8941 dictionary of byte sequences). The
 * algorithms this API does not compute are skipped, as RFC 9530 lets a recipient do, unless no
 * member is left to check: then, as for any malformed member, a 400 naming the header.
 */
function parseDigestField(header: "Repr-Digest" | "Content-Digest", field: string): ExpectedDigest[] {
  const refuse = (message: string) => badRequest(header, message, "header");
  const digests = new Map<DigestAlgorithm, Uint8Array>();
  const skipped: string[] = [];
  for (const member of field.split(",")) {
    const match = /^\s*([^=\s;]+)\s*=\s*:([^:]*):(.*)$/.exec(member);
    if (!match || !SF_KEY.test(match[1]) || !SF_PARAMETERS.test(match[3].trimEnd())) {
      throw refuse(`"${member.trim()}" is not an RFC 9530 digest (write it as sha-256=:<base64>:)`);
    }
    const key = match[1];
    if (!(SUPPORTED as readonly string[]).includes(key)) {
      skipped.push(key);
      continue;
    }
    const algorithm = key as DigestAlgorithm;
    const value = fromBase64(match[2]);
    if (!value) throw refuse(`the ${algorithm} value is not base64`);
    if (value.byteLength !== DIGEST_BYTES[algorithm]) {
      throw refuse(`a ${algorithm} digest is ${DIGEST_BYTES[algorithm]} bytes, not ${value.byteLength}`);
    }
    digests.set(algorithm, value);
  }
  if (digests.size === 0) {
    throw refuse(`this API checks sha-256 and sha-512 digests; ${skipped.join(", ")} cannot be checked`);
  }
  return [...digests].map(([algorithm, value]) => ({ header, algorithm, value }));
}

/** RFC 1864's base64 MD5, or the hex form OpenStack's own `checksum` uses. */
function parseContentMd5(field: string): ExpectedDigest {
  const text = field.trim();
  const value = /^[0-9a-fA-F]{32}$/.test(text)
    ? Uint8Array.from({ length: 16 }, (_, i) => Number.parseInt(text.slice(i * 2, i * 2 + 2), 16))
    : fromBase64(text);
  if (!value || value.byteLength !== 16) {
    throw badRequest("Content-MD5", "must be the MD5 of the data, base64 (RFC 1864) or 32 hex digits", "header");
  }
  return { header: "Content-MD5", algorithm: "md5", value };
}

/**
 * The digests an upload's request carries, to be checked against the data before Glance keeps it:
 * `Repr-Digest` and `Content-Digest` (RFC 9530; for an upload, which this API never re-encodes,
 * both are digests of the bytes sent) and `Content-MD5`. A malformed one is a 400 before any byte moves.
 */
export function expectedDigests(headers: Headers): ExpectedDigest[] {
  const digests: ExpectedDigest[] = [];
  for (const header of ["Repr-Digest", "Content-Digest"] as const) {
    const field = headers.get(header);
    if (field !== null) digests.push(...parseDigestField(header, field));
  }
  const md5 = headers.get("Content-MD5");
  if (md5 !== null) digests.push(parseContentMd5(md5));
  return digests;
}

import { describe, expect, it } from "vitest";
import {
  attachmentDisposition,
  glanceSha512,
  hexToBase64,
  quotaExceeded,
  sha512ReprDigest,
} from "../../src/glance/transform/image-data";

const ID = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";

describe("attachmentDisposition", () => {
  it.each([
    ["cirros-0.6.2.img", 'attachment; filename="cirros-0.6.2.img"'],
    ["../../etc/passwd", 'attachment; filename="_.._etc_passwd"'],
    ['say "hi"\r\n', "attachment; filename=\"say _hi_\"; filename*=UTF-8''say%20%22hi%22"],
    ["100%", "attachment; filename=\"100_\"; filename*=UTF-8''100%25"],
    ["Überbild", "attachment; filename=\"_berbild\"; filename*=UTF-8''%C3%9Cberbild"],
    ["日本 (v1)'s", "attachment; filename=\"__ (v1)'s\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%20%28v1%29%27s"],
  ])("names %j safely", (name, expected) => {
    expect(attachmentDisposition(name, ID)).toBe(expected);
  });

  it("falls back to the id for a missing, empty or dots-only name", () => {
    for (const name of [undefined, null, "", "  ", "..."])
      expect(attachmentDisposition(name, ID)).toBe(`attachment; filename="${ID}"`);
  });
});

describe("digests", () => {
  it("writes RFC 9530 Repr-Digest from Glance's hex sha512", async () => {
    const bytes = new TextEncoder().encode("glance");
    const raw = new Uint8Array(await crypto.subtle.digest("SHA-512", bytes));
    const hex = [...raw].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(hexToBase64(hex)).toBe(btoa(String.fromCharCode(...raw)));
    expect(sha512ReprDigest(hex)).toBe(`sha-512=:${btoa(String.fromCharCode(...raw))}:`);
  });

  it("takes Glance's hash only when its algorithm is sha512", () => {
    expect(glanceSha512({ id: ID, os_hash_algo: "sha512", os_hash_value: "ABCD" })).toBe("abcd");
    expect(glanceSha512({ id: ID, os_hash_algo: "sha256", os_hash_value: "abcd" })).toBeUndefined();
    expect(glanceSha512({ id: ID, os_hash_algo: null, os_hash_value: null })).toBeUndefined();
  });
});

describe("quotaExceeded", () => {
  const usage = { usage: { image_size_total: { limit: 10, usage: 9 }, image_stage_total: { limit: -1, usage: 3 } } };

  it("compares the length with what is left of the limit, in bytes (Glance counts MiB)", () => {
    expect(quotaExceeded(usage, "image_size_total", 1024 * 1024)).toBeUndefined();
    expect(quotaExceeded(usage, "image_size_total", 1024 * 1024 + 1)).toEqual({
      resource: "image_size_total",
      remainingBytes: 1024 * 1024,
      limitMiB: 10,
      usageMiB: 9,
    });
  });

  it("sees no limit in -1, in a missing entry and in Glance's empty usage", () => {
    expect(quotaExceeded(usage, "image_stage_total", 1e15)).toBeUndefined();
    expect(quotaExceeded({ usage: {} }, "image_size_total", 1e15)).toBeUndefined();
  });

  it("counts nothing left when usage is already over the limit", () => {
    expect(
      quotaExceeded({ usage: { image_size_total: { limit: 1, usage: 5 } } }, "image_size_total", 1)?.remainingBytes,
    ).toBe(0);
  });
});

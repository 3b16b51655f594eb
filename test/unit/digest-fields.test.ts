import { describe, expect, it } from "vitest";
import { digestMember, expectedDigests } from "../../src/lib/digest-fields";
import { ProblemError } from "../../src/lib/problem";

const b64 = (bytes: number, fill: number) => btoa(String.fromCharCode(...new Uint8Array(bytes).fill(fill)));

function refusal(headers: Record<string, string>) {
  try {
    expectedDigests(new Headers(headers));
  } catch (error) {
    if (error instanceof ProblemError) return error.init;
    throw error;
  }
  throw new Error("no refusal");
}

describe("expectedDigests", () => {
  it("reads RFC 9530 Repr-Digest and Content-Digest members it can check, and Content-MD5 (base64 or hex)", () => {
    const digests = expectedDigests(
      new Headers({
        "repr-digest": `sha-256=:${b64(32, 1)}:, sha-512=:${b64(64, 2)}:`,
        "content-digest": `sha-512=:${b64(64, 3)}:`,
        "content-md5": "1B2M2Y8AsgTpgAmY7PhCfg==",
      }),
    );
    expect(digests.map((d) => [d.header, d.algorithm, d.value.byteLength, d.value[0]])).toEqual([
      ["Repr-Digest", "sha-256", 32, 1],
      ["Repr-Digest", "sha-512", 64, 2],
      ["Content-Digest", "sha-512", 64, 3],
      ["Content-MD5", "md5", 16, 0xd4],
    ]);
    const hex = expectedDigests(new Headers({ "content-md5": "d41d8cd98f00b204e9800998ecf8427e" }));
    expect(hex[0].value).toEqual(expectedDigests(new Headers({ "content-md5": "1B2M2Y8AsgTpgAmY7PhCfg==" }))[0].value);
  });

  it("skips algorithms it does not compute when another member is left, and accepts parameters and missing padding", () => {
    const digests = expectedDigests(
      new Headers({ "repr-digest": `crc32c=:AAAAAA==:, sha-256=:${b64(32, 7).replace(/=+$/, "")}:;note=1` }),
    );
    expect(digests.map((d) => d.algorithm)).toEqual(["sha-256"]);
  });

  it("carries nothing when no digest header is sent", () => {
    expect(expectedDigests(new Headers({ "content-type": "application/octet-stream" }))).toEqual([]);
  });

  it.each([
    [{ "repr-digest": "sha-256=abc" }, "Repr-Digest", "not an RFC 9530 digest"],
    [{ "repr-digest": `sha-256=:${b64(31, 1)}:` }, "Repr-Digest", "a sha-256 digest is 32 bytes, not 31"],
    [{ "content-digest": "sha-512=:***:" }, "Content-Digest", "not base64"],
    [{ "repr-digest": "md5=:1B2M2Y8AsgTpgAmY7PhCfg==:" }, "Repr-Digest", "md5 cannot be checked"],
    [{ "repr-digest": `SHA-256=:${b64(32, 1)}:` }, "Repr-Digest", "not an RFC 9530 digest"],
    [{ "repr-digest": "" }, "Repr-Digest", "not an RFC 9530 digest"],
    [{ "content-md5": "abc" }, "Content-MD5", "base64 (RFC 1864) or 32 hex digits"],
  ])("refuses %j with a 400 naming the header", (headers, field, message) => {
    const init = refusal(headers);
    expect(init.status).toBe(400);
    expect(init.code).toBe("validation-error");
    expect(init.errors).toEqual([{ location: "header", field, message: expect.stringContaining(message) }]);
  });

  it("writes a member as RFC 9530 does", () => {
    expect(digestMember("sha-256", new Uint8Array(32))).toBe(`sha-256=:${b64(32, 0)}:`);
  });
});

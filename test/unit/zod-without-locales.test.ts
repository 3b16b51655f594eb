import * as zod from "zod";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain JS module (the bundle's stand-in for "zod", wrangler.toml [alias])
import * as trimmed from "../../src/lib/zod-without-locales.js";

describe("the bundle's zod (src/lib/zod-without-locales.js)", () => {
  it("exports everything zod does but the locales and core namespaces", () => {
    expect(zod.locales).toBeDefined(); // the real zod here, not the aliased one
    const left = new Set(["locales", "core"]);
    expect(
      Object.keys(trimmed)
        .filter((name) => !left.has(name))
        .sort(),
    ).toEqual(
      Object.keys(zod)
        .filter((name) => !left.has(name))
        .sort(),
    );
    expect(trimmed.locales).toBeUndefined();
    expect(trimmed.z.object).toBe(zod.z.object);
  });

  it("still gives zod's English messages", () => {
    const result = trimmed.z.object({ name: trimmed.z.string() }).safeParse({ name: 1 });
    expect(result.error.issues[0].message).toBe("Invalid input: expected string, received number");
  });
});

import { describe, expect, it } from "vitest";
import { formatMatches, formatRefusal } from "../../src/glance/image-format-rules";
import type { FormatFinding, ImageFormat } from "../../src/streams/format-inspector";

const found = (format: ImageFormat, extra: Partial<FormatFinding> = {}): FormatFinding => ({ format, ...extra });

describe("formatMatches: Glance's require_image_format_match rules", () => {
  it.each<[string, FormatFinding, boolean]>([
    ["raw", found("raw"), true],
    ["raw", found("mbr"), true],
    ["raw", found("gpt"), true],
    ["raw", found("vhd", { footerOnly: true }), true],
    ["raw", found("qcow2"), false],
    ["raw", found("iso"), false],
    ["raw", found("vhd"), false],
    ["raw", found("luks"), false],
    ["qcow2", found("qcow2"), true],
    ["qcow2", found("raw"), false],
    ["qcow2", found("vmdk"), false],
    ["vmdk", found("vmdk"), true],
    ["vhd", found("vhd"), true],
    ["vhd", found("vhd", { footerOnly: true }), true],
    ["vhdx", found("vhdx"), true],
    ["vdi", found("vdi"), true],
    ["iso", found("iso"), true],
    ["iso", found("raw"), false],
    ["iso", found("mbr"), false],
    ["gpt", found("gpt"), true],
    ["gpt", found("mbr"), true],
    ["gpt", found("raw"), false],
    ["ami", found("qcow2"), true],
    ["ari", found("raw"), true],
    ["aki", found("vmdk"), true],
    ["ploop", found("raw"), true],
    ["ploop", found("qcow2"), false],
  ])("disk_format %s with %j: %s", (diskFormat, finding, expected) => {
    expect(formatMatches(finding, diskFormat)).toBe(expected);
  });
});

describe("formatRefusal", () => {
  const bare = { disk_format: "raw", container_format: "bare" };

  it("names an unsafe header whatever the disk_format, ami's included", () => {
    const unsafe = found("qcow2", { unsafe: 'with a backing file "/etc/passwd"' });
    for (const disk_format of ["qcow2", "raw", "ami"]) {
      expect(formatRefusal(unsafe, { disk_format, container_format: "bare" }, 0)).toEqual({
        code: "unsafe-image",
        finding: 'detected qcow2 with a backing file "/etc/passwd"',
      });
    }
  });

  it("names a mismatch with both formats", () => {
    expect(formatRefusal(found("qcow2"), bare, 0)).toEqual({
      code: "image-format-mismatch",
      finding: "detected qcow2, but the image's disk_format is raw",
    });
    expect(formatRefusal(found("raw"), { disk_format: "qcow2", container_format: "bare" }, 0)).toEqual({
      code: "image-format-mismatch",
      finding: "detected raw data (no disk image header), but the image's disk_format is qcow2",
    });
  });

  it("checks the format of bare containers only (an OVA or a compressed container holds something else)", () => {
    expect(formatRefusal(found("raw"), { disk_format: "vmdk", container_format: "ova" }, 0)).toBeUndefined();
    expect(formatRefusal(found("raw"), { disk_format: "vmdk", container_format: null }, 0)).toMatchObject({
      code: "image-format-mismatch",
    });
  });

  it("refuses a declared virtual size over MAX_VIRTUAL_SIZE_BYTES, when it is set", () => {
    const big = found("qcow2", { virtualSize: 2 ** 41 });
    const qcow2 = { disk_format: "qcow2", container_format: "bare" };
    expect(formatRefusal(big, qcow2, 0)).toBeUndefined();
    expect(formatRefusal(big, qcow2, 2 ** 41)).toBeUndefined();
    expect(formatRefusal(big, qcow2, 2 ** 40)).toEqual({
      code: "unsafe-image",
      finding: `detected qcow2 with a virtual size of ${2 ** 41} bytes, over MAX_VIRTUAL_SIZE_BYTES (${2 ** 40})`,
    });
  });

  it("accepts matching data, and leaves an image without a disk_format to Glance", () => {
    expect(formatRefusal(found("raw"), bare, 0)).toBeUndefined();
    expect(formatRefusal(found("qcow2"), {}, 0)).toBeUndefined();
  });
});

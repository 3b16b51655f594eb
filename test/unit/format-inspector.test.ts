import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FormatFinding, FormatInspector, quoteName } from "../../src/streams/format-inspector";
import {
  iso,
  luks,
  mbr,
  MONOLITHIC_SPARSE_DESCRIPTOR,
  padded,
  qcow2,
  qed,
  vdi,
  vhd,
  vhdx,
  vmdk,
  vmdkDescriptorFile,
} from "../support/disk-images";

/** Feeds `bytes` in chunks of `size` (copies, as a stream would hand them) and returns the final finding. */
function inspect(bytes: Uint8Array, size = 64 * 1024): FormatFinding {
  const inspector = new FormatInspector();
  for (let at = 0; at < bytes.byteLength; at += size) inspector.feed(bytes.slice(at, at + size));
  return inspector.finish();
}

/** Feeds `bytes` cut at the given offsets. */
function inspectCut(bytes: Uint8Array, cuts: number[]): FormatFinding {
  const inspector = new FormatInspector();
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut > from && cut < bytes.byteLength) {
      inspector.feed(bytes.slice(from, cut));
      from = cut;
    }
  }
  inspector.feed(bytes.slice(from));
  return inspector.finish();
}

const GiB = 1 << 30;

describe("FormatInspector: what the bytes are", () => {
  it.each<[string, Uint8Array, FormatFinding]>([
    ["raw zeros", new Uint8Array(300 * 1024), { format: "raw" }],
    ["an empty stream", new Uint8Array(0), { format: "raw" }],
    ["qcow2 v2", qcow2({ version: 2 }), { format: "qcow2", virtualSize: GiB }],
    ["qcow2 v3", qcow2({ version: 3, virtualSize: 5 * GiB }), { format: "qcow2", virtualSize: 5 * GiB }],
    [
      "qcow2 v3 with the dirty, corrupt, compression and extended-L2 bits (all known)",
      qcow2({ incompatibleFeatures: 0x1bn }),
      { format: "qcow2", virtualSize: GiB },
    ],
    ["monolithicSparse vmdk", vmdk(), { format: "vmdk", virtualSize: GiB }],
    [
      "streamOptimized vmdk whose footer repeats its header",
      vmdk({
        descriptor: MONOLITHIC_SPARSE_DESCRIPTOR.replace("monolithicSparse", "streamOptimized"),
        footer: "valid",
      }),
      { format: "vmdk", virtualSize: GiB },
    ],
    ["dynamic vhd (its footer copied at the start)", vhd(), { format: "vhd", virtualSize: GiB }],
    [
      "fixed vhd (its only footer the last 512 bytes)",
      vhd({ type: "fixed", virtualSize: 1 << 20 }),
      { format: "vhd", virtualSize: 1 << 20, footerOnly: true },
    ],
    [
      "vhdx (virtual size from its metadata region at 1 MiB)",
      vhdx({ virtualSize: 3 * GiB }),
      { format: "vhdx", virtualSize: 3 * GiB },
    ],
    ["vdi", vdi({ virtualSize: 2 * GiB }), { format: "vdi", virtualSize: 2 * GiB }],
    ["luks v1", luks(), { format: "luks" }],
    [
      "iso 9660 (primary volume descriptor at 32 KiB)",
      iso({ blocks: 100 }),
      { format: "iso", virtualSize: 100 * 2048 },
    ],
    [
      "isohybrid: an iso with a protective MBR in front",
      iso({ hybrid: true }),
      { format: "iso", virtualSize: 100 * 2048 },
    ],
    ["a GPT disk (protective MBR)", mbr({ gpt: true }), { format: "gpt" }],
    ["a legacy MBR disk", mbr(), { format: "mbr" }],
  ])("%s", (_, bytes, expected) => {
    expect(inspect(bytes)).toEqual(expected);
  });

  it("a FAT boot sector is not a partition table: raw", () => {
    const fat = mbr();
    fat[0x10] = 2;
    fat[0x15] = 0xf8;
    expect(inspect(fat)).toEqual({ format: "raw" });
  });

  it("a stream that only ends with 'conectix' is not a fixed vhd unless the footer says so", () => {
    const fixed = vhd({ type: "fixed", virtualSize: 1 << 20 });
    const wrongSize = fixed.slice(512); // the footer's size no longer matches what precedes it
    expect(inspect(wrongSize)).toEqual({ format: "raw" });
  });
});

describe("FormatInspector: images that point outside themselves, or cannot be checked", () => {
  it.each<[string, Uint8Array, Partial<FormatFinding>]>([
    [
      "qcow2 v2 with a backing file",
      qcow2({ version: 2, backingFile: "/etc/passwd" }),
      { format: "qcow2", unsafe: 'with a backing file "/etc/passwd"' },
    ],
    [
      "qcow2 v3 with a backing file",
      qcow2({ backingFile: "base.raw" }),
      { format: "qcow2", unsafe: 'with a backing file "base.raw"' },
    ],
    [
      "qcow2 v3 with a data file",
      qcow2({ dataFile: "/dev/sda" }),
      { format: "qcow2", unsafe: 'with an external data file "/dev/sda"' },
    ],
    [
      "qcow2 v3 with the data-file bit and no name",
      qcow2({ dataFile: true }),
      { format: "qcow2", unsafe: "with an external data file" },
    ],
    [
      "qcow2 v3 with an unknown incompatible feature",
      qcow2({ incompatibleFeatures: 1n << 40n }),
      { unsafe: "with unknown incompatible features (0x10000000000)" },
    ],
    ["qcow2 version 1", qcow2({ version: 1 as 2 }), { format: "qcow2", unsafe: "of version 1" }],
    ["qcow2 cut short in its header", qcow2().slice(0, 40), { format: "qcow2", unsafe: "with its header cut short" }],
    [
      "sparse vmdk whose descriptor names /etc/passwd",
      vmdk({ descriptor: MONOLITHIC_SPARSE_DESCRIPTOR.replace('"disk.vmdk"', '"/etc/passwd"') }),
      { format: "vmdk", unsafe: 'whose descriptor names the extent "/etc/passwd"' },
    ],
    [
      "sparse vmdk with a second extent",
      vmdk({ descriptor: `${MONOLITHIC_SPARSE_DESCRIPTOR}RW 2048 SPARSE "other.vmdk"\n` }),
      { unsafe: "whose descriptor names 2 extents (one, the file itself, is accepted)" },
    ],
    [
      "vmdk of type monolithicFlat",
      vmdk({ descriptor: MONOLITHIC_SPARSE_DESCRIPTOR.replace("monolithicSparse", "monolithicFlat") }),
      { unsafe: 'of type "monolithicFlat" (only monolithicSparse and streamOptimized are accepted)' },
    ],
    [
      "vmdk naming a parent",
      vmdk({
        descriptor: MONOLITHIC_SPARSE_DESCRIPTOR.replace(
          "parentCID=ffffffff",
          'parentCID=1234\nparentFileNameHint="base.vmdk"',
        ),
      }),
      { unsafe: 'with a parent (backing) file "base.vmdk"' },
    ],
    [
      "vmdk with a descriptor line it does not know",
      vmdk({ descriptor: `${MONOLITHIC_SPARSE_DESCRIPTOR}include /etc/shadow\n` }),
      { unsafe: 'with a descriptor line it does not accept: "include /etc/shadow"' },
    ],
    [
      "vmdk whose descriptor is not at sector 1",
      vmdk({ descriptorSector: 0 }),
      { format: "vmdk", unsafe: "without its descriptor at sector 1 (not monolithicSparse)" },
    ],
    [
      "vmdk whose descriptor is cut short",
      vmdk({ descriptorSectors: 20, length: 2048 }),
      { format: "vmdk", unsafe: "with its descriptor cut short" },
    ],
    [
      "vmdk whose footer is missing",
      vmdk({ footer: "missing" }),
      { format: "vmdk", unsafe: "whose footer markers are invalid" },
    ],
    [
      "vmdk whose footer names another descriptor",
      vmdk({ footer: "other-descriptor" }),
      { format: "vmdk", unsafe: "whose footer names another descriptor" },
    ],
    [
      "a text-only vmdk descriptor naming /etc/passwd",
      vmdkDescriptorFile(),
      { format: "vmdk", unsafe: 'whose descriptor names the extent "/etc/passwd"' },
    ],
    [
      "a text-only vmdk descriptor naming a file beside it",
      vmdkDescriptorFile('RW 2048 FLAT "disk-flat.vmdk" 0'),
      { format: "vmdk", unsafe: 'whose descriptor names the extent "disk-flat.vmdk"' },
    ],
    [
      "a differencing vhd",
      vhd({ type: "differencing" }),
      { format: "vhd", unsafe: "that is a differencing disk (it has a parent)" },
    ],
    [
      "a differencing vhdx",
      vhdx({ parent: true }),
      { format: "vhdx", unsafe: "that is a differencing disk (it names a parent)" },
    ],
    [
      "a vhdx without its region table",
      vhdx({ regionTable: false }),
      { format: "vhdx", unsafe: "with no readable region table at 192 KiB" },
    ],
    ["qed", qed(), { format: "qed", unsafe: "(a format no OpenStack service accepts)" }],
    ["luks v2", luks({ version: 2 }), { format: "luks", unsafe: "of version 2" }],
    [
      "a qcow2 that is also an iso",
      (() => {
        const polyglot = padded(qcow2(), 64 * 1024);
        polyglot.set(iso().subarray(32768, 34816), 32768);
        return polyglot;
      })(),
      { format: "qcow2", unsafe: "that is also iso (one file in several formats)" },
    ],
  ])("%s", (_, bytes, expected) => {
    expect(inspect(bytes)).toMatchObject(expected);
  });

  it("quotes names read from an image as printable ASCII, cut at 200 bytes", () => {
    expect(quoteName(Uint8Array.from([0x61, 0x22, 0x5c, 0x0a, 0xff]))).toBe('"a\\"\\\\\\x0a\\xff"');
    expect(quoteName(new Uint8Array(300).fill(0x61))).toBe(`"${"a".repeat(200)}…"`);
  });

  it("reads a huge declared VMDK descriptor size as at most 1 MiB", () => {
    expect(inspect(vmdk({ descriptorSectors: 2 ** 40, length: 2 * 1024 * 1024 }))).toMatchObject({ format: "vmdk" });
  });
});

describe("FormatInspector: streaming", () => {
  const samples: [string, Uint8Array][] = [
    ["qcow2 v2 with a backing file", qcow2({ version: 2, backingFile: "base.raw", length: 1200 })],
    ["qcow2 v3 with a data file", qcow2({ dataFile: "data.raw", length: 1200 })],
    ["qcow2 v3", qcow2({ length: 1200 })],
    [
      "sparse vmdk naming /etc/passwd",
      vmdk({ descriptor: MONOLITHIC_SPARSE_DESCRIPTOR.replace('"disk.vmdk"', '"/etc/passwd"'), length: 2048 }),
    ],
    ["dynamic vhd", vhd({ length: 1024 })],
    ["iso at 32 KiB", iso({ length: 34 * 1024 + 16 })],
    ["raw zeros", new Uint8Array(1500)],
  ];

  it.each(samples)("%s: the same finding for chunks of every size from 1 byte up", (_, bytes) => {
    const whole = inspect(bytes, bytes.byteLength || 1);
    // Every size up to the sample's length for the small ones; the ISO sample in a spread of sizes.
    const sizes =
      bytes.byteLength <= 2048
        ? Array.from({ length: bytes.byteLength }, (_, i) => i + 1)
        : [1, 2, 3, 511, 512, 513, 2047, 4096, 32767, 32768, 32769];
    for (const size of sizes) expect(inspect(bytes, size), `chunks of ${size}`).toEqual(whole);
  });

  it("the same finding wherever the stream is cut (fast-check, fixed seed)", () => {
    const large: [string, Uint8Array][] = [
      ["qcow2 with a backing file, 300 KiB", qcow2({ backingFile: "base.raw", length: 300 * 1024 })],
      [
        "vmdk naming /etc/passwd, 300 KiB",
        vmdk({ descriptor: MONOLITHIC_SPARSE_DESCRIPTOR.replace('"disk.vmdk"', '"/etc/passwd"'), length: 300 * 1024 }),
      ],
      [
        "streamOptimized vmdk with its footer",
        vmdk({
          descriptor: MONOLITHIC_SPARSE_DESCRIPTOR.replace("monolithicSparse", "streamOptimized"),
          footer: "valid",
          length: 300 * 1024,
        }),
      ],
      ["vhdx, metadata at 1 MiB", vhdx()],
      ["fixed vhd", vhd({ type: "fixed", virtualSize: 600 * 1024 })],
      ["isohybrid", iso({ hybrid: true, length: 300 * 1024 })],
    ];
    for (const [name, bytes] of large) {
      const whole = inspect(bytes, bytes.byteLength);
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: bytes.byteLength - 1 }), { maxLength: 40 }), (cuts) => {
          expect(inspectCut(bytes, cuts), name).toEqual(whole);
        }),
        { seed: 17, numRuns: 60 },
      );
    }
  });

  it("answers from feed once the first 256 KiB have passed, then the same finding for every later chunk", () => {
    const bytes = qcow2({ backingFile: "base.raw", length: 1024 * 1024 });
    const inspector = new FormatInspector();
    const answers = [];
    for (let at = 0; at < bytes.byteLength; at += 64 * 1024)
      answers.push(inspector.feed(bytes.subarray(at, at + 64 * 1024)));
    expect(answers.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(answers[3]).toMatchObject({ format: "qcow2", unsafe: 'with a backing file "base.raw"' });
    expect(new Set(answers.slice(3)).size).toBe(1);
    expect(inspector.finish()).toMatchObject(answers[3] as FormatFinding);
  });

  it("settles a vhdx only when its metadata region has passed, however far into the stream", () => {
    const bytes = vhdx({ metadataAt: 4 * 1024 * 1024 });
    const inspector = new FormatInspector();
    let settledAt = -1;
    for (let at = 0; at < bytes.byteLength && settledAt < 0; at += 64 * 1024) {
      if (inspector.feed(bytes.subarray(at, at + 64 * 1024))) settledAt = at + 64 * 1024;
    }
    expect(settledAt).toBe(4 * 1024 * 1024 + 128 * 1024);
  });

  it("marks a finding that the end of the stream may still change", () => {
    const inspector = new FormatInspector();
    expect(inspector.feed(new Uint8Array(256 * 1024))).toEqual({ format: "raw", pendingTail: "vhd-footer" });
    expect(inspector.finish()).toEqual({ format: "raw" });
  });

  it("refuses to be fed after it has finished", () => {
    const inspector = new FormatInspector();
    inspector.finish();
    expect(() => inspector.feed(new Uint8Array(1))).toThrow();
  });
});

/**
 * A streamed disk-image format inspector: fed the bytes of an upload in order, in chunks of any
 * size, it tells which format they are in and whether that image points outside itself (a backing
 * file, an external data file, extents in other files) or cannot be checked. Pure and synchronous;
 * it copies only the windows it reads (the first 256 KiB, a VMDK descriptor up to 1 MiB, a VHDX
 * metadata table, the last 1.5 KiB when a footer matters) and nothing once it has settled.
 *
 * The rules follow qemu's block drivers and oslo.utils' format_inspector (the reference OpenStack
 * uses), read and rewritten here; where oslo would let an image through as `raw` because its own
 * parser gave up (a VMDK whose descriptor is not at sector 1, an unreadable VHDX region table), this
 * inspector keeps the format and calls the image unsafe instead.
 */

/** Formats told apart, named as Glance's `disk_format` values (qemu's `vpc` is `vhd`); `mbr` is a legacy partition table. */
export type ImageFormat = "raw" | "qcow2" | "vmdk" | "vhd" | "vhdx" | "vdi" | "iso" | "qed" | "luks" | "gpt" | "mbr";

export interface FormatFinding {
  format: ImageFormat;
  /** The disk's size in bytes as its header declares it, when it does. */
  virtualSize?: number;
  /** Why this image must not be used, worded to follow "detected <format> " (e.g. `with a backing file "base.raw"`). */
  unsafe?: string;
  /**
   * Set while the last bytes of the stream may still change the finding: a VMDK whose footer is
   * still to come, or bytes with no header of their own, which a fixed VHD footer at the very end
   * would make `vhd`.
   */
  pendingTail?: "vmdk-footer" | "vhd-footer";
  /** A fixed VHD, known only by its trailing footer: tools that probe the start of a disk see raw bytes. */
  footerOnly?: true;
}

/**
 * The findings `finish` may still come to from a settled one: itself (a VMDK footer can only add a
 * reason to refuse), or, for bytes with no header of their own, a fixed VHD if they end in its footer.
 */
export function possibleFinalFindings(finding: FormatFinding): FormatFinding[] {
  const { pendingTail, ...settled } = finding;
  return pendingTail === "vhd-footer" ? [settled, { format: "vhd", footerOnly: true }] : [settled];
}

const KiB = 1024;
/** Everything read from the start of the stream: ISO's volume descriptors at 32 KiB, VHDX's region table at 192 KiB. */
const HEAD_BYTES = 256 * KiB;
/** The last bytes kept: a streamOptimized VMDK's footer marker, footer and end-of-stream marker. */
const TAIL_BYTES = 1536;
const SECTOR = 512;
/** qemu's bounds: a VMDK descriptor is under 1 MiB, a qcow2 backing file name at most 1023 bytes. */
const MAX_VMDK_DESCRIPTOR = 1024 * KiB - 1;
const MAX_QCOW2_BACKING_NAME = 1023;
/** What a message quotes of a name read from an image. */
const MAX_QUOTED_NAME = 200;

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const QCOW2_MAGIC = ascii("QFI\xfb");
const QED_MAGIC = ascii("QED\0");
const VMDK_MAGIC = ascii("KDMV");
const VMDK3_MAGIC = ascii("COWD");
const VHD_COOKIE = ascii("conectix");
const VHDX_SIGNATURE = ascii("vhdxfile");
const LUKS_MAGIC = ascii("LUKS\xba\xbe");
const VDI_SIGNATURE = 0xbeda107f;
const VDI_SIGNATURE_AT = 0x40;
const ISO_DESCRIPTORS_AT = 32 * KiB;
const ISO_DESCRIPTOR = 2 * KiB;
const VHDX_REGION_TABLE_AT = 192 * KiB;
const VHDX_METADATA_TABLE_BYTES = 64 * KiB;
const VMDK_GD_AT_END = 0xffffffffffffffffn;

/** Microsoft GUIDs as they are stored (the first three fields little-endian). */
function guidBytes(guid: string): Uint8Array {
  const hex = guid.replaceAll("-", "");
  const bytes = Uint8Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  bytes.subarray(0, 4).reverse();
  bytes.subarray(4, 6).reverse();
  bytes.subarray(6, 8).reverse();
  return bytes;
}
const VHDX_METADATA_REGION = guidBytes("8B7CA206-4790-4B9A-B8FE-575F050F886E");
const VHDX_VIRTUAL_DISK_SIZE = guidBytes("2FA54224-CD1B-4876-B211-5DBED83BF4B8");
const VHDX_PARENT_LOCATOR = guidBytes("A8D35F2D-B30B-454D-ABF7-D3D84834AB0C");

function startsWith(bytes: Uint8Array, prefix: Uint8Array, at = 0): boolean {
  if (bytes.byteLength < at + prefix.byteLength) return false;
  for (let i = 0; i < prefix.byteLength; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** A name read from an image, quoted for a message: printable ASCII kept, anything else escaped, long names cut. */
export function quoteName(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes.subarray(0, MAX_QUOTED_NAME)) {
    if (byte === 0x22 || byte === 0x5c) text += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte < 0x7f) text += String.fromCharCode(byte);
    else text += `\\x${byte.toString(16).padStart(2, "0")}`;
  }
  return `"${text}${bytes.byteLength > MAX_QUOTED_NAME ? "…" : ""}"`;
}

/** Bytes at a fixed place in the stream, copied as they pass (only the part not seen yet can still be captured). */
class Region {
  readonly bytes: Uint8Array;

  filled = 0;

  /** Some of its bytes went by before the region was asked for, outside the head window. */
  missed = false;

  constructor(
    readonly offset: number,
    length: number,
  ) {
    this.bytes = new Uint8Array(length);
  }

  get complete() {
    return this.filled === this.bytes.byteLength;
  }

  capture(chunk: Uint8Array, chunkStart: number) {
    if (this.complete || this.missed) return;
    const next = this.offset + this.filled;
    const end = Math.min(this.offset + this.bytes.byteLength, chunkStart + chunk.byteLength);
    if (end <= next) return;
    if (chunkStart > next) {
      this.missed = true;
      return;
    }
    this.bytes.set(chunk.subarray(next - chunkStart, end - chunkStart), this.filled);
    this.filled = end - this.offset;
  }
}

/** The last TAIL_BYTES of the stream, kept by copying at most that much of each chunk. */
class Tail {
  private readonly bytes = new Uint8Array(TAIL_BYTES);

  private length = 0;

  push(chunk: Uint8Array) {
    if (chunk.byteLength >= TAIL_BYTES) {
      this.bytes.set(chunk.subarray(chunk.byteLength - TAIL_BYTES));
      this.length = TAIL_BYTES;
      return;
    }
    const keep = Math.min(this.length, TAIL_BYTES - chunk.byteLength);
    this.bytes.copyWithin(0, this.length - keep, this.length);
    this.bytes.set(chunk, keep);
    this.length = keep + chunk.byteLength;
  }

  get value() {
    return this.bytes.subarray(0, this.length);
  }
}

/** What one format's reading of the head says: a finding, or that it waits for more bytes. */
type Probe = FormatFinding | "pending" | undefined;

/**
 * Feed it every chunk of the stream in order; `feed` answers the finding once the bytes it needs
 * have passed (and the same finding, at no cost, for every later chunk), `finish` the final one at
 * the end of the stream.
 */
export class FormatInspector {
  private position = 0;

  private readonly head = new Uint8Array(HEAD_BYTES);

  private headFilled = 0;

  /** Windows beyond the head that a header pointed at (a VMDK descriptor, VHDX metadata), by name. */
  private readonly regions = new Map<string, Region>();

  /** Kept until the finding settles, and after that only while it still depends on the stream's end. */
  private tail: Tail | undefined = new Tail();

  private settled: FormatFinding | undefined;

  private finished: FormatFinding | undefined;

  /** Bytes seen so far. */
  get bytesSeen() {
    return this.position;
  }

  feed(chunk: Uint8Array): FormatFinding | undefined {
    if (this.finished) throw new Error("FormatInspector.feed after finish");
    const chunkStart = this.position;
    this.position += chunk.byteLength;
    this.tail?.push(chunk);
    if (this.settled) return this.settled;
    if (this.headFilled < HEAD_BYTES && chunkStart < HEAD_BYTES) {
      const taken = chunk.subarray(0, HEAD_BYTES - chunkStart);
      this.head.set(taken, chunkStart);
      this.headFilled = chunkStart + taken.byteLength;
    }
    for (const region of this.regions.values()) region.capture(chunk, chunkStart);
    if (this.headFilled === HEAD_BYTES) this.settle(this.inspect(false, chunk, chunkStart));
    return this.settled;
  }

  /** The finding for the whole stream; call once, after the last chunk. */
  finish(): FormatFinding {
    if (this.finished) return this.finished;
    let finding = this.settled ?? this.inspect(true);
    if (finding === "pending" || finding === undefined) finding = { format: "raw" };
    this.finished = this.withTail(finding);
    return this.finished;
  }

  private settle(probe: FormatFinding | "pending") {
    if (probe === "pending") return;
    this.settled = probe;
    if (!probe.pendingTail) this.tail = undefined;
    this.regions.clear();
  }

  /** The window at [offset, offset + length), from the head and the chunk in hand at once when they hold it. */
  private region(name: string, offset: number, length: number, chunk?: Uint8Array, chunkStart = 0): Region {
    let region = this.regions.get(name);
    if (region) return region;
    region = new Region(offset, length);
    this.regions.set(name, region);
    region.capture(this.head.subarray(0, this.headFilled), 0);
    if (chunk) region.capture(chunk, chunkStart);
    if (!region.complete && this.position > region.offset + region.filled) region.missed = true;
    return region;
  }

  private inspect(final: boolean, chunk?: Uint8Array, chunkStart = 0): FormatFinding | "pending" {
    const head = this.head.subarray(0, this.headFilled);
    const at = { final, chunk, chunkStart };
    const strong = [
      this.qcow2(head),
      startsWith(head, QED_MAGIC)
        ? { format: "qed" as const, unsafe: "(a format no OpenStack service accepts)" }
        : undefined,
      this.vmdk(head, at),
      this.vhd(head),
      this.vhdx(head, at),
      this.vdi(head),
      this.luks(head),
    ].filter((probe) => probe !== undefined);
    if (strong.includes("pending")) return "pending";
    const found = strong as FormatFinding[];
    const iso = this.iso(head);
    if (found.length > 1 || (found.length === 1 && iso)) {
      const names = [...found.map((finding) => finding.format), ...(iso ? ["iso"] : [])];
      return {
        format: found[0].format,
        unsafe: `that is also ${names.slice(1).join(" and ")} (one file in several formats)`,
      };
    }
    if (found.length === 1) return found[0];
    if (iso) return { ...iso, pendingTail: "vhd-footer" };
    const text = this.vmdkDescriptorFile(head);
    if (text) return text;
    return { format: this.partitionTable(head) ?? "raw", pendingTail: "vhd-footer" };
  }

  private qcow2(head: Uint8Array): Probe {
    if (!startsWith(head, QCOW2_MAGIC)) return undefined;
    const view = viewOf(head);
    if (head.byteLength < 72) return { format: "qcow2", unsafe: "with its header cut short" };
    const version = view.getUint32(4);
    const virtualSize = Number(view.getBigUint64(24));
    if (version !== 2 && version !== 3) return { format: "qcow2", virtualSize, unsafe: `of version ${version}` };
    const backingOffset = view.getBigUint64(8);
    if (backingOffset !== 0n) {
      const length = Math.min(view.getUint32(16), MAX_QCOW2_BACKING_NAME);
      const offset = Number(backingOffset);
      const name = offset + length <= head.byteLength ? ` ${quoteName(head.subarray(offset, offset + length))}` : "";
      return { format: "qcow2", virtualSize, unsafe: `with a backing file${name}` };
    }
    if (version === 2) return { format: "qcow2", virtualSize };
    if (head.byteLength < 104) return { format: "qcow2", virtualSize, unsafe: "with its header cut short" };
    const incompatible = view.getBigUint64(72);
    if (incompatible & 0x4n) {
      const name = qcow2DataFileName(head, view.getUint32(100));
      return { format: "qcow2", virtualSize, unsafe: `with an external data file${name ? ` ${name}` : ""}` };
    }
    // Bits 0-4 are dirty, corrupt, external data file, compression type and extended L2 entries.
    const unknown = incompatible & ~0x1fn;
    if (unknown) {
      return {
        format: "qcow2",
        virtualSize,
        unsafe: `with unknown incompatible features (0x${unknown.toString(16)})`,
      };
    }
    return { format: "qcow2", virtualSize };
  }

  private vmdk(head: Uint8Array, at: ReadAt): Probe {
    if (startsWith(head, VMDK3_MAGIC)) return { format: "vmdk", unsafe: "of the old COWD kind" };
    if (!startsWith(head, VMDK_MAGIC)) return undefined;
    if (head.byteLength < 64) return { format: "vmdk", unsafe: "with its header cut short" };
    const view = viewOf(head);
    const version = view.getUint32(4, true);
    const virtualSize = Number(view.getBigUint64(12, true)) * SECTOR;
    if (version < 1 || version > 3) return { format: "vmdk", virtualSize, unsafe: `of version ${version}` };
    const descriptorSector = view.getBigUint64(28, true);
    if (descriptorSector !== 1n) {
      return { format: "vmdk", virtualSize, unsafe: "without its descriptor at sector 1 (not monolithicSparse)" };
    }
    const descriptorBytes = Math.min(Number(view.getBigUint64(36, true)) * SECTOR, MAX_VMDK_DESCRIPTOR);
    const region = this.region("vmdk-descriptor", SECTOR, descriptorBytes, at.chunk, at.chunkStart);
    if (!region.complete && !region.missed && !at.final) return "pending";
    if (!region.complete) return { format: "vmdk", virtualSize, unsafe: "with its descriptor cut short" };
    const unsafe = vmdkDescriptorProblem(region.bytes, true);
    if (unsafe) return { format: "vmdk", virtualSize, unsafe };
    const footer = view.getBigUint64(56, true) === VMDK_GD_AT_END;
    return { format: "vmdk", virtualSize, ...(footer ? { pendingTail: "vmdk-footer" as const } : {}) };
  }

  /** A text-only VMDK descriptor, recognised as qemu's probe does; its extents are always other files. */
  private vmdkDescriptorFile(head: Uint8Array): FormatFinding | undefined {
    if (!isVmdkDescriptorText(head)) return undefined;
    const end = head.indexOf(0);
    return {
      format: "vmdk",
      unsafe: vmdkDescriptorProblem(end < 0 ? head : head.subarray(0, end), false) ?? "that is only a descriptor",
    };
  }

  private vhd(head: Uint8Array): Probe {
    if (!startsWith(head, VHD_COOKIE)) return undefined;
    if (head.byteLength < 64) return { format: "vhd", unsafe: "with its footer cut short" };
    const view = viewOf(head);
    const virtualSize = Number(view.getBigUint64(48));
    if (view.getUint32(60) === 4)
      return { format: "vhd", virtualSize, unsafe: "that is a differencing disk (it has a parent)" };
    return { format: "vhd", virtualSize };
  }

  private vhdx(head: Uint8Array, at: ReadAt): Probe {
    if (!startsWith(head, VHDX_SIGNATURE)) return undefined;
    if (head.byteLength < VHDX_REGION_TABLE_AT + 16) {
      return at.final ? { format: "vhdx", unsafe: "with no region table (cut short)" } : "pending";
    }
    const table = head.subarray(VHDX_REGION_TABLE_AT);
    const view = viewOf(table);
    const entries = view.getUint32(8, true);
    if (!startsWith(table, ascii("regi")) || entries > 2047) {
      return { format: "vhdx", unsafe: "with no readable region table at 192 KiB" };
    }
    let metadataOffset: number | undefined;
    for (let i = 0; i < entries && 16 + (i + 1) * 32 <= table.byteLength; i++) {
      const entry = table.subarray(16 + i * 32, 48 + i * 32);
      if (startsWith(entry, VHDX_METADATA_REGION)) metadataOffset = Number(viewOf(entry).getBigUint64(16, true));
    }
    if (metadataOffset === undefined) return { format: "vhdx", unsafe: "with no metadata region" };
    const metadata = this.region("vhdx-metadata", metadataOffset, VHDX_METADATA_TABLE_BYTES, at.chunk, at.chunkStart);
    // The table's entries are read as soon as they have passed; the whole 64 KiB is rarely used.
    if (metadata.filled < 32 && !metadata.missed && !at.final) return "pending";
    if (metadata.filled < 32) return { format: "vhdx" };
    const tableView = viewOf(metadata.bytes);
    const count = Math.min(tableView.getUint16(10, true), 2047);
    if (!startsWith(metadata.bytes, ascii("metadata")))
      return { format: "vhdx", unsafe: "with an unreadable metadata table" };
    if (metadata.filled < 32 + count * 32 && !metadata.missed && !at.final) return "pending";
    let sizeItem: number | undefined;
    for (let i = 0; i < count && 32 + (i + 1) * 32 <= metadata.filled; i++) {
      const entry = metadata.bytes.subarray(32 + i * 32, 64 + i * 32);
      if (startsWith(entry, VHDX_PARENT_LOCATOR))
        return { format: "vhdx", unsafe: "that is a differencing disk (it names a parent)" };
      if (startsWith(entry, VHDX_VIRTUAL_DISK_SIZE)) sizeItem = viewOf(entry).getUint32(16, true);
    }
    if (sizeItem === undefined) return { format: "vhdx" };
    const size = this.region("vhdx-size", metadataOffset + sizeItem, 8, at.chunk, at.chunkStart);
    if (!size.complete && !size.missed && !at.final) return "pending";
    if (!size.complete) return { format: "vhdx" };
    return { format: "vhdx", virtualSize: Number(viewOf(size.bytes).getBigUint64(0, true)) };
  }

  private vdi(head: Uint8Array): Probe {
    if (head.byteLength < VDI_SIGNATURE_AT + 4) return undefined;
    const view = viewOf(head);
    if (view.getUint32(VDI_SIGNATURE_AT, true) !== VDI_SIGNATURE) return undefined;
    if (head.byteLength < 0x178) return { format: "vdi", unsafe: "with its header cut short" };
    return { format: "vdi", virtualSize: Number(view.getBigUint64(0x170, true)) };
  }

  private luks(head: Uint8Array): Probe {
    if (!startsWith(head, LUKS_MAGIC)) return undefined;
    if (head.byteLength < 8) return { format: "luks", unsafe: "with its header cut short" };
    const version = viewOf(head).getUint16(6);
    return version === 1 ? { format: "luks" } : { format: "luks", unsafe: `of version ${version}` };
  }

  /** ISO 9660 (`CD001`) or UDF (`BEA01` then `NSR02`/`NSR03`) volume descriptors from 32 KiB on. */
  private iso(head: Uint8Array): FormatFinding | undefined {
    const descriptor = (n: number) => head.subarray(ISO_DESCRIPTORS_AT + n * ISO_DESCRIPTOR);
    const id = (n: number) => String.fromCharCode(...descriptor(n).subarray(1, 6));
    const first = id(0);
    const udf = (n: number) => ["NSR02", "NSR03"].includes(id(n));
    if (first !== "CD001" && !udf(0) && !(first === "BEA01" && (udf(1) || udf(2)))) return undefined;
    const pvd = descriptor(0);
    if (first !== "CD001" || pvd[0] !== 1 || pvd.byteLength < 132) return { format: "iso" };
    const view = viewOf(pvd);
    return { format: "iso", virtualSize: view.getUint32(80, true) * view.getUint16(128, true) };
  }

  /** An MBR (0x55AA at 510, not a FAT boot sector); `gpt` when it is GPT's protective MBR. */
  private partitionTable(head: Uint8Array): "gpt" | "mbr" | undefined {
    if (head.byteLength < SECTOR || head[510] !== 0x55 || head[511] !== 0xaa) return undefined;
    const fatBootSector = head[0x10] === 2 && head[0x15] === 0xf8;
    if (fatBootSector) return undefined;
    for (let entry = 446; entry < 510; entry += 16) if (head[entry + 4] === 0xee) return "gpt";
    return "mbr";
  }

  private withTail(finding: FormatFinding): FormatFinding {
    const { pendingTail, ...final } = finding;
    if (!pendingTail) return final;
    const tail = this.tail?.value ?? new Uint8Array(0);
    if (pendingTail === "vmdk-footer") {
      const unsafe = vmdkFooterProblem(this.head, tail);
      return unsafe ? { ...final, unsafe } : final;
    }
    const fixedVhd = fixedVhdFooter(tail, this.position);
    return fixedVhd ?? final;
  }
}

interface ReadAt {
  final: boolean;
  chunk?: Uint8Array;
  chunkStart: number;
}

/** The name in a qcow2 header extension of type "DATA", quoted; extensions start at the header's length. */
function qcow2DataFileName(head: Uint8Array, headerLength: number): string | undefined {
  const view = viewOf(head);
  let at = headerLength;
  for (let n = 0; n < 64 && at + 8 <= head.byteLength; n++) {
    const type = view.getUint32(at);
    const length = view.getUint32(at + 4);
    if (type === 0) return undefined;
    if (type === 0x44415441) {
      return at + 8 + length <= head.byteLength ? quoteName(head.subarray(at + 8, at + 8 + length)) : undefined;
    }
    at += 8 + Math.ceil(length / 8) * 8;
  }
  return undefined;
}

/** qemu's vmdk_probe for text: comment and blank lines, then `version=1|2|3` on a line of its own. */
function isVmdkDescriptorText(head: Uint8Array): boolean {
  let at = 0;
  while (at < head.byteLength) {
    if (head[at] === 0x23) {
      const newline = head.indexOf(0x0a, at);
      if (newline < 0) return false;
      at = newline + 1;
      continue;
    }
    if (head[at] === 0x20) {
      while (at < head.byteLength && head[at] === 0x20) at++;
      if (head[at] === 0x0d) at++;
      if (head[at] !== 0x0a) return false;
      at++;
      continue;
    }
    const line = String.fromCharCode(...head.subarray(at, at + 11));
    return /^version=[123]\r?\n/.test(line);
  }
  return false;
}

const VMDK_EXTENT_LINE = /^(?:rw|rdonly|noaccess)\s+\d+\s+(\w+)(?:\s+"([^"]*)")?(?:\s+\d+)?$/;

/**
 * Why a VMDK descriptor is unsafe, or undefined: it must be plain ASCII made only of comments,
 * `key=value` fields and extent lines; of type monolithicSparse or streamOptimized; name no parent;
 * and have one SPARSE extent whose file name has no path (the file itself).
 */
function vmdkDescriptorProblem(bytes: Uint8Array, embedded: boolean): string | undefined {
  const end = bytes.indexOf(0);
  const body = end < 0 ? bytes : bytes.subarray(0, end);
  if (body.some((byte) => byte > 0x7e || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d))) {
    return "with a descriptor that is not plain text";
  }
  const lines = String.fromCharCode(...body)
    .split("\n")
    .map((line) => line.trim());
  const extents: { type: string; file?: string }[] = [];
  let createType: string | undefined;
  for (const line of lines) {
    if (line === "" || line.startsWith("#") || line.toLowerCase().startsWith("ddb")) continue;
    const field = /^([^\s=]+)\s*=\s*(.*)$/.exec(line);
    if (field) {
      const key = field[1].toLowerCase();
      const value = field[2].replace(/^"(.*)"$/, "$1");
      if (key === "createtype") createType = value;
      if (key === "parentfilenamehint") return `with a parent (backing) file ${quoteName(ascii(value))}`;
      continue;
    }
    const extent = VMDK_EXTENT_LINE.exec(line.toLowerCase());
    if (!extent) return `with a descriptor line it does not accept: ${quoteName(ascii(line))}`;
    const file = /"([^"]*)"/.exec(line)?.[1];
    extents.push({ type: extent[1], file });
  }
  const outside = extents.find((extent) => extent.file !== undefined && /[/\\]/.test(extent.file));
  if (outside) return `whose descriptor names the extent ${quoteName(ascii(outside.file ?? ""))}`;
  if (!embedded) {
    const named = extents.find((extent) => extent.file !== undefined);
    return named
      ? `whose descriptor names the extent ${quoteName(ascii(named.file ?? ""))}`
      : "that is only a descriptor";
  }
  const kind = createType?.toLowerCase();
  if (kind !== "monolithicsparse" && kind !== "streamoptimized") {
    return `of type ${createType === undefined ? "(none)" : quoteName(ascii(createType))} (only monolithicSparse and streamOptimized are accepted)`;
  }
  if (extents.length !== 1)
    return `whose descriptor names ${extents.length} extents (one, the file itself, is accepted)`;
  if (extents[0].type !== "sparse") return `whose extent is of type ${extents[0].type.toUpperCase()}`;
  return undefined;
}

/**
 * A streamOptimized VMDK whose header defers to a footer: the last 1536 bytes must be a footer
 * marker, a footer repeating the header's descriptor (and not deferring again), and the
 * end-of-stream marker, as qemu reads them.
 */
function vmdkFooterProblem(head: Uint8Array, tail: Uint8Array): string | undefined {
  if (tail.byteLength < TAIL_BYTES) return "whose footer is missing";
  const marker = (bytes: Uint8Array, type: number) => {
    const view = viewOf(bytes);
    return (
      view.getUint32(8, true) === 0 &&
      view.getUint32(12, true) === type &&
      bytes.subarray(16, SECTOR).every((b) => b === 0)
    );
  };
  const footer = tail.subarray(SECTOR, 2 * SECTOR);
  const endOfStream = tail.subarray(2 * SECTOR);
  if (
    !marker(tail.subarray(0, SECTOR), 3) ||
    !marker(endOfStream, 0) ||
    viewOf(endOfStream).getBigUint64(0, true) !== 0n
  ) {
    return "whose footer markers are invalid";
  }
  const header = viewOf(head);
  const copy = viewOf(footer);
  if (!startsWith(footer, VMDK_MAGIC) || copy.getUint32(4, true) !== header.getUint32(4, true)) {
    return "whose footer does not match its header";
  }
  if (
    copy.getBigUint64(28, true) !== header.getBigUint64(28, true) ||
    copy.getBigUint64(36, true) !== header.getBigUint64(36, true)
  ) {
    return "whose footer names another descriptor";
  }
  if (copy.getBigUint64(56, true) === VMDK_GD_AT_END) return "whose footer defers to another footer";
  return undefined;
}

/** A fixed VHD: its only footer is the last 512 bytes, for a disk of exactly the bytes before it. */
function fixedVhdFooter(tail: Uint8Array, total: number): FormatFinding | undefined {
  if (tail.byteLength < SECTOR) return undefined;
  const footer = tail.subarray(tail.byteLength - SECTOR);
  if (!startsWith(footer, VHD_COOKIE)) return undefined;
  const view = viewOf(footer);
  const currentSize = Number(view.getBigUint64(48));
  if (view.getUint32(60) !== 2 || currentSize !== total - SECTOR) return undefined;
  return { format: "vhd", virtualSize: currentSize, footerOnly: true };
}

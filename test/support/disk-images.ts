/**
 * Disk images built by hand, byte by byte from the formats' specifications (qcow2.txt, VMware's
 * VMDK spec, Microsoft's VHD/VHDX specs, ECMA-119, the UEFI GPT chapter): only the header fields the
 * inspector reads are filled, the rest is zeros. Sizes are small unless `length` pads them.
 */

const text = (value: string) => Uint8Array.from(value, (char) => char.charCodeAt(0));

function image(length: number) {
  const bytes = new Uint8Array(length);
  return { bytes, view: new DataView(bytes.buffer) };
}

export interface Qcow2Options {
  version?: 2 | 3;
  virtualSize?: number;
  backingFile?: string;
  /** Sets the external data file bit, and names the file in a DATA header extension when given a name. */
  dataFile?: string | true;
  incompatibleFeatures?: bigint;
  length?: number;
}

export function qcow2({
  version = 3,
  virtualSize = 1 << 30,
  backingFile,
  dataFile,
  incompatibleFeatures = 0n,
  length = 4096,
}: Qcow2Options = {}): Uint8Array {
  const { bytes, view } = image(length);
  bytes.set(text("QFI\xfb"), 0);
  view.setUint32(4, version);
  view.setUint32(20, 16); // cluster_bits
  view.setBigUint64(24, BigInt(virtualSize));
  const headerLength = version === 3 ? 112 : 72;
  if (version === 3) view.setUint32(100, headerLength);
  let features = incompatibleFeatures;
  let extensions = headerLength;
  if (dataFile !== undefined) {
    features |= 0x4n;
    if (dataFile !== true) {
      view.setUint32(extensions, 0x44415441);
      view.setUint32(extensions + 4, dataFile.length);
      bytes.set(text(dataFile), extensions + 8);
      extensions += 8 + Math.ceil(dataFile.length / 8) * 8;
    }
  }
  if (version === 3) view.setBigUint64(72, features);
  extensions += 8; // the end-of-extensions marker (type 0)
  if (backingFile !== undefined) {
    view.setBigUint64(8, BigInt(extensions));
    view.setUint32(16, backingFile.length);
    bytes.set(text(backingFile), extensions);
  }
  return bytes;
}

export const MONOLITHIC_SPARSE_DESCRIPTOR = [
  "# Disk DescriptorFile",
  "version=1",
  "CID=7e5f7a2c",
  "parentCID=ffffffff",
  'createType="monolithicSparse"',
  "",
  "# Extent description",
  'RW 2097152 SPARSE "disk.vmdk"',
  "",
  "# The Disk Data Base",
  "#DDB",
  "",
  'ddb.virtualHWVersion = "4"',
  'ddb.adapterType = "ide"',
  "",
].join("\n");

export interface VmdkOptions {
  descriptor?: string;
  capacitySectors?: number;
  descriptorSector?: number;
  descriptorSectors?: number;
  /** Marks the grain directory as "at the end": the header defers to a footer in the last 1536 bytes. */
  footer?: "valid" | "other-descriptor" | "missing";
  length?: number;
}

function vmdkHeader(
  bytes: Uint8Array,
  at: number,
  capacity: number,
  descriptorSector: number,
  sectors: number,
  gd: bigint,
) {
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 512);
  bytes.set(text("KDMV"), at);
  view.setUint32(4, 3, true);
  view.setBigUint64(12, BigInt(capacity), true);
  view.setBigUint64(20, 128n, true);
  view.setBigUint64(28, BigInt(descriptorSector), true);
  view.setBigUint64(36, BigInt(sectors), true);
  view.setBigUint64(56, gd, true);
}

export function vmdk({
  descriptor = MONOLITHIC_SPARSE_DESCRIPTOR,
  capacitySectors = 2097152,
  descriptorSector = 1,
  descriptorSectors = 20,
  footer,
  length = 64 * 1024,
}: VmdkOptions = {}): Uint8Array {
  const { bytes, view } = image(length);
  const gdAtEnd = 0xffffffffffffffffn;
  vmdkHeader(bytes, 0, capacitySectors, descriptorSector, descriptorSectors, footer ? gdAtEnd : 21n);
  bytes.set(text(descriptor), 512);
  if (footer && footer !== "missing") {
    const tail = length - 1536;
    view.setUint32(tail + 12, 3, true); // footer marker
    vmdkHeader(bytes, tail + 512, capacitySectors, footer === "valid" ? descriptorSector : 7, descriptorSectors, 21n);
    // the end-of-stream marker is all zeros
  }
  return bytes;
}

/** A VHD footer: at the start of a dynamic or differencing disk, or (fixed) as the last 512 bytes of the file. */
export function vhd({
  type = "dynamic",
  virtualSize = 1 << 30,
  length = 4096,
}: { type?: "fixed" | "dynamic" | "differencing"; virtualSize?: number; length?: number } = {}): Uint8Array {
  const total = type === "fixed" ? virtualSize + 512 : length;
  const { bytes, view } = image(total);
  const at = type === "fixed" ? total - 512 : 0;
  bytes.set(text("conectix"), at);
  view.setBigUint64(at + 40, BigInt(virtualSize));
  view.setBigUint64(at + 48, BigInt(virtualSize));
  view.setUint32(at + 60, { fixed: 2, dynamic: 3, differencing: 4 }[type]);
  return bytes;
}

function guid(value: string) {
  const hex = value.replaceAll("-", "");
  const bytes = Uint8Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  bytes.subarray(0, 4).reverse();
  bytes.subarray(4, 6).reverse();
  bytes.subarray(6, 8).reverse();
  return bytes;
}

/** A VHDX: identifier, region table at 192 KiB, metadata region (at 1 MiB unless told) with its virtual-size item. */
export function vhdx({
  virtualSize = 1 << 30,
  metadataAt = 1024 * 1024,
  parent = false,
  regionTable = true,
  length = metadataAt + 128 * 1024,
}: { virtualSize?: number; metadataAt?: number; parent?: boolean; regionTable?: boolean; length?: number } = {}) {
  const { bytes, view } = image(length);
  bytes.set(text("vhdxfile"), 0);
  const table = 192 * 1024;
  if (regionTable) {
    bytes.set(text("regi"), table);
    view.setUint32(table + 8, 2, true);
    bytes.set(guid("2DC27766-F623-4200-9D64-115E9BFD4A08"), table + 16); // BAT
    view.setBigUint64(table + 32, 2n * 1024n * 1024n, true);
    bytes.set(guid("8B7CA206-4790-4B9A-B8FE-575F050F886E"), table + 48); // metadata
    view.setBigUint64(table + 64, BigInt(metadataAt), true);
    view.setUint32(table + 72, 1024 * 1024, true);
  }
  bytes.set(text("metadata"), metadataAt);
  const items = [
    guid("2FA54224-CD1B-4876-B211-5DBED83BF4B8"),
    ...(parent ? [guid("A8D35F2D-B30B-454D-ABF7-D3D84834AB0C")] : []),
  ];
  view.setUint16(metadataAt + 10, items.length, true);
  items.forEach((id, i) => {
    bytes.set(id, metadataAt + 32 + i * 32);
    view.setUint32(metadataAt + 48 + i * 32, 64 * 1024 + i * 8, true);
    view.setUint32(metadataAt + 52 + i * 32, 8, true);
  });
  if (metadataAt + 64 * 1024 + 8 <= length) view.setBigUint64(metadataAt + 64 * 1024, BigInt(virtualSize), true);
  return bytes;
}

export function vdi({ virtualSize = 1 << 30, length = 4096 } = {}): Uint8Array {
  const { bytes, view } = image(length);
  bytes.set(text("<<< Oracle VM VirtualBox Disk Image >>>\n"), 0);
  view.setUint32(0x40, 0xbeda107f, true);
  view.setBigUint64(0x170, BigInt(virtualSize), true);
  return bytes;
}

export function qed({ length = 4096 } = {}): Uint8Array {
  const { bytes } = image(length);
  bytes.set(text("QED\0"), 0);
  return bytes;
}

export function luks({ version = 1, length = 4096 } = {}): Uint8Array {
  const { bytes, view } = image(length);
  bytes.set(text("LUKS\xba\xbe"), 0);
  view.setUint16(6, version);
  return bytes;
}

/** An ISO 9660 image: a primary volume descriptor at 32 KiB (blocks of 2048 bytes), optionally with an MBR in front (isohybrid). */
export function iso({ blocks = 100, hybrid = false, length = 64 * 1024 } = {}): Uint8Array {
  const { bytes, view } = image(length);
  bytes[32768] = 1;
  bytes.set(text("CD001"), 32769);
  view.setUint32(32768 + 80, blocks, true);
  view.setUint16(32768 + 128, 2048, true);
  if (hybrid) bytes.set(mbr({ gpt: true, length: 512 }));
  return bytes;
}

/** A disk whose first sector is an MBR: a GPT protective one, or a legacy table with one Linux partition. */
export function mbr({ gpt = false, length = 64 * 1024 } = {}): Uint8Array {
  const { bytes, view } = image(length);
  bytes[446 + 4] = gpt ? 0xee : 0x83;
  view.setUint32(446 + 8, 1, true);
  view.setUint32(446 + 12, 2048, true);
  bytes[510] = 0x55;
  bytes[511] = 0xaa;
  return bytes;
}

/** A text-only VMDK descriptor (what qemu opens as vmdk when it probes): its extents are other files. */
export function vmdkDescriptorFile(extent = 'RW 2048 FLAT "/etc/passwd" 0'): Uint8Array {
  return text(
    `# Disk DescriptorFile\nversion=1\nCID=12345678\nparentCID=ffffffff\ncreateType="monolithicFlat"\n\n${extent}\n`,
  );
}

/** `bytes` followed by zeros up to `length`. */
export function padded(bytes: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  out.set(bytes.subarray(0, length));
  return out;
}

import type { FormatFinding, ImageFormat } from "../streams/format-inspector";
import type { FormatCheck, FormatVerdict } from "../streams/upload-checks";

/** What an image's record says its data is. */
export interface DeclaredFormat {
  disk_format?: string | null;
  container_format?: string | null;
}

export type FormatRefusal = FormatVerdict & { code: "unsafe-image" | "image-format-mismatch" };

/** Disk formats whose data is not a disk image header of its own (Amazon kernel, ramdisk, machine images). */
const UNCHECKED_DISK_FORMATS = new Set(["ami", "ari", "aki"]);

/** Detected formats that are "no format of their own": a disk's bytes as they are, perhaps with a partition table. */
const RAW_LIKE = new Set<ImageFormat>(["raw", "gpt", "mbr"]);

const INSPECTED_FORMATS = new Set<string>(["raw", "qcow2", "vmdk", "vhd", "vhdx", "vdi", "iso", "qed", "luks", "gpt"]);

/**
 * Whether data of `finding`'s format may be stored under `diskFormat`, by Glance's
 * `require_image_format_match` rules: `raw` takes anything that is not another known format (a
 * partition table is a raw disk's, and a fixed VHD's trailing footer is invisible to tools that
 * probe the start); `gpt` takes a partition table; `iso` an ISO (an isohybrid's MBR included);
 * `ami`/`ari`/`aki` anything; every other inspected format only itself; a disk format this
 * inspector does not know (`ploop`, an operator's own) anything but a known other format.
 */
export function formatMatches(finding: FormatFinding, diskFormat: string): boolean {
  if (UNCHECKED_DISK_FORMATS.has(diskFormat)) return true;
  const rawLike = RAW_LIKE.has(finding.format);
  switch (diskFormat) {
    case "raw":
      return rawLike || finding.footerOnly === true;
    case "gpt":
      return finding.format === "gpt" || finding.format === "mbr";
    default:
      return INSPECTED_FORMATS.has(diskFormat) ? finding.format === diskFormat : rawLike;
  }
}

function describe(finding: FormatFinding): string {
  if (finding.format === "raw") return "detected raw data (no disk image header)";
  return `detected ${finding.format}`;
}

/**
 * Why data of `finding`'s format must not be stored for an image declared as `declared`, or
 * undefined: an unsafe header always; a virtual size over `maxVirtualSize` (when it is not 0); a
 * format that does not match `disk_format`, checked for `bare` containers only (an OVA or a
 * compressed container holds something else than the disk itself).
 */
export function formatRefusal(
  finding: FormatFinding,
  declared: DeclaredFormat,
  maxVirtualSize: number,
): FormatRefusal | undefined {
  if (finding.unsafe) return { code: "unsafe-image", finding: `${describe(finding)} ${finding.unsafe}` };
  if (maxVirtualSize > 0 && finding.virtualSize !== undefined && finding.virtualSize > maxVirtualSize) {
    return {
      code: "unsafe-image",
      finding: `${describe(finding)} with a virtual size of ${finding.virtualSize} bytes, over MAX_VIRTUAL_SIZE_BYTES (${maxVirtualSize})`,
    };
  }
  const diskFormat = declared.disk_format;
  const bare = declared.container_format === "bare" || !declared.container_format;
  if (diskFormat && bare && !formatMatches(finding, diskFormat)) {
    return {
      code: "image-format-mismatch",
      finding: `${describe(finding)}, but the image's disk_format is ${diskFormat}`,
    };
  }
  return undefined;
}

export interface FormatInspectionSettings {
  FORMAT_INSPECTION: "enforce" | "report" | "off";
  MAX_VIRTUAL_SIZE_BYTES: number;
}

/** The format check of an upload to an image declared as `declared`; undefined when FORMAT_INSPECTION is off. */
export function formatCheckFor(declared: DeclaredFormat, settings: FormatInspectionSettings): FormatCheck | undefined {
  if (settings.FORMAT_INSPECTION === "off") return undefined;
  return {
    mode: settings.FORMAT_INSPECTION,
    judge: (finding) => formatRefusal(finding, declared, settings.MAX_VIRTUAL_SIZE_BYTES),
  };
}

/** The largest integer an RFC 8941 structured field can carry. */
const SF_MAX_INTEGER = 999_999_999_999_999;

const sfString = (text: string) => `"${text.replace(/[^\x20-\x7e]/g, "?").replace(/["\\]/g, "\\$&")}"`;

/**
 * The `X-Image-Format` answer field (an RFC 8941 item): the detected format, its declared virtual
 * size, and in report mode what enforce would have refused, e.g.
 * `qcow2;virtual-size=1073741824;would-refuse="detected qcow2, but the image's disk_format is raw"`.
 */
export function imageFormatField(finding: FormatFinding, wouldRefuse?: FormatVerdict): string {
  let field = finding.format;
  if (finding.virtualSize !== undefined && finding.virtualSize <= SF_MAX_INTEGER)
    field += `;virtual-size=${finding.virtualSize}`;
  if (wouldRefuse) field += `;would-refuse=${sfString(wouldRefuse.finding)}`;
  return field;
}

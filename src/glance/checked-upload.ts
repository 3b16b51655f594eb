import type { Config } from "../config";
import { digestMember, type ExpectedDigest, WANT_REPR_DIGEST } from "../lib/digest-fields";
import { ProblemError } from "../lib/problem";
import { UploadChecks } from "../streams/upload-checks";
import { formatCheckFor, imageFormatField } from "./image-format-rules";
import type { GlanceImage } from "./schemas";

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * The checks an upload to `image` passes: its client's digests, and unless FORMAT_INSPECTION is
 * off (no image given) its format against the image's disk_format and container_format.
 */
export function uploadChecksFor(
  image: GlanceImage | undefined,
  expected: ExpectedDigest[],
  config: Pick<Config, "FORMAT_INSPECTION" | "MAX_VIRTUAL_SIZE_BYTES">,
): UploadChecks {
  const declared = image && { disk_format: text(image.disk_format), container_format: text(image.container_format) };
  return new UploadChecks({ expected, format: declared && formatCheckFor(declared, config) });
}

/**
 * The answer headers that describe data that passed its checks: `Repr-Digest` with every digest
 * computed (sha-512 always, sha-256 when the client sent one), `Want-Repr-Digest` (what this API
 * checks an upload against), and `X-Image-Format` when the format was inspected.
 */
export function checkedUploadHeaders(checks: UploadChecks): Record<string, string> {
  const { digests, finding, wouldRefuse } = checks.outcome;
  const members = (["sha-512", "sha-256"] as const).flatMap((algorithm) => {
    const value = digests.get(algorithm);
    return value ? [digestMember(algorithm, value)] : [];
  });
  return {
    "repr-digest": members.join(", "),
    "want-repr-digest": WANT_REPR_DIGEST,
    ...(finding ? { "x-image-format": imageFormatField(finding, wouldRefuse) } : {}),
  };
}

const FORMAT_REFUSALS = new Set(["unsafe-image", "image-format-mismatch"]);

/** The access log's view of an upload's inspection: the format found, and why it was (or would have been) refused. */
export function inspectionLogOf(
  checks: UploadChecks,
  error?: unknown,
): { format: string; refusal?: string } | undefined {
  const finding = checks.finding;
  if (!finding) return undefined;
  if (error instanceof ProblemError && FORMAT_REFUSALS.has(error.init.code)) {
    return { format: finding.format, refusal: error.init.detail };
  }
  const wouldRefuse = error === undefined ? checks.outcome.wouldRefuse : undefined;
  return { format: finding.format, ...(wouldRefuse ? { refusal: wouldRefuse.finding } : {}) };
}

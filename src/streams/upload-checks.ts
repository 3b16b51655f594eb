import {
  type DigestAlgorithm,
  type ExpectedDigest,
  formatDigest,
  WANT_REPR_DIGEST,
  WEBCRYPTO_DIGEST,
} from "../lib/digest-fields";
import type { ChunkTap } from "./large-chunks";
import { type ProblemCode, ProblemError } from "../lib/problem";
import { type FormatFinding, FormatInspector, possibleFinalFindings } from "./format-inspector";

/** Why data of a finding's format must not be stored, as the caller's rules say (see glance/image-format-rules.ts). */
export interface FormatVerdict {
  code: ProblemCode;
  /** What was found: `detected qcow2 with a backing file "base.raw"`. */
  finding: string;
}

export interface FormatCheck {
  judge(finding: FormatFinding): FormatVerdict | undefined;
  /** `enforce`: a refusal aborts the upload; `report`: it is only recorded, for the answer and the log. */
  mode: "enforce" | "report";
}

export interface UploadChecksOptions {
  /** The digests the client sent (lib/digest-fields.ts expectedDigests). */
  expected?: ExpectedDigest[];
  /** Inspect the data's format; absent when FORMAT_INSPECTION is off. */
  format?: FormatCheck;
}

export interface UploadCheckOutcome {
  /** Every digest computed over the data: sha-512 always, the others the client sent. */
  digests: Map<DigestAlgorithm, Uint8Array>;
  finding?: FormatFinding;
  /** In report mode, the refusal enforce mode would have answered. */
  wouldRefuse?: FormatVerdict;
}

const toHex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

const equalBytes = (a: Uint8Array, b: Uint8Array) =>
  a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);

/**
 * The checks an upload passes on its way to Glance, as the pump's chunk observer: the SHA-512 of
 * the data (and the other digests the client sent) and, unless off, the format inspector. Each
 * chunk is hashed and shown to the inspector; once the inspector's finding is settled and would be
 * refused whatever the rest of the stream holds, the upload is aborted there. `end` runs before the
 * last chunk leaves (large-chunks.ts), so a digest that does not match, or a finding the end of the
 * stream settles, aborts the upload before Glance has every byte: it keeps nothing.
 */
export class UploadChecks implements ChunkTap {
  private readonly hashes: {
    algorithm: DigestAlgorithm;
    writer: WritableStreamDefaultWriter;
    digest: Promise<ArrayBuffer>;
  }[];

  private readonly inspector: FormatInspector | undefined;

  /** The inspector's settled finding has been judged: later chunks cost it nothing. */
  private judged = false;

  private latestFinding: FormatFinding | undefined;

  private result: UploadCheckOutcome | undefined;

  constructor(private readonly options: UploadChecksOptions = {}) {
    const algorithms = new Set<DigestAlgorithm>(["sha-512", ...(options.expected ?? []).map((d) => d.algorithm)]);
    this.hashes = [...algorithms].map((algorithm) => {
      const stream = new crypto.DigestStream(WEBCRYPTO_DIGEST[algorithm]);
      return { algorithm, writer: stream.getWriter(), digest: stream.digest };
    });
    this.inspector = options.format ? new FormatInspector() : undefined;
  }

  async chunk(chunk: Uint8Array): Promise<void> {
    const finding = this.inspector?.feed(chunk);
    if (finding && !this.judged) {
      this.judged = true;
      this.latestFinding = finding;
      this.refuseEarly(finding);
    }
    if (this.hashes.length === 1) await this.hashes[0].writer.write(chunk);
    else await Promise.all(this.hashes.map((hash) => hash.writer.write(chunk)));
  }

  async end(): Promise<void> {
    const digests = new Map<DigestAlgorithm, Uint8Array>();
    for (const hash of this.hashes) {
      await hash.writer.close();
      digests.set(hash.algorithm, new Uint8Array(await hash.digest));
    }
    for (const expected of this.options.expected ?? []) {
      const actual = digests.get(expected.algorithm);
      if (actual && !equalBytes(actual, expected.value)) {
        throw new ProblemError({
          code: "digest-mismatch",
          status: 400,
          detail:
            `${expected.header} says ${formatDigest(expected.header, expected.algorithm, expected.value)} but the data ` +
            `received has ${formatDigest(expected.header, expected.algorithm, actual)}; refused`,
          headers: { "want-repr-digest": WANT_REPR_DIGEST },
        });
      }
    }
    const finding = this.inspector?.finish();
    this.latestFinding = finding;
    const verdict = finding && this.options.format?.judge(finding);
    if (verdict && this.options.format?.mode === "enforce") throw refusal(verdict);
    this.result = { digests, finding, ...(verdict ? { wouldRefuse: verdict } : {}) };
  }

  /** What the checks found; only once the data has ended and passed them. */
  get outcome(): UploadCheckOutcome {
    if (!this.result) throw new Error("UploadChecks.outcome before the upload ended");
    return this.result;
  }

  /** The inspector's finding so far (settled, or final once the data ended), refused or not: for the log. */
  get finding(): FormatFinding | undefined {
    return this.latestFinding;
  }

  /** The hex SHA-512 of the data, as Glance's `os_hash_value` writes it. */
  get sha512(): string {
    return toHex(this.outcome.digests.get("sha-512") as Uint8Array);
  }

  private refuseEarly(finding: FormatFinding) {
    const format = this.options.format;
    if (format?.mode !== "enforce") return;
    const verdicts = possibleFinalFindings(finding).map((possible) => format.judge(possible));
    if (verdicts.every((verdict) => verdict !== undefined)) throw refusal(verdicts[0] as FormatVerdict);
  }
}

const refusal = (verdict: FormatVerdict) =>
  new ProblemError({ code: verdict.code, status: 400, detail: `${verdict.finding}; refused` });

/**
 * The same checks for a stream piped to Glance elsewhere (the resumable uploads' hand-off, say):
 * each chunk is passed on one chunk late, so the last one leaves only once `end` has passed, and a
 * refusal errors the stream before its consumer has every byte. The source must hand over fresh
 * chunks (not a reused BYOB buffer), since one is held back.
 */
export function checkedStream(checks: UploadChecks): TransformStream<Uint8Array, Uint8Array> {
  let held: Uint8Array | undefined;
  return new TransformStream<Uint8Array, Uint8Array>({
    async transform(chunk, controller) {
      if (chunk.byteLength === 0) return;
      await checks.chunk(chunk);
      if (held) controller.enqueue(held);
      held = chunk;
    },
    async flush(controller) {
      await checks.end();
      if (held) controller.enqueue(held);
    },
  });
}

import { DurableObject } from "cloudflare:workers";
import { log } from "../lib/logger";
import { type HandoffProblem, handoffProblemOf, type HandoffRequest, runHandoff } from "./handoff";
import type { UploadBytes } from "./serve-bytes";
import type { ServedOutcome, WebDownloadServing, WebDownloadUpload } from "./web-download-handoff";
import { deleteStored, type StoredSegment } from "./stored-bytes";
import type { HandoffState } from "./tus-headers";

export type UploadState = "active" | "expired" | "terminated";

/** An upload as its Durable Object holds it. */
export interface UploadRecord {
  uploadId: string;
  imageId: string;
  /** The region whose Glance takes the bytes ("" with GLANCE_URL and no DEFAULT_REGION). */
  region: string;
  /** A hash naming who may use the upload (upload-owner.ts). */
  owner: string;
  length: number;
  offset: number;
  /** Upload-Metadata as the creation sent it. */
  metadata: string;
  createdAt: number;
  /** Milliseconds since the epoch; moved on by every accepted PATCH. */
  expiresAt: number;
  state: UploadState;
  handoff: HandoffState;
  handoffProblem?: HandoffProblem;
  /** The SHA-512 (hex) of the bytes, once the hand-off computed it. */
  sha512?: string;
}

export interface UploadInit {
  uploadId: string;
  imageId: string;
  region: string;
  owner: string;
  length: number;
  metadata: string;
  expirySeconds: number;
}

export type LeaseAnswer =
  | { granted: true; leaseId: string }
  | { granted: false; reason: "offset"; offset: number }
  | { granted: false; reason: "busy" | "complete" | "gone" };

export type CommitAnswer = { committed: true; offset: number; complete: boolean } | { committed: false };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS upload (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  upload_id TEXT NOT NULL, image_id TEXT NOT NULL, region TEXT NOT NULL, owner TEXT NOT NULL,
  length INTEGER NOT NULL, "offset" INTEGER NOT NULL, metadata TEXT NOT NULL,
  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, expiry_ms INTEGER NOT NULL, state TEXT NOT NULL,
  lease_id TEXT, lease_until INTEGER,
  handoff TEXT NOT NULL, handoff_problem TEXT, staged_sha512 TEXT, sha512 TEXT
);
CREATE TABLE IF NOT EXISTS segments ("offset" INTEGER PRIMARY KEY, size INTEGER NOT NULL, key TEXT NOT NULL);
`;

interface UploadRow extends Record<string, SqlStorageValue> {
  upload_id: string;
  image_id: string;
  region: string;
  owner: string;
  length: number;
  offset: number;
  metadata: string;
  created_at: number;
  expires_at: number;
  expiry_ms: number;
  state: string;
  lease_id: string | null;
  lease_until: number | null;
  handoff: string;
  handoff_problem: string | null;
  staged_sha512: string | null;
  sha512: string | null;
}

const IN_PROGRESS: HandoffState[] = ["pending", "running", "importing"];

/**
 * How long past its expiry an ended (expired or terminated) upload keeps its tombstone, so that its URL answers 410
 * rather than 404; then the alarm deletes the object's storage altogether (an unknown upload is a 404).
 */
export const TOMBSTONE_MS = 7 * 24 * 3600 * 1000;

/**
 * One resumable upload: its offset, length, the R2 segments that hold its bytes, the lease of the PATCH
 * writing now, its expiry (an alarm frees everything) and its hand-off to Glance. The Worker streams
 * each PATCH body into R2 itself; this object only says which offset may be written (one lease at a time,
 * so of two concurrent PATCHes one gets a 409) and commits the segment once it is stored. SQLite-backed:
 * every method is synchronous SQL between awaits, so no two calls interleave inside one.
 */
export class UploadObject extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  /** The request that asked for the running (or next) hand-off: held in memory only, it carries a token. */
  private handoffRequest: HandoffRequest | undefined;

  private handoffRunning = false;

  /** While a web-download hand-off waits for Glance to pull the bytes: what the byte route checks them against. */
  private serving: WebDownloadServing | undefined;

  /** What the byte route reported after serving them (their SHA-512, or why it stopped). */
  private served: ServedOutcome | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(SCHEMA);
  }

  private row(): UploadRow | undefined {
    return this.sql.exec<UploadRow>("SELECT * FROM upload WHERE id = 1").toArray()[0];
  }

  private segments(): StoredSegment[] {
    return this.sql
      .exec<{ offset: number; size: number; key: string }>('SELECT "offset", size, key FROM segments ORDER BY "offset"')
      .toArray();
  }

  private record(row: UploadRow): UploadRecord {
    return {
      uploadId: row.upload_id,
      imageId: row.image_id,
      region: row.region,
      owner: row.owner,
      length: row.length,
      offset: row.offset,
      metadata: row.metadata,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      state: row.state as UploadState,
      handoff: row.handoff as HandoffState,
      ...(row.handoff_problem ? { handoffProblem: JSON.parse(row.handoff_problem) as HandoffProblem } : {}),
      ...(row.sha512 ? { sha512: row.sha512 } : {}),
    };
  }

  async create(init: UploadInit): Promise<UploadRecord> {
    if (this.row()) throw new Error("this upload exists already");
    const now = Date.now();
    const expiryMs = init.expirySeconds * 1000;
    this.sql.exec(
      `INSERT INTO upload (id, upload_id, image_id, region, owner, length, "offset", metadata, created_at, expires_at,
         expiry_ms, state, handoff) VALUES (1, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 'active', 'none')`,
      init.uploadId,
      init.imageId,
      init.region,
      init.owner,
      init.length,
      init.metadata,
      now,
      now + expiryMs,
      expiryMs,
    );
    await this.ctx.storage.setAlarm(now + expiryMs);
    return this.record(this.row() as UploadRow);
  }

  /** The upload, or undefined when none was created under this id. */
  describe(): UploadRecord | undefined {
    const row = this.row();
    return row && this.record(row);
  }

  /** The stored bytes for the signed byte route (web-download): where they are, and what to check them against now. */
  bytesForGlance(): UploadBytes | undefined {
    const row = this.row();
    if (!row) return undefined;
    const freed =
      row.state === "expired" || row.state === "terminated"
        ? row.state
        : row.handoff === "done"
          ? ("handed-off" as const)
          : undefined;
    return {
      imageId: row.image_id,
      length: row.length,
      complete: row.offset === row.length,
      ...(freed ? { freed } : {}),
      segments: freed ? [] : this.segments(),
      ...(this.serving ? { serving: this.serving } : {}),
    };
  }

  /** The byte route's report on a whole-body read while the hand-off serves (ignored otherwise). */
  reportServed(outcome: ServedOutcome): void {
    if (this.serving) this.served = outcome;
  }

  /** The stored segments in offset order, for reading the bytes back (readStored in stored-bytes.ts). */
  storedSegments(): StoredSegment[] {
    return this.segments();
  }

  /** The right to write `length` bytes at `offset` for `leaseMs`: refused while another PATCH holds it (and is alive). */
  beginSegment(offset: number, leaseMs: number): LeaseAnswer {
    const row = this.row();
    if (!row || row.state !== "active") return { granted: false, reason: "gone" };
    if (row.offset === row.length) return { granted: false, reason: "complete" };
    if (offset !== row.offset) return { granted: false, reason: "offset", offset: row.offset };
    const now = Date.now();
    if (row.lease_id && (row.lease_until ?? 0) > now) return { granted: false, reason: "busy" };
    const leaseId = crypto.randomUUID();
    this.sql.exec("UPDATE upload SET lease_id = ?, lease_until = ? WHERE id = 1", leaseId, now + leaseMs);
    return { granted: true, leaseId };
  }

  /** Keeps a live PATCH's lease; false when it was lost (expired and taken, or the upload ended). */
  renewLease(leaseId: string, leaseMs: number): boolean {
    const row = this.row();
    if (!row || row.state !== "active" || row.lease_id !== leaseId) return false;
    this.sql.exec("UPDATE upload SET lease_until = ? WHERE id = 1", Date.now() + leaseMs);
    return true;
  }

  /** Gives a lease up without a segment (the body failed, or its checksum did not match). */
  releaseLease(leaseId: string): void {
    this.sql.exec("UPDATE upload SET lease_id = NULL, lease_until = NULL WHERE id = 1 AND lease_id = ?", leaseId);
  }

  /**
   * Adds the segment the lease holder stored and moves the offset past it (and the expiry on). Refused
   * when the lease was lost meanwhile: the caller then deletes the object it wrote.
   */
  async commitSegment(leaseId: string, segment: StoredSegment): Promise<CommitAnswer> {
    const row = this.row();
    if (!row || row.state !== "active" || row.lease_id !== leaseId || segment.offset !== row.offset)
      return { committed: false };
    if (segment.offset + segment.size > row.length) return { committed: false };
    const offset = row.offset + segment.size;
    const expiresAt = Date.now() + row.expiry_ms;
    if (segment.size > 0)
      this.sql.exec(
        'INSERT INTO segments ("offset", size, key) VALUES (?, ?, ?)',
        segment.offset,
        segment.size,
        segment.key,
      );
    this.sql.exec(
      'UPDATE upload SET "offset" = ?, expires_at = ?, lease_id = NULL, lease_until = NULL WHERE id = 1',
      offset,
      expiresAt,
    );
    if (!this.handoffRunning) await this.ctx.storage.setAlarm(expiresAt);
    return { committed: true, offset, complete: offset === row.length };
  }

  /**
   * Starts (or retries) the hand-off of a complete upload, run by the alarm so that no Worker request's
   * lifetime bounds it. Refused (false) while one is in progress or done, or when the upload is not complete.
   */
  async startHandoff(request: HandoffRequest): Promise<UploadRecord | undefined> {
    const row = this.row();
    if (!row || row.state !== "active" || row.offset !== row.length) return undefined;
    if (row.handoff === "done" || (IN_PROGRESS.includes(row.handoff as HandoffState) && this.handoffRequest))
      return this.record(row);
    this.handoffRequest = request;
    this.sql.exec("UPDATE upload SET handoff = 'pending', handoff_problem = NULL WHERE id = 1");
    await this.ctx.storage.setAlarm(Date.now());
    return this.record(this.row() as UploadRow);
  }

  /**
   * Frees the bytes and keeps a tombstone (a terminated upload answers 404, an expired one 410) until
   * TOMBSTONE_MS past its expiry, when the alarm deletes the rest.
   */
  private async free(state: UploadState): Promise<void> {
    const row = this.row() as UploadRow;
    await deleteStored(this.env.UPLOAD_BYTES, row.upload_id);
    this.sql.exec("DELETE FROM segments");
    this.sql.exec(
      "UPDATE upload SET state = ?, lease_id = NULL, lease_until = NULL, metadata = '' WHERE id = 1",
      state,
    );
    this.handoffRequest = undefined;
    await this.ctx.storage.setAlarm(row.expires_at + TOMBSTONE_MS);
  }

  /** tus termination: refused (false) while the hand-off runs. */
  async terminate(): Promise<boolean> {
    const row = this.row();
    if (!row || row.state !== "active") return true;
    if (this.handoffRunning) return false;
    await this.free("terminated");
    return true;
  }

  async alarm(): Promise<void> {
    const row = this.row();
    if (!row) return;
    if (row.state !== "active") {
      const forgetAt = row.expires_at + TOMBSTONE_MS;
      if (Date.now() < forgetAt) return this.ctx.storage.setAlarm(forgetAt);
      await this.ctx.storage.deleteAll();
      this.sql.exec(SCHEMA);
      return;
    }
    if (IN_PROGRESS.includes(row.handoff as HandoffState) && !this.handoffRunning) {
      if (this.handoffRequest) await this.handOff();
      else this.failHandoff({ code: "bad-gateway", status: 502, detail: "the hand-off was interrupted; retry it" });
    }
    const after = this.row() as UploadRow;
    if (after.state !== "active") return;
    if (Date.now() >= after.expires_at && !this.handoffRunning) {
      log("info", "upload expired", { upload_id: after.upload_id, image_id: after.image_id });
      await this.free("expired");
      return;
    }
    await this.ctx.storage.setAlarm(after.expires_at);
  }

  private failHandoff(problem: HandoffProblem) {
    this.sql.exec("UPDATE upload SET handoff = 'failed', handoff_problem = ? WHERE id = 1", JSON.stringify(problem));
  }

  private async handOff(): Promise<void> {
    const request = this.handoffRequest as HandoffRequest;
    const row = this.row() as UploadRow;
    this.handoffRunning = true;
    this.sql.exec("UPDATE upload SET handoff = 'running' WHERE id = 1");
    const fields = { upload_id: row.upload_id, image_id: row.image_id, mode: request.mode };
    try {
      const upload: WebDownloadUpload = {
        bucket: this.env.UPLOAD_BYTES,
        uploadId: row.upload_id,
        imageId: row.image_id,
        length: row.length,
        segments: this.segments(),
        stagedSha512: row.staged_sha512 ?? undefined,
        staged: (sha512) => void this.sql.exec("UPDATE upload SET staged_sha512 = ? WHERE id = 1", sha512),
        importing: () => void this.sql.exec("UPDATE upload SET handoff = 'importing' WHERE id = 1"),
        serve: (serving) => {
          this.serving = serving;
          this.served = undefined;
        },
        served: () => this.served,
      };
      const outcome = await runHandoff(upload, request);
      this.sql.exec("UPDATE upload SET handoff = 'done', sha512 = ? WHERE id = 1", outcome.sha512 ?? null);
      // Glance holds the image: the bytes go now, the record stays (HEAD says `done`) until it expires.
      await deleteStored(this.env.UPLOAD_BYTES, row.upload_id);
      this.sql.exec("DELETE FROM segments");
      log("info", "upload handed off", fields);
    } catch (error) {
      const problem = handoffProblemOf(error);
      this.failHandoff(problem);
      log("warn", "upload hand-off failed", { ...fields, problem: problem.code, detail: problem.detail });
    } finally {
      this.handoffRunning = false;
      this.handoffRequest = undefined;
    }
  }
}

import type { Hasher } from "../../core/kernel/mod.ts";
import { canonicalJson } from "./canonical-json.ts";

/** prev_hash of the first entry of every region's chain. */
export const AUDIT_GENESIS_HASH = "0".repeat(64);

/** The fields of an audit entry that its hash covers. */
export interface HashedAuditEntry {
  readonly regionCode: string;
  readonly seq: number;
  /** UTC with microseconds, as `auditTimestamp` writes it: 2026-11-27T08:00:00.123000Z. */
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly outcome: string;
  readonly detail: unknown;
}

/**
 * KRN-R07: hash = SHA-256(prev_hash ‖ canonical JSON of the entry). The sequence number and the
 * region are inside the hash, so moving an entry to another place in a chain breaks it.
 */
export function auditEntryHash(hasher: Hasher, prevHash: string, e: HashedAuditEntry): string {
  const body = canonicalJson({
    action: e.action,
    actor: e.actor,
    at: e.at,
    detail: e.detail,
    objectId: e.objectId,
    objectType: e.objectType,
    outcome: e.outcome,
    regionCode: e.regionCode,
    seq: e.seq,
  });
  return hasher.sha256Hex(prevHash + body);
}

/**
 * The instant as hashed: UTC ISO-8601 with the six fractional digits timestamptz keeps, so that
 * an edit of even one microsecond changes the hash. The verifier reads the same text back with
 * `AUDIT_AT_TEXT_SQL`.
 */
export function auditTimestamp(at: Date): string {
  const iso = at.toISOString();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(iso))
    throw new RangeError(`audit time out of range: ${iso}`);
  return `${iso.slice(0, -1)}000Z`;
}

/** SQL rendering `platform.audit_log.at` exactly as `auditTimestamp` does. */
export const AUDIT_AT_TEXT_SQL = `to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

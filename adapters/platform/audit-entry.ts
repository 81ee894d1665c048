import type { AuditEntryInput, Hasher } from "../../core/kernel/mod.ts";
import { nodeHasher } from "../crypto/node-hasher.ts";
import { redactC2 } from "../crypto/redact-c2.ts";
import { auditEntryHash, auditTimestamp, type HashedAuditEntry } from "./audit-hash.ts";
import { jsonRoundTrip } from "./canonical-json.ts";

/**
 * KRN-R07 one audit entry on its way into the chain: checked, its detail made storable, and the
 * fields `auditEntryHash` hashes — shared by every way the platform writes the chain (the audit
 * writer, the batch append, the chain computed by the database).
 */
const REGION = /^\d{6}$/;
const OUTCOMES = new Set(["ok", "denied", "failed"]);

export function checkEntry(e: AuditEntryInput): void {
  if (!REGION.test(e.regionCode))
    throw new TypeError(`audit entry: region code must be 6 digits, got "${e.regionCode}"`);
  for (const f of ["actor", "action", "objectType", "objectId"] as const) {
    if (typeof e[f] !== "string" || e[f].length === 0)
      throw new TypeError(`audit entry: ${f} must be a non-empty string`);
  }
  if (!OUTCOMES.has(e.outcome)) throw new TypeError(`audit entry: outcome must be ok, denied or failed`);
}

/**
 * The detail exactly as jsonb will give it back: C2 masked, C3 removed, JSON-normalised, and
 * the text jsonb refuses (NUL, unpaired surrogates) replaced by U+FFFD, so that odd input never
 * fails the use case and the stored value re-hashes to the same hash.
 */
export function storableDetail(detail: AuditEntryInput["detail"]): Record<string, unknown> {
  const redacted = jsonRoundTrip(redactC2(detail ?? {}));
  if (redacted === null || typeof redacted !== "object" || Array.isArray(redacted)) {
    throw new TypeError("audit entry: detail must be an object");
  }
  return storableText(redacted) as Record<string, unknown>;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what jsonb refuses to store
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function storableText(v: unknown): unknown {
  if (typeof v === "string") return v.replace(UNSTORABLE, "\uFFFD");
  if (Array.isArray(v)) return v.map(storableText);
  if (v !== null && typeof v === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) o[storableText(k) as string] = storableText(item);
    return o;
  }
  return v;
}

/** One `platform.audit_log` row as the writers insert it. */
export interface AuditLogRow {
  readonly region_code: string;
  readonly seq: number;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly object_type: string;
  readonly object_id: string;
  readonly outcome: string;
  readonly detail: Record<string, unknown>;
  readonly prev_hash: string;
  readonly hash: string;
}

/**
 * KRN-R07 the rows of `entries` (all of region `regionCode`), checked, redacted and chained in
 * order after `head` (the region's head, read under its lock), and the head they leave — what
 * appendAuditEntries writes; for a caller that sends the insert and the head move itself (e.g.
 * in one statement). The caller must hold the head's row lock until it commits.
 */
export function chainAuditRows(
  regionCode: string,
  head: { readonly seq: number; readonly hash: string },
  entries: readonly AuditEntryInput[],
  at: Date,
  hasher: Hasher = nodeHasher,
): { rows: AuditLogRow[]; head: { seq: number; hash: string } } {
  let seq = head.seq;
  let prev = head.hash;
  const rows = entries.map((entry) => {
    checkEntry(entry);
    if (entry.regionCode !== regionCode) throw new TypeError("audit entry: region differs from the chain's region");
    const detail = storableDetail(entry.detail);
    seq += 1;
    const hash = auditEntryHash(hasher, prev, hashedEntry(entry, seq, at, detail));
    const row: AuditLogRow = {
      region_code: regionCode,
      seq,
      at,
      actor: entry.actor,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      outcome: entry.outcome,
      detail,
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
  return { rows, head: { seq, hash: prev } };
}

/** The fields `auditEntryHash` hashes for `entry` as sequence `seq` at `at`, with its storable detail. */
export function hashedEntry(
  entry: AuditEntryInput,
  seq: number,
  at: Date,
  detail: Record<string, unknown>,
): HashedAuditEntry {
  return {
    regionCode: entry.regionCode,
    seq,
    at: auditTimestamp(at),
    actor: entry.actor,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    outcome: entry.outcome,
    detail,
  };
}

import type { Hasher } from "../../core/kernel/mod.ts";
import { canonicalJson } from "./canonical-json.ts";

/** prev_hash of the first entry of every region's chain. */
export const AUDIT_GENESIS_HASH = "0".repeat(64);

/** The fields of an audit entry that its hash covers. */
export interface HashedAuditEntry {
  readonly regionCode: string;
  readonly seq: number;
  readonly at: Date;
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
    at: e.at.toISOString(),
    detail: e.detail,
    objectId: e.objectId,
    objectType: e.objectType,
    outcome: e.outcome,
    regionCode: e.regionCode,
    seq: e.seq,
  });
  return hasher.sha256Hex(prevHash + body);
}

// Platform services on the database (KRN-R07..R10) and the clock/id adapters.
export { AUDIT_GENESIS_HASH, auditEntryHash, type HashedAuditEntry } from "./audit-hash.ts";
export { createAuditWriter } from "./audit-writer.ts";
export { canonicalJson, jsonRoundTrip } from "./canonical-json.ts";
export { FixedClock } from "./fixed-clock.ts";
export {
  createIdempotencyStore,
  IDEMPOTENCY_LEASE_MS,
  IDEMPOTENCY_TTL_MS,
  type IdemBegin,
  type IdempotencyOptions,
  type IdempotencyStore,
  type IdemResponse,
  idempotencyRequestHash,
  isValidIdempotencyKey,
} from "./idempotency-store.ts";
export { type DeadOutboxEvent, listDeadOutboxEvents, requeueDeadOutboxEvent } from "./outbox-admin.ts";
export {
  OutboxDispatcher,
  type OutboxDispatcherOptions,
  type OutboxEvent,
  type OutboxHandler,
  type OutboxRunResult,
} from "./outbox-dispatcher.ts";
export { createOutboxWriter } from "./outbox-writer.ts";
export { type ProcessOnceResult, processOnce } from "./process-once.ts";
export { RandomIds } from "./random-ids.ts";
export { SystemClock } from "./system-clock.ts";
export {
  type AuditChainBreak,
  type AuditChainReport,
  type VerifyAuditOptions,
  verifyAuditChain,
} from "./verify-audit-chain.ts";
export { type CliIo, resolveDatabaseTarget, runVerifyAudit } from "./verify-audit-cli.ts";

import { DomainError } from "../../core/kernel/mod.ts";
import type { PaymentAttempt, PaymentAttemptRepository } from "../../core/quickclaim/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import type { C2Codec } from "./c2-codec.ts";
import { fromPaymentRow, type PaymentRow, toPaymentRow } from "./payment-row.ts";
import { isUniqueViolation, regionPattern } from "./sql-helpers.ts";

const PAYMENTS = "quickclaim.payments";

/**
 * QC-R07 payment records: the primary key is the claim id, so a second record for a claim is
 * impossible (a second insert is a "conflict"); the request id — the gateway's idempotency key
 * — is unique too. Saves are optimistic on `version`.
 */
export class KyselyPaymentRepository implements PaymentAttemptRepository {
  readonly #tx: AnyDb;
  readonly #codec: C2Codec;
  readonly #scope: string;

  constructor(tx: AnyDb, codec: C2Codec, scope: string) {
    this.#tx = tx;
    this.#codec = codec;
    this.#scope = regionPattern(scope);
  }

  async getForClaim(claimId: string): Promise<PaymentAttempt | undefined> {
    const row = await this.#tx
      .selectFrom(PAYMENTS)
      .selectAll()
      .where("claim_id", "=", claimId)
      .where("region_code", "like", this.#scope)
      .executeTakeFirst();
    return row ? fromPaymentRow(row as PaymentRow, this.#codec) : undefined;
  }

  async insert(a: PaymentAttempt): Promise<void> {
    try {
      await this.#tx.insertInto(PAYMENTS).values(toPaymentRow(a, this.#codec)).execute();
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainError("the claim already has a payment record", {
          ruleId: "QC-R07",
          kind: "conflict",
          field: "claimId",
        });
      }
      throw e;
    }
  }

  async update(next: PaymentAttempt): Promise<void> {
    const { claim_id, version, ...row } = toPaymentRow(next, this.#codec);
    const result = await this.#tx
      .updateTable(PAYMENTS)
      .set({ ...row, version })
      .where("claim_id", "=", claim_id)
      .where("version", "=", version - 1)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new DomainError("the payment record was changed by someone else", {
        ruleId: "QC-R07",
        kind: "conflict",
        field: "version",
      });
    }
  }
}

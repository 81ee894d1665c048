import type {
  CreditProduct,
  CreditProductRepository,
  Lien,
  LienRepository,
  MortgageApplication,
  MortgageApplicationRepository,
} from "../../core/factors/mod.ts";
import { DomainError } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { iso, isoOrNull, isUniqueViolation } from "./sql-values.ts";
import { updateVersioned } from "./update-versioned.ts";

/** Credit products (FAC-R11): the bank's terms as one jsonb document, the lookup columns beside it. */
export class KyselyProductRepository implements CreditProductRepository {
  readonly #tx: AnyDb;
  constructor(tx: AnyDb) {
    this.#tx = tx;
  }

  async get(regionCode: string, id: string): Promise<CreditProduct | null> {
    const r = await this.#tx
      .selectFrom("factors.products")
      .selectAll()
      .where("id", "=", id)
      .where("region_code", "=", regionCode)
      .executeTakeFirst();
    return r ? productFromRow(r) : null;
  }

  async insert(p: CreditProduct): Promise<void> {
    try {
      await this.#tx.insertInto("factors.products").values(productRow(p)).execute();
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainError(`the bank already offers a product named ${p.name.zh}`, {
          ruleId: "FAC-R11",
          kind: "conflict",
          field: "name",
        });
      }
      throw e;
    }
  }

  async update(p: CreditProduct): Promise<boolean> {
    return updateVersioned(this.#tx, "factors.products", productRow(p));
  }
}

function productRow(p: CreditProduct) {
  const { id, regionCode, status, createdAt, version, ...terms } = p;
  return {
    id,
    region_code: regionCode,
    bank_id: p.bankId,
    name_zh: p.name.zh,
    status,
    terms,
    created_at: createdAt,
    version,
  };
}

export function productFromRow(r: Record<string, any>): CreditProduct {
  return {
    ...r.terms,
    id: r.id,
    regionCode: r.region_code,
    status: r.status as CreditProduct["status"],
    createdAt: iso(r.created_at),
    version: r.version,
  };
}

function applicationRow(a: MortgageApplication) {
  return {
    id: a.id,
    region_code: a.regionCode,
    county_code: a.countyCode,
    product_id: a.productId,
    bank_id: a.bankId,
    borrower_ref: a.borrowerRef,
    applicant_ref: a.applicantRef,
    status: a.status,
    requested_amount: a.requestedAmount,
    term_months: a.termMonths,
    collateral: a.collateral,
    labour_factor_ids: [...a.labourFactorIds],
    approved: a.approved,
    decline_reason: a.declineReason,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    version: a.version,
  };
}

export function applicationFromRow(r: Record<string, any>): MortgageApplication {
  return {
    id: r.id,
    regionCode: r.region_code,
    countyCode: r.county_code,
    productId: r.product_id,
    bankId: r.bank_id,
    collateral: r.collateral,
    borrowerRef: r.borrower_ref,
    applicantRef: r.applicant_ref,
    requestedAmount: Number(r.requested_amount),
    termMonths: r.term_months,
    labourFactorIds: r.labour_factor_ids,
    status: r.status,
    approved: r.approved,
    declineReason: r.decline_reason,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

/** Mortgage applications. */
export class KyselyApplicationRepository implements MortgageApplicationRepository {
  readonly #tx: AnyDb;
  constructor(tx: AnyDb) {
    this.#tx = tx;
  }

  async get(regionCode: string, id: string): Promise<MortgageApplication | null> {
    const r = await this.#tx
      .selectFrom("factors.applications")
      .selectAll()
      .where("id", "=", id)
      .where("region_code", "=", regionCode)
      .executeTakeFirst();
    return r ? applicationFromRow(r) : null;
  }

  async insert(a: MortgageApplication): Promise<void> {
    await this.#tx.insertInto("factors.applications").values(applicationRow(a)).execute();
  }

  async update(a: MortgageApplication): Promise<boolean> {
    return updateVersioned(this.#tx, "factors.applications", applicationRow(a));
  }
}

export function lienFromRow(r: Record<string, any>): Lien {
  return {
    id: r.id,
    regionCode: r.region_code,
    unitId: r.unit_id,
    factorIds: r.factor_ids,
    loanId: r.loan_id,
    bankId: r.bank_id,
    securedAmount: Number(r.secured_amount),
    registeredAt: iso(r.registered_at),
    registrationSeq: r.registration_seq,
    status: r.status as Lien["status"],
    endedAt: isoOrNull(r.ended_at),
  };
}

/** Liens (FAC-R06). The database refuses two liens with one registration number on a unit. */
export class KyselyLienRepository implements LienRepository {
  readonly #tx: AnyDb;
  constructor(tx: AnyDb) {
    this.#tx = tx;
  }

  async listByUnit(regionCode: string, unitId: string): Promise<Lien[]> {
    const rows = await this.#tx
      .selectFrom("factors.liens")
      .selectAll()
      .where("unit_id", "=", unitId)
      .where("region_code", "=", regionCode)
      .orderBy("registration_seq")
      .execute();
    return rows.map(lienFromRow);
  }

  async insert(l: Lien): Promise<void> {
    try {
      await this.#tx
        .insertInto("factors.liens")
        .values({
          id: l.id,
          region_code: l.regionCode,
          unit_id: l.unitId,
          factor_ids: [...l.factorIds],
          loan_id: l.loanId,
          bank_id: l.bankId,
          secured_amount: l.securedAmount,
          registered_at: l.registeredAt,
          registration_seq: l.registrationSeq,
          status: l.status,
          ended_at: l.endedAt,
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainError("another lien was registered on this collateral at the same moment; try again", {
          ruleId: "FAC-R06",
          kind: "conflict",
        });
      }
      throw e;
    }
  }

  async update(l: Lien): Promise<void> {
    await this.#tx
      .updateTable("factors.liens")
      .set({ status: l.status, ended_at: l.endedAt, secured_amount: l.securedAmount })
      .where("id", "=", l.id)
      .where("region_code", "=", l.regionCode)
      .execute();
  }
}

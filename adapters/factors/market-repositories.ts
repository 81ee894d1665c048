import type {
  Disposal,
  DisposalRepository,
  Lock,
  TransferListing,
  TransferListingRepository,
} from "../../core/factors/mod.ts";
import { DomainError } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { dateText, iso, isoOrNull, isUniqueViolation } from "./sql-values.ts";
import { updateVersioned } from "./update-versioned.ts";

function openAlready(what: string, field: string, ruleId: string): DomainError {
  return new DomainError(`this collateral already has an open ${what}`, { ruleId, kind: "conflict", field });
}

const LISTING_COLUMNS = [
  "t.id",
  "t.region_code",
  "t.county_code",
  "t.unit_id",
  "t.factor_ids",
  "t.holder_ref",
  "t.kind",
  "t.reserve_price",
  "t.status",
  "t.bids",
  "t.consents",
  "t.awarded_bid_id",
  "t.created_at",
  "t.version",
] as const;

export function selectListings(db: AnyDb) {
  return db
    .selectFrom("factors.listings as t")
    .select(LISTING_COLUMNS)
    .select([
      dateText("t.lease_from", "lease_from"),
      dateText("t.lease_to", "lease_to"),
      dateText("t.opens_on", "opens_on"),
      dateText("t.closes_on", "closes_on"),
    ]);
}

function listingRow(l: TransferListing) {
  return {
    id: l.id,
    region_code: l.regionCode,
    county_code: l.countyCode,
    unit_id: l.unitId,
    factor_ids: [...l.factorIds],
    holder_ref: l.holderRef,
    kind: l.kind,
    reserve_price: l.reservePrice,
    lease_from: l.leaseFrom,
    lease_to: l.leaseTo,
    opens_on: l.opensOn,
    closes_on: l.closesOn,
    status: l.status,
    bids: l.bids,
    consents: [...l.consents],
    awarded_bid_id: l.awardedBidId,
    created_at: l.createdAt,
    version: l.version,
  };
}

export function listingFromRow(r: Record<string, any>): TransferListing {
  return {
    id: r.id,
    regionCode: r.region_code,
    countyCode: r.county_code,
    unitId: r.unit_id,
    factorIds: r.factor_ids,
    holderRef: r.holder_ref,
    kind: r.kind,
    reservePrice: Number(r.reserve_price),
    leaseFrom: r.lease_from,
    leaseTo: r.lease_to,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    status: r.status,
    bids: r.bids,
    consents: r.consents,
    awardedBidId: r.awarded_bid_id,
    createdAt: iso(r.created_at),
    version: r.version,
  };
}

/** Transfer listings (FAC-R10): one open listing per collateral unit. */
export class KyselyListingRepository implements TransferListingRepository {
  readonly #tx: AnyDb;
  constructor(tx: AnyDb) {
    this.#tx = tx;
  }

  async get(regionCode: string, id: string, lock?: Lock): Promise<TransferListing | null> {
    let q = selectListings(this.#tx).where("t.id", "=", id).where("t.region_code", "=", regionCode);
    if (lock?.forUpdate) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? listingFromRow(r) : null;
  }

  async openForUnit(regionCode: string, unitId: string): Promise<TransferListing | null> {
    const r = await selectListings(this.#tx)
      .where("t.unit_id", "=", unitId)
      .where("t.region_code", "=", regionCode)
      .where("t.status", "=", "open")
      .executeTakeFirst();
    return r ? listingFromRow(r) : null;
  }

  async insert(l: TransferListing): Promise<void> {
    try {
      await this.#tx.insertInto("factors.listings").values(listingRow(l)).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw openAlready("transfer listing", "factorIds", "FAC-R10");
      throw e;
    }
  }

  async update(l: TransferListing): Promise<boolean> {
    return updateVersioned(this.#tx, "factors.listings", listingRow(l));
  }
}

const DISPOSAL_COLUMNS = [
  "d.id",
  "d.region_code",
  "d.county_code",
  "d.unit_id",
  "d.factor_ids",
  "d.loan_id",
  "d.bank_id",
  "d.channel",
  "d.reserve_price",
  "d.valuation_value",
  "d.valuation_id",
  "d.buy_out",
  "d.bids",
  "d.status",
  "d.proceeds",
  "d.costs",
  "d.buyer_ref",
  "d.distribution",
  "d.completed_at",
  "d.created_at",
  "d.version",
] as const;

export function selectDisposals(db: AnyDb) {
  return db
    .selectFrom("factors.disposals as d")
    .select(DISPOSAL_COLUMNS)
    .select([dateText("d.started_on", "started_on"), dateText("d.closes_on", "closes_on")]);
}

function disposalRow(d: Disposal) {
  return {
    id: d.id,
    region_code: d.regionCode,
    county_code: d.countyCode,
    unit_id: d.unitId,
    factor_ids: [...d.factorIds],
    loan_id: d.loanId,
    bank_id: d.bankId,
    channel: d.channel,
    started_on: d.startedOn,
    closes_on: d.closesOn,
    reserve_price: d.reservePrice,
    valuation_value: d.valuationValue,
    valuation_id: d.valuationId,
    buy_out: d.buyOut,
    bids: d.bids,
    status: d.status,
    proceeds: d.proceeds,
    costs: d.costs,
    buyer_ref: d.buyerRef,
    distribution: d.distribution,
    completed_at: d.completedAt,
    created_at: d.createdAt,
    version: d.version,
  };
}

export function disposalFromRow(r: Record<string, any>): Disposal {
  return {
    id: r.id,
    regionCode: r.region_code,
    countyCode: r.county_code,
    unitId: r.unit_id,
    factorIds: r.factor_ids,
    loanId: r.loan_id,
    bankId: r.bank_id,
    channel: r.channel,
    startedOn: r.started_on,
    closesOn: r.closes_on,
    reservePrice: Number(r.reserve_price),
    valuationValue: Number(r.valuation_value),
    valuationId: r.valuation_id,
    buyOut: r.buy_out,
    bids: r.bids,
    status: r.status,
    proceeds: r.proceeds === null ? null : Number(r.proceeds),
    costs: r.costs === null ? null : Number(r.costs),
    buyerRef: r.buyer_ref,
    distribution: r.distribution,
    completedAt: isoOrNull(r.completed_at),
    createdAt: iso(r.created_at),
    version: r.version,
  };
}

/** Disposals (FAC-R07/R08): one open disposal per collateral unit. */
export class KyselyDisposalRepository implements DisposalRepository {
  readonly #tx: AnyDb;
  constructor(tx: AnyDb) {
    this.#tx = tx;
  }

  async get(regionCode: string, id: string, lock?: Lock): Promise<Disposal | null> {
    let q = selectDisposals(this.#tx).where("d.id", "=", id).where("d.region_code", "=", regionCode);
    if (lock?.forUpdate) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? disposalFromRow(r) : null;
  }

  async openForUnit(regionCode: string, unitId: string): Promise<Disposal | null> {
    const r = await selectDisposals(this.#tx)
      .where("d.unit_id", "=", unitId)
      .where("d.region_code", "=", regionCode)
      .where("d.status", "=", "open")
      .executeTakeFirst();
    return r ? disposalFromRow(r) : null;
  }

  async insert(d: Disposal): Promise<void> {
    try {
      await this.#tx.insertInto("factors.disposals").values(disposalRow(d)).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw openAlready("disposal", "loanId", "FAC-R08");
      throw e;
    }
  }

  async update(d: Disposal): Promise<boolean> {
    return updateVersioned(this.#tx, "factors.disposals", disposalRow(d));
  }
}

import type {
  BundleRepository,
  MarineBundle,
  Objection,
  ObjectionRepository,
  Valuation,
  ValuationRepository,
} from "../../core/factors/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { dateText, iso, isoOrNull } from "./sql-values.ts";

/** 三权合一 bundles (FAC-R03). */
export class KyselyBundleRepository implements BundleRepository {
  readonly #tx: AnyDb;
  constructor(tx: AnyDb) {
    this.#tx = tx;
  }

  async get(regionCode: string, id: string): Promise<MarineBundle | null> {
    const r = await this.#tx
      .selectFrom("factors.bundles")
      .selectAll()
      .where("id", "=", id)
      .where("region_code", "=", regionCode)
      .executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      regionCode: r.region_code,
      countyCode: r.county_code,
      siteRef: r.site_ref,
      holderRef: r.holder_ref,
      memberIds: r.member_ids,
      createdAt: iso(r.created_at),
    };
  }

  async insert(b: MarineBundle): Promise<void> {
    await this.#tx
      .insertInto("factors.bundles")
      .values({
        id: b.id,
        region_code: b.regionCode,
        county_code: b.countyCode,
        site_ref: b.siteRef,
        holder_ref: b.holderRef,
        member_ids: [...b.memberIds],
        created_at: b.createdAt,
      })
      .execute();
  }
}

function objectionRow(o: Objection) {
  return {
    id: o.id,
    region_code: o.regionCode,
    factor_id: o.factorId,
    lodged_by: o.lodgedBy,
    grounds: o.grounds,
    lodged_at: o.lodgedAt,
    status: o.status,
    decided_at: o.decidedAt,
    decided_by: o.decidedBy,
    decision_reason: o.decisionReason,
  };
}

/** Objections lodged during public notice (FAC-R02). */
export class KyselyObjectionRepository implements ObjectionRepository {
  readonly #tx: AnyDb;
  constructor(tx: AnyDb) {
    this.#tx = tx;
  }

  async insert(o: Objection): Promise<void> {
    await this.#tx.insertInto("factors.objections").values(objectionRow(o)).execute();
  }

  async update(o: Objection): Promise<void> {
    const { id, region_code, ...rest } = objectionRow(o);
    await this.#tx
      .updateTable("factors.objections")
      .set(rest)
      .where("id", "=", id)
      .where("region_code", "=", region_code)
      .execute();
  }

  async listByFactor(regionCode: string, factorId: string): Promise<Objection[]> {
    const rows = await this.#tx
      .selectFrom("factors.objections")
      .selectAll()
      .where("factor_id", "=", factorId)
      .where("region_code", "=", regionCode)
      .orderBy("lodged_at")
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      factorId: r.factor_id,
      lodgedBy: r.lodged_by,
      grounds: r.grounds,
      lodgedAt: iso(r.lodged_at),
      status: r.status,
      decidedAt: isoOrNull(r.decided_at),
      decidedBy: r.decided_by,
      decisionReason: r.decision_reason,
    }));
  }
}

/** Valuations (FAC-R04): the latest of a unit is the newest business date, then the newest row. */
export class KyselyValuationRepository implements ValuationRepository {
  readonly #tx: AnyDb;
  constructor(tx: AnyDb) {
    this.#tx = tx;
  }

  async insert(v: Valuation): Promise<void> {
    await this.#tx
      .insertInto("factors.valuations")
      .values({
        id: v.id,
        region_code: v.regionCode,
        unit_id: v.unitId,
        factor_ids: [...v.factorIds],
        method: v.method,
        value: v.value,
        valued_on: v.valuedOn,
        expires_on: v.expiresOn,
        appraiser_id: v.appraiserId,
        report_ref: v.reportRef,
        detail: v.detail,
        created_at: v.createdAt,
        actor: v.actor,
      })
      .execute();
  }

  async latestForUnit(regionCode: string, unitId: string): Promise<Valuation | null> {
    const r = await this.#tx
      .selectFrom("factors.valuations as v")
      .select([
        "v.id",
        "v.region_code",
        "v.unit_id",
        "v.factor_ids",
        "v.method",
        "v.value",
        "v.appraiser_id",
        "v.report_ref",
        "v.detail",
        "v.created_at",
        "v.actor",
        dateText("v.valued_on", "valued_on"),
        dateText("v.expires_on", "expires_on"),
      ])
      .where("v.unit_id", "=", unitId)
      .where("v.region_code", "=", regionCode)
      .orderBy("v.valued_on", "desc")
      .orderBy("v.created_at", "desc")
      .orderBy("v.id", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      regionCode: r.region_code,
      unitId: r.unit_id,
      factorIds: r.factor_ids,
      method: r.method,
      value: Number(r.value),
      valuedOn: r.valued_on as string,
      expiresOn: r.expires_on as string,
      appraiserId: r.appraiser_id,
      reportRef: r.report_ref,
      detail: r.detail,
      createdAt: iso(r.created_at),
      actor: r.actor,
    };
  }
}

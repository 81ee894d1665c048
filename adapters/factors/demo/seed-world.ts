import { sql } from "kysely";
import type { FactorStatus } from "../../../core/factors/mod.ts";
import {
  activateFactor,
  defineCreditProduct,
  formMarineBundle,
  ningdeDemoProducts,
  registerFactor,
  submitFactor,
  valueCollateral,
} from "../../../core/factors/mod.ts";
import { addDays, businessDateOf, type Principal, startOfBusinessDate } from "../../../core/kernel/mod.ts";
import type { AnyDb } from "../../db/create-database.ts";
import { FixedClock } from "../../platform/fixed-clock.ts";
import type { FactorsPlatformDeps } from "../factors-deps.ts";
import { DEMO_FACTORS, type DemoFactorRecord, demoPerson } from "./ningde-demo-book.ts";

/**
 * The demo seed's world: the factors deps on a story clock (the story runs from 200 days ago to
 * today), the people as principals, and idempotent steps that look a record up by its natural
 * key before creating it — so the seed can run again, or finish a story a crash interrupted.
 */
export class SeedWorld {
  readonly deps: FactorsPlatformDeps;
  readonly db: AnyDb;
  readonly clock: FixedClock;
  readonly #start: string;
  readonly #created: (what: string) => void;
  readonly #products = new Map<string, string>();
  /** Factors this run registered (the report names the count, not each one). */
  registered = 0;

  constructor(deps: FactorsPlatformDeps, db: AnyDb, now: Date, created: (what: string) => void) {
    this.db = db;
    this.clock = new FixedClock(now);
    this.deps = { ...deps, clock: this.clock };
    this.#start = addDays(businessDateOf(now), -200);
    this.#created = created;
  }

  /** Sets the story clock to 10:00 (Asia/Shanghai) on day `n` of the story. */
  day(n: number): string {
    const date = addDays(this.#start, n);
    this.clock.set(startOfBusinessDate(date).getTime() + 10 * 3_600_000);
    return date;
  }

  note(what: string): void {
    this.#created(what);
  }

  citizen(personKey: string): Principal {
    const p = demoPerson(personKey);
    if (!p.mobile) throw new Error(`${p.name} has no mobile in the demo`);
    const ref = this.deps.blindIndex.index("mobile", p.mobile);
    return {
      id: `citizen:${ref}`,
      roles: ["citizen"],
      regionCodes: [this.deps.regionCode],
      subjectRef: ref,
      // The demo people have done 实名认证 (KRN-R06) on their mobile's account.
      identities: [this.deps.blindIndex.index("resident-id", p.idNumber)],
    };
  }

  staff(institutionId: string, admin = false): Principal {
    return {
      id: `inst:${institutionId}/demo-seed`,
      roles: admin ? ["institution_staff", "institution_admin"] : ["institution_staff"],
      institutionId,
      regionCodes: [this.deps.regionCode],
    };
  }

  readonly official: Principal = { id: "staff:demo-seed-official", roles: ["regulator"], regionCodes: ["350900"] };

  record(key: string): DemoFactorRecord {
    const r = DEMO_FACTORS.find((x) => x.key === key);
    if (!r) throw new Error(`no demo record ${key}`);
    return r;
  }

  holderRef(personKey: string): string {
    return this.deps.blindIndex.index("resident-id", demoPerson(personKey).idNumber);
  }

  async #find(
    r: DemoFactorRecord,
  ): Promise<{ id: string; status: FactorStatus; bundle_id: string | null } | undefined> {
    const row = await sql<{ id: string; status: FactorStatus; bundle_id: string | null }>`
      select id, status, bundle_id from factors.factors
      where region_code = ${this.deps.regionCode} and county_code = ${r.countyCode} and type_code = ${r.typeCode}
        and holder_ref = ${this.holderRef(r.person)} and location = ${r.location} and status <> 'REJECTED'
      order by id limit 1`.execute(this.db);
    return row.rows[0];
  }

  /** Registers and submits the record's factor unless it exists; returns its id and status. */
  async factor(key: string, actor: Principal): Promise<{ id: string; status: FactorStatus; bundleId: string | null }> {
    const r = this.record(key);
    const found = await this.#find(r);
    if (found) return { id: found.id, status: found.status, bundleId: found.bundle_id };
    const p = demoPerson(r.person);
    const draft = await registerFactor(this.deps, actor, {
      countyCode: r.countyCode,
      typeCode: r.typeCode,
      holder: { kind: "person", idNumber: p.idNumber, name: p.name },
      title: r.title,
      location: r.location,
      quantity: r.quantity,
      certificateNo: r.certificateNo,
      siteRef: r.siteRef ?? null,
    });
    const s = await submitFactor(this.deps, actor, { factorId: draft.id });
    this.registered++;
    if (s.outcome !== "publicised") this.note(`factor ${r.title} of ${p.name}: ${s.outcome}`);
    return { id: draft.id, status: s.factor.status, bundleId: null };
  }

  /** The factors of `keys`, each ACTIVE or further along once its notice has run. */
  async active(keys: readonly string[], actor: Principal): Promise<string[]> {
    const ids: string[] = [];
    for (const key of keys) {
      const f = await this.factor(key, actor);
      if (f.status === "PUBLICISED") await activateFactor(this.deps, actor, { factorId: f.id });
      ids.push(f.id);
    }
    return ids;
  }

  /** 三权合一: bundles the members unless they are bundled already; returns the unit's factor ids. */
  async bundle(ids: string[], actor: Principal): Promise<{ unitId: string; factorIds: string[] }> {
    const first = await this.#status(ids[0] as string);
    if (first.bundle_id) return { unitId: first.bundle_id, factorIds: ids };
    const { bundle } = await formMarineBundle(this.deps, actor, { factorIds: ids });
    this.note(`三权合一 bundle ${bundle.id}`);
    return { unitId: bundle.id, factorIds: [...bundle.memberIds] };
  }

  async #status(id: string) {
    const r = await sql<{ status: FactorStatus; bundle_id: string | null }>`
      select status, bundle_id from factors.factors where id = ${id}`.execute(this.db);
    const row = r.rows[0];
    if (!row) throw new Error(`seed: factor ${id} vanished`);
    return row;
  }

  /** Values the unit unless it has a valuation. */
  async valued(
    unitId: string,
    factorIds: string[],
    actor: Principal,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const has = await sql<{
      n: number;
    }>`select count(*)::int as n from factors.valuations where unit_id = ${unitId}`.execute(this.db);
    if ((has.rows[0]?.n ?? 0) > 0) return;
    await valueCollateral(this.deps, actor, { factorIds, ...extra });
  }

  /** The demo product's id, defining it (as its bank's admin) unless the bank offers it already. */
  async product(demoId: string): Promise<string> {
    const known = this.#products.get(demoId);
    if (known) return known;
    const terms = ningdeDemoProducts.find((p) => p.id === demoId);
    if (!terms) throw new Error(`no demo product ${demoId}`);
    const { id: _id, ...rest } = terms;
    const r = await sql<{ id: string }>`select id from factors.products where region_code = ${this.deps.regionCode}
      and bank_id = ${rest.bankId} and name_zh = ${rest.name.zh} and status = 'active'`.execute(this.db);
    let id = r.rows[0]?.id;
    if (!id) {
      id = (await defineCreditProduct(this.deps, this.staff(rest.bankId, true), rest)).id;
      this.note(`credit product ${rest.name.zh}`);
    }
    this.#products.set(demoId, id);
    return id;
  }
}

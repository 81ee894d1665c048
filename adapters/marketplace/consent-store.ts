import { sql } from "kysely";
import type { Consent, ConsentPurpose, ConsentRepository } from "../../core/marketplace/mod.ts";
import { CompiledStatement } from "../db/compiled-statement.ts";
import type { AnyDb } from "../db/create-database.ts";
import type { DbScope } from "./db-scope.ts";
import { toDate, toDateOrNull } from "./sql-values.ts";

const TABLE = "marketplace.consents";

interface ConsentRow {
  id: string;
  region_code: string;
  subject_ref: string;
  data_subject_kind: Consent["dataSubject"]["idKind"];
  data_subject_index: string;
  data_subject_cipher: string;
  recipient_institution_id: string;
  purpose: ConsentPurpose;
  categories: string[];
  data_from: string;
  data_to: string;
  data_life_months: number;
  granted_at: Date | string;
  expires_at: Date | string;
  status: Consent["status"];
  revoked_at: Date | string | null;
}

const COLUMNS = [
  "id",
  "region_code",
  "subject_ref",
  "data_subject_kind",
  "data_subject_index",
  "data_subject_cipher",
  "recipient_institution_id",
  "purpose",
  "categories",
  "data_life_months",
  "granted_at",
  "expires_at",
  "status",
  "revoked_at",
] as const;

function fromRow(r: ConsentRow): Consent {
  return {
    id: r.id,
    regionCode: r.region_code,
    subjectRef: r.subject_ref,
    dataSubject: { idKind: r.data_subject_kind, idIndex: r.data_subject_index, idCipher: r.data_subject_cipher },
    recipientInstitutionId: r.recipient_institution_id,
    purpose: r.purpose,
    categories: r.categories,
    dataPeriod: { from: r.data_from, to: r.data_to },
    dataLifeMonths: r.data_life_months,
    grantedAt: toDate(r.granted_at),
    expiresAt: toDate(r.expires_at),
    status: r.status,
    revokedAt: toDateOrNull(r.revoked_at),
  };
}

function toRow(c: Consent): ConsentRow {
  return {
    id: c.id,
    region_code: c.regionCode,
    subject_ref: c.subjectRef,
    data_subject_kind: c.dataSubject.idKind,
    data_subject_index: c.dataSubject.idIndex,
    data_subject_cipher: c.dataSubject.idCipher,
    recipient_institution_id: c.recipientInstitutionId,
    purpose: { module: c.purpose.module, kind: c.purpose.kind, ref: c.purpose.ref, text: c.purpose.text },
    categories: [...c.categories],
    data_from: c.dataPeriod.from,
    data_to: c.dataPeriod.to,
    data_life_months: c.dataLifeMonths,
    granted_at: c.grantedAt,
    expires_at: c.expiresAt,
    status: c.status,
    revoked_at: c.revokedAt,
  };
}

/**
 * The consent read under its row lock, compiled once: it starts every data release and is
 * waited for (its answer decides whether the push may happen, MKT-R01).
 */
const GET_FOR_UPDATE = new CompiledStatement<"id">((db, slot) =>
  db
    .selectFrom(TABLE)
    .select(COLUMNS)
    .select([sql<string>`data_from::text`.as("data_from"), sql<string>`data_to::text`.as("data_to")])
    .where("id", "=", slot("id"))
    .forUpdate(),
);

/** Consents, read for update when a revocation or a push must serialise (MKT-R01). */
export class KyselyConsentRepository implements ConsentRepository {
  readonly #db: DbScope;

  constructor(db: DbScope) {
    this.#db = db;
  }

  #select(db: AnyDb = this.#db.read()) {
    return db
      .selectFrom(TABLE)
      .select(COLUMNS)
      .select([sql<string>`data_from::text`.as("data_from"), sql<string>`data_to::text`.as("data_to")]);
  }

  async get(id: string): Promise<Consent | undefined> {
    const row = await this.#select().where("id", "=", id).executeTakeFirst();
    return row ? fromRow(row as ConsentRow) : undefined;
  }

  async getForUpdate(id: string): Promise<Consent | undefined> {
    const db = await this.#db.write();
    const { rows } = await db.executeQuery<ConsentRow>(GET_FOR_UPDATE.bind(db, { id }));
    const row = rows[0];
    return row ? fromRow(row) : undefined;
  }

  async insert(consent: Consent): Promise<void> {
    await (await this.#db.write()).insertInto(TABLE).values(toRow(consent)).execute();
  }

  async update(consent: Consent): Promise<void> {
    const { id, ...rest } = toRow(consent);
    await (await this.#db.write()).updateTable(TABLE).set(rest).where("id", "=", id).execute();
  }

  async listBySubject(subjectRef: string, regionCode: string): Promise<Consent[]> {
    const rows = await this.#select()
      .where("subject_ref", "=", subjectRef)
      .where("region_code", "=", regionCode)
      .orderBy("granted_at", "desc")
      .orderBy("id", "desc")
      .execute();
    return rows.map((r) => fromRow(r as ConsentRow));
  }

  async listExpired(regionCode: string, now: Date, limit: number): Promise<Consent[]> {
    const rows = await this.#select()
      .where("region_code", "=", regionCode)
      .where("status", "=", "ACTIVE")
      .where("expires_at", "<=", now)
      .orderBy("expires_at")
      .limit(limit)
      .execute();
    return rows.map((r) => fromRow(r as ConsentRow));
  }
}

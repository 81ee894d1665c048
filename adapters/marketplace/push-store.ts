import { sql } from "kysely";
import type { ConsentPurpose, PushLogRepository, PushRecord } from "../../core/marketplace/mod.ts";
import { CompiledStatement } from "../db/compiled-statement.ts";
import { type AnyDb, PIPELINED } from "../db/create-database.ts";
import type { DbScope } from "./db-scope.ts";
import { toDate, toDateOrNull } from "./sql-values.ts";

const TABLE = "marketplace.pushes";

const COLUMNS = [
  "id",
  "region_code",
  "subject_ref",
  "data_subject_index",
  "recipient_institution_id",
  "consent_id",
  "purpose",
  "application_id",
  "categories",
  "pushed_at",
  "retain_until",
  "content_hash",
  "record_count",
  "payload_cipher",
  "purged_at",
] as const;

interface PushRow {
  id: string;
  region_code: string;
  subject_ref: string;
  data_subject_index: string;
  recipient_institution_id: string;
  consent_id: string;
  purpose: ConsentPurpose;
  application_id: string | null;
  categories: string[];
  data_from: string;
  data_to: string;
  pushed_at: Date | string;
  retain_until: Date | string;
  content_hash: string;
  record_count: number;
  payload_cipher: string | null;
  purged_at: Date | string | null;
}

function fromRow(r: PushRow): PushRecord {
  return {
    id: r.id,
    regionCode: r.region_code,
    subjectRef: r.subject_ref,
    dataSubjectIndex: r.data_subject_index,
    recipientInstitutionId: r.recipient_institution_id,
    consentId: r.consent_id,
    purpose: r.purpose,
    applicationId: r.application_id,
    categories: r.categories,
    dataPeriod: { from: r.data_from, to: r.data_to },
    pushedAt: toDate(r.pushed_at),
    retainUntil: toDate(r.retain_until),
    contentHash: r.content_hash,
    recordCount: r.record_count,
    payloadCipher: r.payload_cipher,
    purgedAt: toDateOrNull(r.purged_at),
  };
}

function toRow(p: PushRecord): PushRow {
  return {
    id: p.id,
    region_code: p.regionCode,
    subject_ref: p.subjectRef,
    data_subject_index: p.dataSubjectIndex,
    recipient_institution_id: p.recipientInstitutionId,
    consent_id: p.consentId,
    purpose: { module: p.purpose.module, kind: p.purpose.kind, ref: p.purpose.ref, text: p.purpose.text },
    application_id: p.applicationId,
    categories: [...p.categories],
    data_from: p.dataPeriod.from,
    data_to: p.dataPeriod.to,
    pushed_at: p.pushedAt,
    retain_until: p.retainUntil,
    content_hash: p.contentHash,
    record_count: p.recordCount,
    payload_cipher: p.payloadCipher,
    purged_at: p.purgedAt,
  };
}

type InsertColumn = keyof PushRow;

const INSERT_COLUMNS: readonly InsertColumn[] = [...COLUMNS, "data_from", "data_to"];

/** The push insert, compiled once (it runs on every data release). */
const INSERT = new CompiledStatement<InsertColumn>((db, slot) =>
  db.insertInto(TABLE).values(Object.fromEntries(INSERT_COLUMNS.map((c) => [c, slot(c)]))),
);

/** MKT-R03 push log: who received which categories under which consent, and the sealed content. */
export class KyselyPushLogRepository implements PushLogRepository {
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

  /**
   * Sent pipelined (see `PIPELINED`): nothing reads its result, and a failure of it (e.g. a
   * duplicate id) aborts the transaction and is raised by the unit's next awaited statement or
   * its COMMIT, so nothing of the unit commits.
   */
  async insert(push: PushRecord): Promise<void> {
    const db = await this.#db.write();
    await db.executeQuery(INSERT.bind(db, toRow(push), PIPELINED));
  }

  async get(id: string): Promise<PushRecord | undefined> {
    const row = await this.#select().where("id", "=", id).executeTakeFirst();
    return row ? fromRow(row as PushRow) : undefined;
  }

  async update(push: PushRecord): Promise<void> {
    const { id, ...rest } = toRow(push);
    await (await this.#db.write()).updateTable(TABLE).set(rest).where("id", "=", id).execute();
  }

  async listBySubject(subjectRef: string, regionCode: string): Promise<PushRecord[]> {
    const rows = await this.#select()
      .where("subject_ref", "=", subjectRef)
      .where("region_code", "=", regionCode)
      .orderBy("pushed_at", "desc")
      .orderBy("id", "desc")
      .execute();
    return rows.map((r) => fromRow(r as PushRow));
  }

  async listByRecipient(institutionId: string, regionCode: string, applicationId?: string): Promise<PushRecord[]> {
    let q = this.#select().where("recipient_institution_id", "=", institutionId).where("region_code", "=", regionCode);
    if (applicationId !== undefined) q = q.where("application_id", "=", applicationId);
    const rows = await q.orderBy("pushed_at", "desc").orderBy("id", "desc").execute();
    return rows.map((r) => fromRow(r as PushRow));
  }

  async listPastDataLife(regionCode: string, now: Date, limit: number): Promise<PushRecord[]> {
    const rows = await this.#select()
      .where("region_code", "=", regionCode)
      .where("payload_cipher", "is not", null)
      .where("retain_until", "<=", now)
      .orderBy("retain_until")
      .limit(limit)
      .execute();
    return rows.map((r) => fromRow(r as PushRow));
  }
}

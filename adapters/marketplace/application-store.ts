import { sql } from "kysely";
import type { Application, ApplicationRepository } from "../../core/marketplace/mod.ts";
import { CompiledStatement } from "../db/compiled-statement.ts";
import { type AnyDb, PIPELINED } from "../db/create-database.ts";
import { APPLICATION_COLUMNS, type ApplicationRow, applicationFromRow, applicationToRow } from "./application-row.ts";
import type { DbScope } from "./db-scope.ts";

export const APPLICATIONS = "marketplace.applications";

/** The select list that reads whole applications (submitted_on as text). */
export function selectApplications(db: AnyDb) {
  return db
    .selectFrom(APPLICATIONS)
    .select(APPLICATION_COLUMNS)
    .select(sql<string>`submitted_on::text`.as("submitted_on"));
}

type InsertColumn = keyof ApplicationRow | "updated_at";

const INSERT_COLUMNS: readonly InsertColumn[] = [...APPLICATION_COLUMNS, "submitted_on", "updated_at"];

/** The application insert, compiled once (it runs on every submission). */
const INSERT = new CompiledStatement<InsertColumn>((db, slot) =>
  db.insertInto(APPLICATIONS).values(Object.fromEntries(INSERT_COLUMNS.map((c) => [c, slot(c)]))),
);

/** Applications; `getForUpdate` holds the row lock until the unit of work ends. */
export class KyselyApplicationRepository implements ApplicationRepository {
  readonly #db: DbScope;
  readonly #now: () => Date;

  constructor(db: DbScope, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  async get(id: string): Promise<Application | undefined> {
    const row = await selectApplications(this.#db.read()).where("id", "=", id).executeTakeFirst();
    return row ? applicationFromRow(row as ApplicationRow) : undefined;
  }

  async getForUpdate(id: string): Promise<Application | undefined> {
    const row = await selectApplications(await this.#db.write())
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    return row ? applicationFromRow(row as ApplicationRow) : undefined;
  }

  /**
   * Sent pipelined (see `PIPELINED`): nothing reads its result, and a failure of it (e.g. a
   * duplicate id) aborts the transaction and is raised by the unit's next awaited statement or
   * its COMMIT, so nothing of the unit commits.
   */
  async insert(application: Application): Promise<void> {
    const db = await this.#db.write();
    const row = { ...applicationToRow(application), updated_at: this.#now() };
    await db.executeQuery(INSERT.bind(db, row, PIPELINED));
  }

  async update(application: Application): Promise<void> {
    const { id, ...rest } = applicationToRow(application);
    await (await this.#db.write())
      .updateTable(APPLICATIONS)
      .set({ ...rest, updated_at: this.#now() })
      .where("id", "=", id)
      .execute();
  }
}

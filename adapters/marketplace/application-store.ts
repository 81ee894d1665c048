import { sql } from "kysely";
import type { Application, ApplicationRepository } from "../../core/marketplace/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
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

  async insert(application: Application): Promise<void> {
    await (await this.#db.write())
      .insertInto(APPLICATIONS)
      .values({ ...applicationToRow(application), updated_at: this.#now() })
      .execute();
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

import type { Branch, Institution, InstitutionRepository } from "../../core/marketplace/mod.ts";
import type { DbScope } from "./db-scope.ts";
import { toDate } from "./sql-values.ts";

const TABLE = "marketplace.institutions";

interface InstitutionRow {
  id: string;
  region_code: string;
  kind: Institution["kind"];
  status: Institution["status"];
  name_zh: string;
  name_en: string;
  uscc: string;
  branches: { list: Branch[] };
  registered_at: Date | string;
}

function fromRow(r: InstitutionRow): Institution {
  return {
    id: r.id,
    regionCode: r.region_code,
    name: { zh: r.name_zh, en: r.name_en },
    kind: r.kind,
    uscc: r.uscc,
    branches: r.branches.list,
    status: r.status,
    registeredAt: toDate(r.registered_at),
  };
}

function toRow(i: Institution): InstitutionRow {
  return {
    id: i.id,
    region_code: i.regionCode,
    kind: i.kind,
    status: i.status,
    name_zh: i.name.zh,
    name_en: i.name.en,
    uscc: i.uscc,
    branches: {
      list: i.branches.map((b) => ({ id: b.id, name: { zh: b.name.zh, en: b.name.en }, regionCode: b.regionCode })),
    },
    registered_at: i.registeredAt,
  };
}

/** The catalogue's institutions (banks, guarantors, insurers) with their branches. */
export class KyselyInstitutionRepository implements InstitutionRepository {
  readonly #db: DbScope;

  constructor(db: DbScope) {
    this.#db = db;
  }

  async get(id: string): Promise<Institution | undefined> {
    const row = await this.#db.read().selectFrom(TABLE).selectAll().where("id", "=", id).executeTakeFirst();
    return row ? fromRow(row as InstitutionRow) : undefined;
  }

  async insert(institution: Institution): Promise<void> {
    await (await this.#db.write()).insertInto(TABLE).values(toRow(institution)).execute();
  }

  async update(institution: Institution): Promise<void> {
    const { id, ...rest } = toRow(institution);
    await (await this.#db.write()).updateTable(TABLE).set(rest).where("id", "=", id).execute();
  }

  async listByRegion(regionCode: string): Promise<Institution[]> {
    const rows = await this.#db
      .read()
      .selectFrom(TABLE)
      .selectAll()
      .where("region_code", "=", regionCode)
      .orderBy("id")
      .execute();
    return rows.map((r) => fromRow(r as InstitutionRow));
  }
}

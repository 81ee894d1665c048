import { type Expression, type SqlBool, sql } from "kysely";
import type { DataNeed, Institution, Product, ProductQuery, ProductRepository } from "../../core/marketplace/mod.ts";
import type { DbScope } from "./db-scope.ts";
import { toDate } from "./sql-values.ts";

const TABLE = "marketplace.products";

interface ProductRow {
  id: string;
  region_code: string;
  institution_id: string;
  name_zh: string;
  name_en: string;
  type: Product["type"];
  description: string;
  amount_min: number;
  amount_max: number;
  term_months_min: number;
  term_months_max: number;
  rate_min_bp: number;
  rate_max_bp: number;
  segments: Product["segments"][number][];
  special_actions: string[];
  channel: Product["channel"];
  data_needs: { list: DataNeed[] };
  data_period_months: number;
  data_life_months: number;
  status: Product["status"];
  registered_at: Date | string;
}

function fromRow(r: ProductRow): Product {
  return {
    id: r.id,
    regionCode: r.region_code,
    institutionId: r.institution_id,
    name: { zh: r.name_zh, en: r.name_en },
    type: r.type,
    description: r.description,
    amountMin: r.amount_min,
    amountMax: r.amount_max,
    termMonthsMin: r.term_months_min,
    termMonthsMax: r.term_months_max,
    rateMinBp: r.rate_min_bp,
    rateMaxBp: r.rate_max_bp,
    segments: r.segments,
    specialActions: r.special_actions,
    channel: r.channel,
    dataNeeds: r.data_needs.list,
    dataPeriodMonths: r.data_period_months,
    dataLifeMonths: r.data_life_months,
    status: r.status,
    registeredAt: toDate(r.registered_at),
  };
}

function toRow(p: Product): ProductRow {
  return {
    id: p.id,
    region_code: p.regionCode,
    institution_id: p.institutionId,
    name_zh: p.name.zh,
    name_en: p.name.en,
    type: p.type,
    description: p.description,
    amount_min: p.amountMin,
    amount_max: p.amountMax,
    term_months_min: p.termMonthsMin,
    term_months_max: p.termMonthsMax,
    rate_min_bp: p.rateMinBp,
    rate_max_bp: p.rateMaxBp,
    segments: [...p.segments],
    special_actions: [...p.specialActions],
    channel: p.channel,
    data_needs: {
      list: p.dataNeeds.map((n) => ({ category: n.category, purpose: n.purpose, required: n.required })),
    },
    data_period_months: p.dataPeriodMonths,
    data_life_months: p.dataLifeMonths,
    status: p.status,
    registered_at: p.registeredAt,
  };
}

/** The WHERE of a catalogue search; each filter means what rules/product-filter.ts says. */
function searchFilter(q: ProductQuery): Expression<SqlBool> {
  const parts = [sql<SqlBool>`region_code = ${q.regionCode}`];
  if (!q.includeWithdrawn) parts.push(sql<SqlBool>`status = 'ACTIVE'`);
  if (q.type !== undefined) parts.push(sql<SqlBool>`type = ${q.type}`);
  if (q.segment !== undefined) parts.push(sql<SqlBool>`segments @> array[${q.segment}]::text[]`);
  if (q.specialAction !== undefined) parts.push(sql<SqlBool>`special_actions @> array[${q.specialAction}]::text[]`);
  if (q.institutionId !== undefined) parts.push(sql<SqlBool>`institution_id = ${q.institutionId}`);
  if (q.channel !== undefined) parts.push(sql<SqlBool>`channel = ${q.channel}`);
  if (q.amount !== undefined) parts.push(sql<SqlBool>`${q.amount}::bigint between amount_min and amount_max`);
  if (q.termMonths !== undefined) {
    parts.push(sql<SqlBool>`${q.termMonths}::integer between term_months_min and term_months_max`);
  }
  const text = q.text?.trim().toLowerCase();
  if (text) parts.push(sql<SqlBool>`(strpos(lower(name_zh), ${text}) > 0 or strpos(lower(name_en), ${text}) > 0)`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** The catalogue's products; `search` pages in id order with the total count. */
export class KyselyProductRepository implements ProductRepository {
  readonly #db: DbScope;

  constructor(db: DbScope) {
    this.#db = db;
  }

  async get(id: string): Promise<Product | undefined> {
    const row = await this.#db.read().selectFrom(TABLE).selectAll().where("id", "=", id).executeTakeFirst();
    return row ? fromRow(row as ProductRow) : undefined;
  }

  async getWithInstitutionStatus(
    id: string,
  ): Promise<{ product: Product; institutionStatus: Institution["status"] | undefined } | undefined> {
    const row = await this.#db
      .read()
      .selectFrom(`${TABLE} as p`)
      .leftJoin("marketplace.institutions as i", "i.id", "p.institution_id")
      .selectAll("p")
      .select("i.status as institution_status")
      .where("p.id", "=", id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { institution_status, ...product } = row as ProductRow & { institution_status: Institution["status"] | null };
    return { product: fromRow(product), institutionStatus: institution_status ?? undefined };
  }

  async insert(product: Product): Promise<void> {
    await (await this.#db.write()).insertInto(TABLE).values(toRow(product)).execute();
  }

  async update(product: Product): Promise<void> {
    const { id, ...rest } = toRow(product);
    await (await this.#db.write()).updateTable(TABLE).set(rest).where("id", "=", id).execute();
  }

  async search(q: ProductQuery): Promise<{ items: Product[]; total: number }> {
    const where = searchFilter(q);
    const rows = await this.#db
      .read()
      .selectFrom(TABLE)
      .selectAll()
      .where(where)
      .orderBy("id")
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    const count = await this.#db
      .read()
      .selectFrom(TABLE)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where(where)
      .executeTakeFirstOrThrow();
    return { items: rows.map((r) => fromRow(r as ProductRow)), total: Number(count.n) };
  }
}

import type { InstitutionReport, ReportSnapshot, ReportSnapshotRepository } from "../../core/marketplace/mod.ts";
import type { DbScope } from "./db-scope.ts";
import { toDate } from "./sql-values.ts";

const TABLE = "marketplace.report_snapshots";

interface StoredReport {
  regionCode: string;
  at: string;
  rows: InstitutionReport["rows"];
  totals: InstitutionReport["totals"];
}

interface SnapshotRow {
  id: string;
  region_code: string;
  label: string;
  taken_at: Date | string;
  taken_by: string;
  report: StoredReport;
}

function fromRow(r: SnapshotRow): ReportSnapshot {
  return {
    id: r.id,
    regionCode: r.region_code,
    label: r.label,
    takenAt: toDate(r.taken_at),
    takenBy: r.taken_by,
    report: { regionCode: r.report.regionCode, at: toDate(r.report.at), rows: r.report.rows, totals: r.report.totals },
  };
}

/** 定期通报: the institution report frozen at a moment, kept as the notice of a period. */
export class KyselyReportSnapshotRepository implements ReportSnapshotRepository {
  readonly #db: DbScope;

  constructor(db: DbScope) {
    this.#db = db;
  }

  async insert(s: ReportSnapshot): Promise<void> {
    const report: StoredReport = {
      regionCode: s.report.regionCode,
      at: s.report.at.toISOString(),
      rows: s.report.rows.map((r) => ({ ...r })),
      totals: { ...s.report.totals },
    };
    await (await this.#db.write())
      .insertInto(TABLE)
      .values({
        id: s.id,
        region_code: s.regionCode,
        label: s.label,
        taken_at: s.takenAt,
        taken_by: s.takenBy,
        report,
      })
      .execute();
  }

  async get(id: string): Promise<ReportSnapshot | undefined> {
    const row = await this.#db.read().selectFrom(TABLE).selectAll().where("id", "=", id).executeTakeFirst();
    return row ? fromRow(row as SnapshotRow) : undefined;
  }

  async list(regionCode: string, limit: number): Promise<ReportSnapshot[]> {
    const rows = await this.#db
      .read()
      .selectFrom(TABLE)
      .selectAll()
      .where("region_code", "=", regionCode)
      .orderBy("taken_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => fromRow(r as SnapshotRow));
  }
}

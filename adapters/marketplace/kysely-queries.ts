import type {
  Application,
  FiguresQuery,
  FiguresResult,
  InstitutionReport,
  MarketplaceQueries,
  ReportColumn,
} from "../../core/marketplace/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { figuresQuery } from "./figures-query.ts";
import { institutionReportQuery, reportListQuery } from "./report-query.ts";

/** The marketplace's read side in SQL (report, report lists, figures), outside any transaction. */
export class KyselyMarketplaceQueries implements MarketplaceQueries {
  readonly #db: AnyDb;

  constructor(db: AnyDb) {
    this.#db = db;
  }

  institutionReport(q: { regionCode: string; now: Date; institutionId?: string }): Promise<InstitutionReport> {
    return institutionReportQuery(this.#db, q);
  }

  reportList(q: {
    regionCode: string;
    now: Date;
    column: ReportColumn;
    institutionId?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: Application[]; total: number }> {
    return reportListQuery(this.#db, q);
  }

  figures(q: FiguresQuery): Promise<FiguresResult> {
    return figuresQuery(this.#db, q);
  }
}

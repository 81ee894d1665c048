import * as v from "valibot";
import type { Principal } from "../../kernel/mod.ts";
import { ISOLATION_RULE, reportScope } from "../rules/institution-isolation.ts";
import type { InstitutionReport } from "../rules/institution-report.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { pageSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { type ApplicationView, applicationView } from "./views.ts";

/**
 * 银行机构对接实时通报 (MKT-R04/R05/R09): the live counts per institution — regulators see every
 * institution of the region, an institution only its own row — and, when a column is asked
 * for, the applications in it (the institution's work queue), oldest first.
 */
export const institutionReportInput = v.strictObject({
  column: v.optional(v.picklist(["pending", "overdue-for-contact", "long-unfinished", "open"])),
  institutionId: v.optional(v.pipe(v.string(), v.maxLength(100))),
  ...pageSchema,
});

export interface InstitutionReportAnswer {
  readonly report: InstitutionReport;
  readonly institutionNames: Readonly<Record<string, { zh: string; en: string }>>;
  readonly list?: { readonly items: readonly ApplicationView[]; readonly total: number };
}

export class GetInstitutionReport {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "queries" | "clock" | "cipher" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "queries" | "clock" | "cipher" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<InstitutionReportAnswer> {
    const d = this.#deps;
    const q = parseInput(institutionReportInput, input ?? {}, ISOLATION_RULE);
    const scope = reportScope(principal, d.regionCode);
    // An institution always sees only its own; a regulator may narrow to one institution.
    const institutionId = scope.institutionId ?? q.institutionId;
    const now = d.clock.now();
    const report = await d.queries.institutionReport({
      regionCode: d.regionCode,
      now,
      ...(institutionId !== undefined ? { institutionId } : {}),
    });
    const institutions = await d.uow.run((tx) => tx.institutions.listByRegion(d.regionCode));
    const institutionNames = Object.fromEntries(
      institutions.filter((i) => report.rows.some((r) => r.institutionId === i.id)).map((i) => [i.id, i.name]),
    );
    if (q.column === undefined) return { report, institutionNames };
    const page = await d.queries.reportList({
      regionCode: d.regionCode,
      now,
      column: q.column,
      limit: q.limit,
      offset: q.offset,
      ...(institutionId !== undefined ? { institutionId } : {}),
    });
    const items = page.items
      .filter((a) => scope.institutionId === undefined || a.institutionId === scope.institutionId)
      .map((a) => applicationView(a, d.cipher, principal));
    return { report, institutionNames, list: { items, total: page.total } };
  }
}

import * as v from "valibot";
import { DomainError, hasRole, inRegion, type Principal } from "../../kernel/mod.ts";
import { ISOLATION_RULE } from "../rules/institution-isolation.ts";
import type { ReportSnapshot } from "../rules/institution-report.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { textSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

/**
 * 定期通报: a regulator (or the scheduled job as platform admin) freezes the live report into a
 * numbered notice for the period; the outbox event lets a publisher send it out.
 */
export class TakeReportSnapshot {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "queries" | "clock" | "ids" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "queries" | "clock" | "ids" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<ReportSnapshot> {
    const d = this.#deps;
    const ok =
      hasRole(principal, "platform_admin") || (hasRole(principal, "regulator") && inRegion(principal, d.regionCode));
    if (!ok)
      throw new DomainError("notices are issued by the region's regulators", {
        ruleId: ISOLATION_RULE,
        kind: "forbidden",
      });
    const { label } = parseInput(v.strictObject({ label: textSchema(40) }), input, ISOLATION_RULE);
    const now = d.clock.now();
    const report = await d.queries.institutionReport({ regionCode: d.regionCode, now });
    const snapshot: ReportSnapshot = {
      id: d.ids.next("rpt"),
      regionCode: d.regionCode,
      label,
      takenAt: now,
      takenBy: principal.id,
      report,
    };
    return d.uow.run(async (tx) => {
      await tx.reportSnapshots.insert(snapshot);
      await recordChange(tx, {
        regionCode: d.regionCode,
        principal,
        action: "marketplace.report.snapshot",
        objectType: "report-snapshot",
        objectId: snapshot.id,
        detail: { label, totals: report.totals },
        event: { type: "marketplace.report.snapshot-taken", payload: { snapshotId: snapshot.id, label } },
      });
      return snapshot;
    });
  }

  /** Earlier notices, newest first (regulators and institution staff of the region). */
  async list(input: { readonly limit?: number } | undefined, principal: Principal): Promise<ReportSnapshot[]> {
    const d = this.#deps;
    if (!inRegion(principal, d.regionCode) || hasRole(principal, "citizen")) {
      throw new DomainError("notices are for regulators and institutions", {
        ruleId: ISOLATION_RULE,
        kind: "forbidden",
      });
    }
    return d.uow.run((tx) => tx.reportSnapshots.list(d.regionCode, Math.min(input?.limit ?? 24, 200)));
  }
}

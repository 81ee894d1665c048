import type { ReportSnapshot } from "../../../core/marketplace/mod.ts";
import { format, type Lang } from "../../pages/i18n.ts";
import { OnceField } from "./form-once.tsx";
import { beijingTime } from "./formatting.ts";
import { mkPath } from "./mk-paths.ts";
import type { PageProblem } from "./page-errors.ts";
import { ProblemBox } from "./page-kit.tsx";
import { staffText } from "./text-staff.ts";

/** 定期通报: earlier snapshots of the report and, for regulators, the form that takes one. */
export function SnapshotSection(props: {
  readonly lang: Lang;
  readonly region: string;
  readonly snapshots: readonly ReportSnapshot[];
  readonly mayTake: boolean;
  readonly once: string;
  readonly taken: string | undefined;
  readonly suggestedLabel: string;
  readonly problem?: PageProblem | undefined;
}) {
  const t = staffText(props.lang);
  return (
    <section class="mk-section" id="notices" data-testid="snapshots">
      <h2>{t.snapshotsTitle}</h2>
      {props.taken ? (
        <p class="notice" data-testid="snapshot-taken">
          {format(t.snapshotTaken, { label: props.taken })}
        </p>
      ) : null}
      <ProblemBox lang={props.lang} problem={props.problem} />
      {props.mayTake ? (
        <form method="post" action={mkPath.snapshot(props.region)} data-testid="snapshot-form">
          <OnceField value={props.once} />
          <label for="label">{t.snapshotLabel}</label>
          <input id="label" name="label" maxlength={40} required value={props.suggestedLabel} />
          <button class="btn btn-2" type="submit">
            {t.snapshotTake}
          </button>
        </form>
      ) : null}
      {props.snapshots.length === 0 ? (
        <p class="mk-empty">{t.snapshotsNone}</p>
      ) : (
        <div class="mk-scroll">
          <table class="mk-table">
            <thead>
              <tr>
                <th>{t.snapshotsTitle}</th>
                <th>{t.takenAt}</th>
                <th class="num">{t.pending}</th>
                <th class="num">{t.overdue}</th>
                <th class="num">{t.longUnfinished}</th>
              </tr>
            </thead>
            <tbody>
              {props.snapshots.map((s) => (
                <tr data-testid="snapshot" data-label={s.label}>
                  <td>{s.label}</td>
                  <td>{beijingTime(s.takenAt)}</td>
                  <td class="num">{s.report.totals.pending}</td>
                  <td class="num">{s.report.totals.overdueForContact}</td>
                  <td class="num">{s.report.totals.longUnfinished}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

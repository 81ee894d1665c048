import type { ApplicationView, ReportColumn } from "../../../core/marketplace/mod.ts";
import { format, type Lang } from "../../pages/i18n.ts";
import { beijingTime, yuan } from "./formatting.ts";
import { mkPath } from "./mk-paths.ts";
import { StateBadge } from "./page-kit.tsx";
import { staffText } from "./text-staff.ts";

/** One report column's applications (work queue or board list), oldest first, with paging links. */
export function ApplicationTable(props: {
  readonly lang: Lang;
  readonly region: string;
  readonly column: ReportColumn;
  readonly items: readonly ApplicationView[];
  readonly total: number;
  readonly offset: number;
  readonly now: Date;
  readonly productName: (id: string) => string;
  readonly institutionName?: (id: string) => string;
  readonly pageHref: (offset: number) => string;
  readonly pageSize: number;
}) {
  const { lang, items } = props;
  const t = staffText(lang);
  if (items.length === 0) return <p class="mk-empty">{t.listNone}</p>;
  const late = (due: Date) => props.now.getTime() >= due.getTime();
  return (
    <>
      <div class="mk-scroll">
        <table class="mk-table" data-testid="application-list" data-column={props.column}>
          <thead>
            <tr>
              <th>{t.colApplication}</th>
              {props.institutionName ? <th>{t.colInstitution}</th> : null}
              <th>{t.colApplicant}</th>
              <th>{t.colProduct}</th>
              <th class="num">{t.colAmount}</th>
              <th>{t.colSubmitted}</th>
              <th>{t.colContactDue}</th>
              <th>{t.colState}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr data-testid="application-row" data-application={a.id}>
                <td>
                  <a href={mkPath.application(props.region, a.id)} class="mk-code">
                    {a.id}
                  </a>
                  {a.firstLoan ? <span class="mk-tag mk-tag-action">{t.firstLoan}</span> : null}
                  {a.source === "qr" ? <span class="mk-tag">{t.qr}</span> : null}
                </td>
                {props.institutionName ? <td>{props.institutionName(a.institutionId)}</td> : null}
                <td>{a.applicantName}</td>
                <td>{props.productName(a.productId)}</td>
                <td class="num">{yuan(lang, a.amountRequested)}</td>
                <td>{beijingTime(a.submittedAt)}</td>
                <td class={a.state === "SUBMITTED" && late(a.contactDueAt) ? "mk-hot" : undefined}>
                  {beijingTime(a.contactDueAt)}
                </td>
                <td>
                  <StateBadge lang={lang} state={a.state} />
                  {a.state === "SUBMITTED" && late(a.contactDueAt) ? <div class="mk-flag">{t.overdue}</div> : null}
                  {(a.state === "SUBMITTED" || a.state === "CONTACTED") && late(a.concludeDueAt) ? (
                    <div class="mk-flag">{t.longUnfinished}</div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="mk-pager">
        {props.offset > 0 ? (
          <a href={props.pageHref(Math.max(0, props.offset - props.pageSize))}>{t.prev}</a>
        ) : (
          <span />
        )}
        <span class="hint">
          {format(t.shown, { from: props.offset + 1, to: props.offset + items.length, total: props.total })}
        </span>
        {props.offset + items.length < props.total ? (
          <a href={props.pageHref(props.offset + props.pageSize)}>{t.next}</a>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}

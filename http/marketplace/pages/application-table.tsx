import type { ApplicationView, ReportColumn } from "../../../core/marketplace/mod.ts";
import { format, type Lang } from "../../pages/i18n.ts";
import { beijingDeadline, beijingTime, yuan } from "./formatting.ts";
import { mkPath } from "./mk-paths.ts";
import { StateBadge } from "./page-kit.tsx";
import { staffText } from "./text-staff.ts";

/** The tail of an id, enough to tell applications apart on a screen (the link has the whole id). */
function shortId(id: string): string {
  return id.length > 10 ? `…${id.slice(-8)}` : id;
}

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
        <table class="mk-table mk-rtable" data-testid="application-list" data-column={props.column}>
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
                <td data-label={t.colApplication}>
                  <span>
                    <a href={mkPath.application(props.region, a.id)} class="mk-code" title={a.id}>
                      {shortId(a.id)}
                    </a>
                    {a.firstLoan ? <span class="mk-tag mk-tag-action">{t.firstLoan}</span> : null}
                    {a.source === "qr" ? <span class="mk-tag">{t.qr}</span> : null}
                  </span>
                </td>
                {props.institutionName ? (
                  <td data-label={t.colInstitution}>{props.institutionName(a.institutionId)}</td>
                ) : null}
                <td data-label={t.colApplicant}>{a.applicantName}</td>
                <td data-label={t.colProduct}>{props.productName(a.productId)}</td>
                <td class="num" data-label={t.colAmount}>
                  {yuan(lang, a.amountRequested)}
                </td>
                <td data-label={t.colSubmitted}>{beijingTime(a.submittedAt)}</td>
                <td
                  data-label={t.colContactDue}
                  class={a.state === "SUBMITTED" && late(a.contactDueAt) ? "mk-hot" : undefined}
                >
                  {beijingDeadline(a.contactDueAt)}
                </td>
                <td data-label={t.colState}>
                  <span>
                    <StateBadge lang={lang} state={a.state} />
                    {a.state === "SUBMITTED" && late(a.contactDueAt) ? <span class="mk-flag"> {t.overdue}</span> : null}
                    {(a.state === "SUBMITTED" || a.state === "CONTACTED") && late(a.concludeDueAt) ? (
                      <span class="mk-flag"> {t.longUnfinished}</span>
                    ) : null}
                  </span>
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

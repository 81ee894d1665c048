import type { Principal } from "../../../core/kernel/mod.ts";
import type { ApplicationView, InstitutionReportRow, ReportColumn } from "../../../core/marketplace/mod.ts";
import { format, type Lang } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { ApplicationTable } from "./application-table.tsx";
import { ApplyCodeSection, type ApplyCodeSectionProps } from "./apply-code-section.tsx";
import { mkPath, queryString } from "./mk-paths.ts";
import type { PageProblem } from "./page-errors.ts";
import { MkPage, ProblemBox } from "./page-kit.tsx";
import { staffText } from "./text-staff.ts";

export const QUEUE_COLUMNS: readonly ReportColumn[] = ["open", "pending", "overdue-for-contact", "long-unfinished"];

/** The four counters of one report row, each a link to its column. */
export function ReportTiles(props: {
  readonly lang: Lang;
  readonly row: Omit<InstitutionReportRow, "institutionId">;
  readonly href: (column: ReportColumn) => string;
}) {
  const t = staffText(props.lang);
  const r = props.row;
  const tile = (column: ReportColumn, label: string, n: number, hot: boolean) => (
    <a
      class={hot && n > 0 ? "mk-stat hot" : "mk-stat"}
      href={props.href(column)}
      data-testid={`count-${column}`}
      data-count={String(n)}
    >
      <b>{n}</b>
      <span>{label}</span>
    </a>
  );
  return (
    <div class="mk-stats">
      {tile("pending", t.pending, r.pending, false)}
      {tile("overdue-for-contact", t.overdue, r.overdueForContact, true)}
      {tile("long-unfinished", t.longUnfinished, r.longUnfinished, true)}
      {tile("open", t.open, r.open, false)}
    </div>
  );
}

export function QueuePage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly principal: Principal;
  readonly simulated: boolean;
  readonly institutionName: string;
  readonly deadlines: { readonly contact: number; readonly conclude: number };
  readonly row: Omit<InstitutionReportRow, "institutionId">;
  readonly column: ReportColumn;
  readonly items: readonly ApplicationView[];
  readonly total: number;
  readonly offset: number;
  readonly pageSize: number;
  readonly now: Date;
  readonly productName: (id: string) => string;
  readonly codes: ApplyCodeSectionProps;
  readonly problem?: PageProblem | undefined;
}) {
  const { page, region } = props;
  const lang = page.lang;
  const t = staffText(lang);
  const href = (column: ReportColumn, offset = 0) =>
    mkPath.queue(region, queryString({ column, offset: offset > 0 ? offset : undefined }));
  return (
    <MkPage
      page={page}
      title={t.queueTitle}
      region={region}
      principal={props.principal}
      current="queue"
      simulated={props.simulated}
    >
      <h1>
        {t.queueTitle} · <span data-testid="queue-institution">{props.institutionName}</span>
      </h1>
      <p class="mk-lead">{format(t.queueLead, props.deadlines)}</p>
      <ProblemBox lang={lang} problem={props.problem} />
      <ReportTiles lang={lang} row={props.row} href={(col) => href(col)} />
      <nav class="mk-tabs" aria-label={t.queueTitle}>
        {QUEUE_COLUMNS.map((col) => (
          <a href={href(col)} aria-current={col === props.column ? "page" : undefined} data-column={col}>
            {t[`column.${col}`]}
          </a>
        ))}
      </nav>
      <ApplicationTable
        lang={lang}
        region={region}
        column={props.column}
        items={props.items}
        total={props.total}
        offset={props.offset}
        now={props.now}
        productName={props.productName}
        pageHref={(offset) => href(props.column, offset)}
        pageSize={props.pageSize}
      />
      <ApplyCodeSection {...props.codes} />
    </MkPage>
  );
}

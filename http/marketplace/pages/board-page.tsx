import type { Child } from "hono/jsx";
import type { Principal } from "../../../core/kernel/mod.ts";
import type { ApplicationView, InstitutionReport, ReportColumn } from "../../../core/marketplace/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { ApplicationTable } from "./application-table.tsx";
import { BarChart } from "./bar-chart.tsx";
import { beijingTime } from "./formatting.ts";
import { mkPath, queryString } from "./mk-paths.ts";
import { MkPage } from "./page-kit.tsx";
import { ReportTiles } from "./queue-page.tsx";
import { staffText } from "./text-staff.ts";

/** 银行机构对接实时通报: the live report per institution with its chart, lists, figures and notices. */
export interface BoardList {
  readonly column: ReportColumn;
  readonly institutionId: string | undefined;
  readonly items: readonly ApplicationView[];
  readonly total: number;
  readonly offset: number;
  readonly pageSize: number;
}

export const REPORT_COLOURS = { pending: "#f2b134", overdue: "#b3261e", long: "#6a3d9a" } as const;
/** Rows the chart shows at most (worst first); the table lists every institution. */
const CHART_ROWS = 15;

export function BoardPage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly principal: Principal;
  readonly simulated: boolean;
  readonly deadlines: { readonly contact: number; readonly conclude: number };
  readonly report: InstitutionReport;
  readonly institutionName: (id: string) => string;
  readonly productName: (id: string) => string;
  readonly list: BoardList | undefined;
  readonly figures: Child;
  readonly snapshots: Child;
}) {
  const { page, region, report } = props;
  const lang = page.lang;
  const t = staffText(lang);
  const href = (column: ReportColumn, institutionId?: string, offset?: number) =>
    `${mkPath.board(region, queryString({ column, institution: institutionId, offset: offset || undefined }))}#list`;
  const waiting = report.rows.filter((r) => r.pending > 0 || r.open > 0 || r.longUnfinished > 0);
  const count = (n: number, column: ReportColumn, id: string, hot = false) =>
    n === 0 ? (
      <span>0</span>
    ) : (
      <a class={hot ? "num mk-hot" : "num"} href={href(column, id)} data-testid={`cell-${column}`}>
        {n}
      </a>
    );
  const list = props.list;
  return (
    <MkPage
      page={page}
      title={t.boardTitle}
      region={region}
      principal={props.principal}
      current="board"
      simulated={props.simulated}
    >
      <h1>{t.boardTitle}</h1>
      <p class="mk-lead">{format(t.boardLead, props.deadlines)}</p>
      <p class="hint" data-testid="report-at">
        {format(t.at, { at: beijingTime(report.at) })}
      </p>
      <ReportTiles lang={lang} row={report.totals} href={(col) => href(col)} />
      <section class="mk-section">
        <h2>{t.chartTitle}</h2>
        <div class="mk-legend">
          <span>
            <i class="mk-key mk-key-pending" />
            {t.pending}
          </span>
          <span>
            <i class="mk-key mk-key-overdue" />
            {t.overdue}
          </span>
          <span>
            <i class="mk-key mk-key-long" />
            {t.longUnfinished}
          </span>
        </div>
        {waiting.length === 0 ? (
          <p class="mk-empty">{t.chartNone}</p>
        ) : (
          <BarChart
            title={t.chartTitle}
            testid="report-chart"
            series={[
              { key: "pending", name: t.pending, colour: REPORT_COLOURS.pending },
              { key: "overdue-for-contact", name: t.overdue, colour: REPORT_COLOURS.overdue },
              { key: "long-unfinished", name: t.longUnfinished, colour: REPORT_COLOURS.long },
            ]}
            rows={waiting.slice(0, CHART_ROWS).map((r) => ({
              label: props.institutionName(r.institutionId),
              values: [r.pending, r.overdueForContact, r.longUnfinished],
            }))}
          />
        )}
      </section>
      <section class="mk-section">
        <h2>{t.tableTitle}</h2>
        <div class="mk-scroll">
          <table class="mk-table" data-testid="report-table">
            <thead>
              <tr>
                <th>{t.colInstitution}</th>
                <th class="num">{t.pending}</th>
                <th class="num">{t.overdue}</th>
                <th class="num">{t.longUnfinished}</th>
                <th class="num">{t.open}</th>
                <th class="num">{t.fallbacks}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr data-testid="report-row" data-institution={r.institutionId}>
                  <td>{props.institutionName(r.institutionId)}</td>
                  <td class="num">{count(r.pending, "pending", r.institutionId)}</td>
                  <td class="num">{count(r.overdueForContact, "overdue-for-contact", r.institutionId, true)}</td>
                  <td class="num">{count(r.longUnfinished, "long-unfinished", r.institutionId, true)}</td>
                  <td class="num">{count(r.open, "open", r.institutionId)}</td>
                  <td class="num">{r.instantFallbacks}</td>
                </tr>
              ))}
              <tr>
                <th>{t.total}</th>
                <th class="num">{report.totals.pending}</th>
                <th class="num">{report.totals.overdueForContact}</th>
                <th class="num">{report.totals.longUnfinished}</th>
                <th class="num">{report.totals.open}</th>
                <th class="num">{report.totals.instantFallbacks}</th>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      {list ? (
        <section class="mk-section" id="list" data-testid="board-list">
          <h2>
            {format(t.listTitle, {
              column: t[`column.${list.column}`],
              institution: list.institutionId ? props.institutionName(list.institutionId) : t.allInstitutions,
            })}
          </h2>
          <ApplicationTable
            lang={lang}
            region={region}
            column={list.column}
            items={list.items}
            total={list.total}
            offset={list.offset}
            now={report.at}
            productName={props.productName}
            institutionName={props.institutionName}
            pageHref={(offset) => href(list.column, list.institutionId, offset)}
            pageSize={list.pageSize}
          />
        </section>
      ) : null}
      {props.figures}
      {props.snapshots}
    </MkPage>
  );
}

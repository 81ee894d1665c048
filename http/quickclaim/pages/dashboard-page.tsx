import type { FiguresRow } from "../../../core/quickclaim/mod.ts";
import type { Lang } from "../../pages/i18n.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import type { PageProblem } from "./page-errors.ts";
import { duration, ProblemBox, percent, QcPage } from "./page-kit.tsx";
import { qcPath } from "./qc-paths.ts";
import { BarChart, type BarGroup, Legend } from "./svg-charts.tsx";
import { type DashboardText, dashboardText } from "./text-dashboard.ts";

export interface DashboardFilter {
  readonly area: string;
  readonly from: string;
  readonly to: string;
  readonly groupBy: "centre" | "county";
}

function Kpi(props: {
  readonly label: string;
  readonly value: string;
  readonly sub?: string;
  readonly testid: string;
}) {
  return (
    <div class="qc-kpi" data-testid={props.testid}>
      <span>{props.label}</span>
      <b>{props.value}</b>
      {props.sub ? <span>{props.sub}</span> : null}
    </div>
  );
}

/** Minutes with one decimal for chart bars and ticks. */
function minutes(seconds: number): string {
  return (Math.round(seconds / 6) / 10).toString();
}

function Kpis(props: { readonly lang: Lang; readonly t: DashboardText; readonly total: FiguresRow }) {
  const { t, total, lang } = props;
  return (
    <div class="qc-kpis" data-testid="kpis">
      <Kpi testid="kpi-accidents" label={t.accidents} value={format(t.cases, { n: total.accidents })} />
      <Kpi
        testid="kpi-remote"
        label={t.remoteShare}
        value={percent(total.remoteShareBp)}
        sub={`${t.remote} ${format(t.cases, { n: total.handledRemotely })}`}
      />
      <Kpi
        testid="kpi-handling"
        label={`${t.handling}（${t.average}）`}
        value={duration(total.handling.averageSeconds, lang)}
        sub={`${t.median} ${duration(total.handling.medianSeconds, lang)} · ${t.fastest} ${duration(total.handling.fastestSeconds, lang)}`}
      />
      <Kpi
        testid="kpi-payout"
        label={`${t.payout}（${t.average}）`}
        value={duration(total.payout.averageSeconds, lang)}
        sub={`${t.median} ${duration(total.payout.medianSeconds, lang)} · ${t.fastest} ${duration(total.payout.fastestSeconds, lang)}`}
      />
      <Kpi testid="kpi-no-dispute" label={t.noDispute} value={percent(total.noDisputeShareBp)} />
      <Kpi
        testid="kpi-satisfaction"
        label={t.satisfaction}
        value={percent(total.satisfactionBp)}
        sub={format(t.surveys, { n: total.surveys })}
      />
      <Kpi testid="kpi-suggestions" label={t.suggestions} value={format(t.suggestionsN, { n: total.suggestions })} />
    </div>
  );
}

function Charts(props: {
  readonly lang: Lang;
  readonly t: DashboardText;
  readonly rows: readonly FiguresRow[];
  readonly labelOf: (key: string) => string;
  readonly groupBy: DashboardFilter["groupBy"];
}) {
  const { t, rows, labelOf, lang } = props;
  const pct = (bp: number | null) => (bp === null ? null : bp);
  const timeGroups = (pick: (r: FiguresRow) => FiguresRow["handling"]): BarGroup[] =>
    rows.map((r) => {
      const s = pick(r);
      const vals = [s.averageSeconds, s.medianSeconds, s.fastestSeconds];
      return { label: labelOf(r.key), values: vals, texts: vals.map((v) => (v === null ? "—" : duration(v, lang))) };
    });
  const timeSeries = [t.average, t.median, t.fastest];
  const tickMinutes = (v: number) => format(t.minutes, { n: minutes(v) });
  return (
    <div class="qc-charts">
      <section class="card">
        <h2>{format(t.chartRemote, { group: t[`group.${props.groupBy}`] })}</h2>
        <BarChart
          id="chart-remote"
          title={format(t.chartRemote, { group: t[`group.${props.groupBy}`] })}
          series={[t.remoteShare]}
          max={10_000}
          tick={(v) => percent(Math.round(v))}
          groups={rows.map((r) => ({
            label: labelOf(r.key),
            values: [pct(r.remoteShareBp)],
            texts: [`${percent(r.remoteShareBp)}（${r.handledRemotely}/${r.accidents}）`],
          }))}
        />
      </section>
      <section class="card">
        <h2>{t.chartHandling}</h2>
        <Legend series={timeSeries} />
        <BarChart
          id="chart-handling"
          title={t.chartHandling}
          series={timeSeries}
          tick={tickMinutes}
          groups={timeGroups((r) => r.handling)}
        />
      </section>
      <section class="card">
        <h2>{t.chartPayout}</h2>
        <Legend series={timeSeries} />
        <BarChart
          id="chart-payout"
          title={t.chartPayout}
          series={timeSeries}
          tick={tickMinutes}
          groups={timeGroups((r) => r.payout)}
        />
      </section>
      <section class="card">
        <h2>{t.chartQuality}</h2>
        <Legend series={[t.noDispute, t.satisfaction]} />
        <BarChart
          id="chart-quality"
          title={t.chartQuality}
          series={[t.noDispute, t.satisfaction]}
          max={10_000}
          tick={(v) => percent(Math.round(v))}
          groups={rows.map((r) => ({
            label: labelOf(r.key),
            values: [pct(r.noDisputeShareBp), pct(r.satisfactionBp)],
            texts: [percent(r.noDisputeShareBp), percent(r.satisfactionBp)],
          }))}
        />
      </section>
    </div>
  );
}

function FiguresTable(props: {
  readonly lang: Lang;
  readonly t: DashboardText;
  readonly rows: readonly FiguresRow[];
  readonly labelOf: (key: string) => string;
}) {
  const { t, lang } = props;
  return (
    <div class="qc-scroll">
      <table class="qc-table" data-testid="figures-table">
        <thead>
          <tr>
            <th>{t.group}</th>
            <th class="num">{t.accidents}</th>
            <th class="num">{t.remoteShare}</th>
            <th class="num">
              {t.handling}（{t.average}/{t.median}/{t.fastest}）
            </th>
            <th class="num">
              {t.payout}（{t.average}/{t.median}/{t.fastest}）
            </th>
            <th class="num">{t.noDispute}</th>
            <th class="num">{t.satisfaction}</th>
            <th class="num">{t.suggestions}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr data-key={r.key}>
              <td>{props.labelOf(r.key)}</td>
              <td class="num">{r.accidents}</td>
              <td class="num">{percent(r.remoteShareBp)}</td>
              <td class="num">
                {[r.handling.averageSeconds, r.handling.medianSeconds, r.handling.fastestSeconds]
                  .map((s) => duration(s, lang))
                  .join(" / ")}
              </td>
              <td class="num">
                {[r.payout.averageSeconds, r.payout.medianSeconds, r.payout.fastestSeconds]
                  .map((s) => duration(s, lang))
                  .join(" / ")}
              </td>
              <td class="num">{percent(r.noDisputeShareBp)}</td>
              <td class="num">
                {percent(r.satisfactionBp)}（{r.surveys}）
              </td>
              <td class="num">{r.suggestions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** QC-R08 regulator dashboard: filters, KPI tiles, four server-drawn charts, the table, suggestions. */
export function DashboardPage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly areas: readonly { readonly code: string; readonly name: string }[];
  readonly filter: DashboardFilter;
  readonly total: FiguresRow | undefined;
  readonly rows: readonly FiguresRow[];
  readonly labelOf: (key: string) => string;
  readonly problem?: PageProblem | undefined;
}) {
  const { page, filter } = props;
  const lang = page.lang;
  const t = dashboardText(lang);
  return (
    <QcPage page={page} title={t.title}>
      <h1>{t.title}</h1>
      <p class="hint">{t.lead}</p>
      <form method="get" action={qcPath.dashboard(props.region)} class="card qc-filter" data-testid="dashboard-filter">
        <div>
          <label for="area">{t.area}</label>
          <select id="area" name="area">
            {props.areas.map((a) => (
              <option value={a.code} selected={a.code === filter.area}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="groupBy">{t.groupBy}</label>
          <select id="groupBy" name="groupBy">
            <option value="centre" selected={filter.groupBy === "centre"}>
              {t["group.centre"]}
            </option>
            <option value="county" selected={filter.groupBy === "county"}>
              {t["group.county"]}
            </option>
          </select>
        </div>
        <div>
          <label for="from">{t.from}</label>
          <input id="from" name="from" type="date" value={filter.from} />
        </div>
        <div>
          <label for="to">{t.to}</label>
          <input id="to" name="to" type="date" value={filter.to} />
        </div>
        <button class="btn" type="submit">
          {t.show}
        </button>
      </form>
      <ProblemBox lang={lang} problem={props.problem} />
      {props.total ? <Kpis lang={lang} t={t} total={props.total} /> : null}
      {props.total && props.total.handling.medianPrecisionSeconds > 1 ? (
        <p class="hint" data-testid="median-note">
          {t.medianNote}
        </p>
      ) : null}
      {props.total && props.total.accidents === 0 ? <p class="notice">{t.noneYet}</p> : null}
      {props.rows.length > 0 ? (
        <>
          <Charts lang={lang} t={t} rows={props.rows} labelOf={props.labelOf} groupBy={filter.groupBy} />
          <section class="card">
            <h2>{t.table}</h2>
            <FiguresTable lang={lang} t={t} rows={props.rows} labelOf={props.labelOf} />
          </section>
        </>
      ) : null}
      {props.total && props.total.recentSuggestions.length > 0 ? (
        <section class="card">
          <h2>{t.recent}</h2>
          <ul class="qc-suggestions" data-testid="suggestions">
            {props.total.recentSuggestions.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </QcPage>
  );
}

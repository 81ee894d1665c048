import type { FiguresGroupBy, FiguresResult } from "../../../core/marketplace/mod.ts";
import type { Lang } from "../../pages/i18n.ts";
import { BarChart } from "./bar-chart.tsx";
import { yuan, yuanNumber } from "./formatting.ts";
import { mkPath } from "./mk-paths.ts";
import type { PageProblem } from "./page-errors.ts";
import { ProblemBox } from "./page-kit.tsx";
import { staffText } from "./text-staff.ts";

/**
 * Outcome figures (seed: financings, first-loan borrowers, amount granted, average per
 * financing) for a period, grouped by institution, product, special action or month, with an
 * SVG bar chart of the amount granted per group.
 */
export const GROUPS: readonly FiguresGroupBy[] = ["institution", "product", "special-action", "month"];

export interface FiguresQueryForm {
  readonly groupBy: FiguresGroupBy;
  readonly from: string;
  readonly to: string;
}

export function FiguresSection(props: {
  readonly lang: Lang;
  readonly region: string;
  readonly query: FiguresQueryForm;
  readonly figures: FiguresResult | undefined;
  readonly problem: PageProblem | undefined;
  readonly keyName: (key: string) => string;
}) {
  const { lang, query: q, figures } = props;
  const t = staffText(lang);
  const total = figures?.total;
  return (
    <section class="mk-section" id="figures" data-testid="figures">
      <h2>{t.figuresTitle}</h2>
      <form method="get" action={`${mkPath.board(props.region)}#figures`} data-testid="figures-form">
        <div class="mk-filter-grid">
          <div>
            <label for="groupBy">{t.groupBy}</label>
            <select id="groupBy" name="groupBy">
              {GROUPS.map((g) => (
                <option value={g} selected={g === q.groupBy}>
                  {t[`group.${g}`]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="from">{t.from}</label>
            <input id="from" name="from" type="date" value={q.from} />
          </div>
          <div>
            <label for="to">{t.to}</label>
            <input id="to" name="to" type="date" value={q.to} />
          </div>
        </div>
        <button class="btn btn-2" type="submit">
          {t.show}
        </button>
      </form>
      <ProblemBox lang={lang} problem={props.problem} />
      {total ? (
        <div class="mk-stats" data-testid="figures-total">
          <div class="mk-stat" data-testid="fig-financings" data-value={String(total.financings)}>
            <b>{total.financings}</b>
            <span>{t.financings}</span>
          </div>
          <div class="mk-stat" data-testid="fig-first-loan" data-value={String(total.firstLoanBorrowers)}>
            <b>{total.firstLoanBorrowers}</b>
            <span>{t.firstLoanBorrowers}</span>
          </div>
          <div class="mk-stat mk-stat-money" data-testid="fig-amount" data-value={String(total.amountGranted)}>
            <b>{yuan(lang, total.amountGranted)}</b>
            <span>{t.amountGranted}</span>
          </div>
          <div class="mk-stat mk-stat-money" data-testid="fig-average">
            <b>{yuan(lang, total.averagePerFinancing)}</b>
            <span>{t.average}</span>
          </div>
        </div>
      ) : null}
      {figures && figures.groups.length === 0 ? <p class="mk-empty">{t.figuresNone}</p> : null}
      {figures && figures.groups.length > 0 ? (
        <>
          <BarChart
            title={t.figuresChart}
            testid="figures-chart"
            series={[{ key: "amount", name: t.amountGranted, colour: "#0b5cad" }]}
            rows={figures.groups.map((g) => ({ label: props.keyName(g.key), values: [g.amountGranted] }))}
            formatValue={yuanNumber}
          />
          <div class="mk-scroll">
            <table class="mk-table" data-testid="figures-table">
              <thead>
                <tr>
                  <th>{t[`group.${q.groupBy}`]}</th>
                  <th class="num">{t.financings}</th>
                  <th class="num">{t.firstLoanBorrowers}</th>
                  <th class="num">{t.amountGranted}</th>
                  <th class="num">{t.average}</th>
                </tr>
              </thead>
              <tbody>
                {figures.groups.map((g) => (
                  <tr data-key={g.key}>
                    <td>{props.keyName(g.key)}</td>
                    <td class="num">{g.financings}</td>
                    <td class="num">{g.firstLoanBorrowers}</td>
                    <td class="num">{yuan(lang, g.amountGranted)}</td>
                    <td class="num">{yuan(lang, g.averagePerFinancing)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

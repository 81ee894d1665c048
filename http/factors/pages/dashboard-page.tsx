import { type CreditProduct, type Dashboard, type FactorsPolicy, SHARING_PARTIES } from "../../../core/factors/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { type Choice, SelectField, TextField } from "./fields.tsx";
import { placeName, typeName, wan } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import type { PageProblem } from "./page-errors.ts";
import { type FxFrame, FxPage, ProblemBox } from "./page-kit.tsx";
import { type Bar, BarChart } from "./svg-charts.tsx";
import { commonText } from "./text-common.ts";
import { dashboardText } from "./text-dashboard.ts";
import { lendingText } from "./text-lending.ts";

export interface DashboardFilter {
  readonly area: string;
  readonly from: string;
  readonly to: string;
}

/** Bars of a fen-by-key record, largest first, labelled by `label`. */
function moneyBars(values: Readonly<Record<string, number>>, label: (key: string) => string): Bar[] {
  return Object.entries(values)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, v]) => ({ key, label: label(key), value: v, text: wan(v) }));
}

function ChartCard(props: {
  readonly id: string;
  readonly title: string;
  readonly bars: readonly Bar[];
  readonly empty: string;
  readonly unit: string;
}) {
  return (
    <section class="card" data-testid={`${props.id}-card`}>
      <h2>
        {props.title}
        {props.unit ? <span class="hint">（{props.unit}）</span> : null}
      </h2>
      {props.bars.length === 0 ? (
        <p class="hint">{props.empty}</p>
      ) : (
        <BarChart id={props.id} title={props.title} bars={props.bars} />
      )}
    </section>
  );
}

/** County and city dashboards: the seed's figures recomputed from data, with server-drawn charts. */
export function DashboardPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly areas: readonly Choice[];
  readonly filter: DashboardFilter;
  readonly dashboard: Dashboard | undefined;
  readonly policy: FactorsPolicy;
  readonly products: readonly CreditProduct[];
  readonly problem?: PageProblem;
}) {
  const { page, dashboard: d, policy, filter } = props;
  const lang = page.lang;
  const t = dashboardText(lang);
  const c = commonText(lang);
  const l = lendingText(lang);
  const productName = new Map(props.products.map((p) => [p.id, p.name[lang]]));
  return (
    <FxPage page={page} title={t.title} frame={{ ...props.frame, on: "dashboard" }}>
      <h1>{t.title}</h1>
      <p class="tagline">{t.intro}</p>
      <form
        method="get"
        action={fxPath.dashboard(props.frame.region)}
        class="card fx-filter"
        data-testid="dashboard-filter"
      >
        <div>
          <SelectField name="area" label={t.area} choices={props.areas} value={filter.area} />
        </div>
        <div>
          <TextField name="from" label={t.from} type="date" value={filter.from} />
        </div>
        <div>
          <TextField name="to" label={t.to} type="date" value={filter.to} />
        </div>
        <button class="btn fx-2" type="submit" data-testid="dashboard-apply">
          {t.apply}
        </button>
      </form>
      <ProblemBox problem={props.problem} lang={lang} />
      {d ? (
        <>
          <div class="fx-kpis" data-testid="kpis">
            {(
              [
                ["entities", t.entities, String(d.entitiesFinanced)],
                ["holders", format(t.entitiesWithBalance, { to: d.query.to }), String(d.entitiesWithBalance)],
                ["loans", t.loansBooked, String(d.loansBooked)],
                ["booked", t.amountBooked, wan(d.amountBooked)],
                ["balance", format(t.balance, { to: d.query.to }), wan(d.balance)],
                ["products", t.products, String(d.productsOffered)],
                ["products-used", t.productsWithBalance, String(d.productsWithBalance)],
                ["disposals", t.disposals, String(d.disposals.completed)],
                ["proceeds", t.disposalProceeds, wan(d.disposals.proceeds)],
                [
                  "catalogue",
                  t.catalogue,
                  format(t.catalogueValue, { categories: d.factorCategories, types: d.factorTypes }),
                ],
                [
                  "companies",
                  t.companies,
                  format(t.companiesValue, { with: d.countiesWithCollectionCompany, n: d.counties }),
                ],
              ] as const
            ).map(([key, label, value]) => (
              <div class="fx-kpi" data-kpi={key}>
                <b>{value}</b>
                <span>{label}</span>
              </div>
            ))}
          </div>
          <div class="fx-charts">
            <ChartCard
              id="chart-county"
              title={t.byCounty}
              unit={t.unitWan}
              empty={t.noData}
              bars={moneyBars(d.balanceByCounty, (k) => placeName(k, lang))}
            />
            <ChartCard
              id="chart-type"
              title={t.byType}
              unit={t.unitWan}
              empty={t.noData}
              bars={moneyBars(d.balanceByType, (k) => typeName(policy, k, lang))}
            />
            <ChartCard
              id="chart-product"
              title={t.byProduct}
              unit={t.unitWan}
              empty={t.noData}
              bars={moneyBars(d.balanceByProduct, (k) => productName.get(k) ?? k)}
            />
            <ChartCard
              id="chart-losses"
              title={t.lossesByParty}
              unit={t.unitWan}
              empty={t.noData}
              bars={SHARING_PARTIES.filter((party) => d.lossesByParty[party] > 0).map((party) => ({
                key: party,
                label: l[`party_${party}`],
                value: d.lossesByParty[party],
                text: wan(d.lossesByParty[party]),
              }))}
            />
            <ChartCard
              id="chart-status"
              title={t.factorsByStatus}
              unit={t.unitCount}
              empty={t.noData}
              bars={Object.entries(d.factorsByStatus)
                .filter(([, n]) => n > 0)
                .sort((a, b) => b[1] - a[1])
                .map(([status, n]) => ({
                  key: status,
                  label: c[`factorStatus_${status as "ACTIVE"}`] ?? status,
                  value: n,
                  text: String(n),
                }))}
            />
          </div>
          <section class="card" data-testid="seed-reference">
            <h2>{t.seedTitle}</h2>
            <p>{t.seedNote}</p>
            <p class="hint">{t.seedSource}</p>
          </section>
        </>
      ) : null}
    </FxPage>
  );
}

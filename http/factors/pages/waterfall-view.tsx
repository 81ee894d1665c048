import type { Waterfall } from "../../../core/factors/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { yuan } from "./format.ts";
import { Money } from "./page-kit.tsx";
import { StackedBar } from "./svg-charts.tsx";
import { marketText } from "./text-market.ts";

/** Reads back the distribution a completed disposal stored (FAC-R07); null when it is not one. */
export function waterfallOf(distribution: Readonly<Record<string, unknown>> | null): Waterfall | null {
  if (!distribution) return null;
  const w = distribution as Partial<Waterfall>;
  if (
    typeof w.proceeds !== "number" ||
    typeof w.costs !== "number" ||
    !Array.isArray(w.liens) ||
    typeof w.holder !== "number"
  ) {
    return null;
  }
  return {
    proceeds: w.proceeds,
    costs: w.costs,
    liens: w.liens,
    offPlatform: Array.isArray(w.offPlatform) ? w.offPlatform : [],
    holder: w.holder,
  };
}

/** FAC-R07 优先受偿: how the proceeds were applied, step by step, to the fen. */
export function WaterfallView(props: { readonly lang: PageContext["lang"]; readonly waterfall: Waterfall }) {
  const t = marketText(props.lang);
  const w = props.waterfall;
  const rows = [
    { key: "costs", label: t.toCosts, interest: null, principal: w.costs, shortfall: null },
    ...w.liens.map((l, i) => ({
      key: l.lienId,
      label: format(t.toLien, { rank: i + 1 }),
      interest: l.interest,
      principal: l.principal,
      shortfall: l.shortfall,
    })),
    ...w.offPlatform.map((o, i) => ({
      key: o.id,
      label: format(t.toOutside, { n: i + 1 }),
      interest: null,
      principal: o.paid,
      shortfall: o.shortfall,
    })),
    { key: "holder", label: t.toHolder, interest: null, principal: w.holder, shortfall: null },
  ];
  return (
    <section class="card" data-testid="waterfall">
      <h2>{t.waterfallTitle}</h2>
      <StackedBar
        id="waterfall-chart"
        title={t.waterfallChart}
        parts={rows.map((r) => ({
          key: r.key,
          label: r.label,
          value: (r.interest ?? 0) + r.principal,
          text: yuan((r.interest ?? 0) + r.principal),
        }))}
      />
      <div class="fx-scroll">
        <table class="fx-table">
          <thead>
            <tr>
              <th>{t.step}</th>
              <th>{t.paidTo}</th>
              <th class="num">{t.interest}</th>
              <th class="num">{t.principal}</th>
              <th class="num">{t.shortfall}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr data-step={r.key}>
                <td>{i + 1}</td>
                <td>{r.label}</td>
                <td class="num">{r.interest === null ? "—" : <Money fen={r.interest} lang={props.lang} />}</td>
                <td class="num">
                  <Money fen={r.principal} lang={props.lang} />
                </td>
                <td class="num">{r.shortfall === null ? "—" : <Money fen={r.shortfall} lang={props.lang} />}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <td>{t.proceeds}</td>
              <td />
              <td class="num">
                <Money fen={w.proceeds} lang={props.lang} />
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

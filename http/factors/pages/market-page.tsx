import type { FactorsPolicy, Market } from "../../../core/factors/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { institutionName, pct, placeName, typeName, yuan } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { Badge, type FxFrame, FxPage, Money } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { lendingText } from "./text-lending.ts";
import { marketText } from "./text-market.ts";

/** 流转交易市场: open transfer listings, disposal listings and the credit products on offer. */
export function MarketPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly market: Market;
  readonly policy: FactorsPolicy;
  readonly today: string;
}) {
  const { page, market, policy } = props;
  const lang = page.lang;
  const t = marketText(lang);
  const l = lendingText(lang);
  const c = commonText(lang);
  const region = props.frame.region;
  const titles = (ids: readonly string[]) => ids.map((id) => market.listed[id]?.title ?? id).join(" ＋ ");
  return (
    <FxPage page={page} title={t.marketTitle} frame={{ ...props.frame, on: "market" }}>
      <h1>{t.marketTitle}</h1>
      <p class="tagline">{t.marketIntro}</p>
      <section class="card" data-testid="market-notices">
        <h2>{t.noticesTitle}</h2>
        <p class="sub">{t.noticesHint}</p>
        {market.notices.length === 0 ? <p class="hint">{t.noNotices}</p> : null}
        <ul class="fx-list">
          {market.notices.map((n) => (
            <li data-notice={n.id}>
              <a class="fx-open" href={fxPath.notice(region, n.id)}>
                {n.title}
              </a>{" "}
              <Badge status={n.status} label={c[`factorStatus_${n.status}`]} />
              <p class="hint">
                {n.typeCode} {typeName(policy, n.typeCode, lang)} · {placeName(n.countyCode, lang)} · {n.holderName} ·{" "}
                {t.noticeCloses} {n.noticeClosesOn ?? "—"}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" data-testid="market-transfers">
        <h2>{t.transfersTitle}</h2>
        {market.transfers.length === 0 ? <p class="hint">{t.noneOpen}</p> : null}
        <ul class="fx-list">
          {market.transfers.map((x) => (
            <li data-listing={x.id}>
              <a class="fx-open" href={fxPath.listing(region, x.id)}>
                {t[`kind_${x.kind}`]} · {titles(x.factorIds)}
              </a>{" "}
              <Badge status={x.status} label={t[`status_${x.status}`]} />
              <p class="hint">
                {placeName(x.countyCode, lang)} · {t.reserve} <Money fen={x.reservePrice} lang={lang} /> · {t.closes}{" "}
                {x.closesOn} · {t.bids} {x.bids.length}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" data-testid="market-disposals">
        <h2>{t.disposalsTitle}</h2>
        {market.disposals.length === 0 ? <p class="hint">{t.noneOpen}</p> : null}
        <ul class="fx-list">
          {market.disposals.map((d) => (
            <li data-disposal={d.id}>
              <a class="fx-open" href={fxPath.disposal(region, d.id)}>
                {t[`channel_${d.channel}`]} · {titles(d.factorIds)}
              </a>
              <p class="hint">
                {placeName(d.countyCode, lang)} · {t.valuation} <Money fen={d.valuationValue} lang={lang} /> ·{" "}
                {t.closes} {d.closesOn ?? "—"}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" data-testid="market-products">
        <h2>{t.productsTitle}</h2>
        <ul class="fx-list">
          {market.products.map((p) => (
            <li data-product={p.id}>
              <strong>{p.name[lang]}</strong>
              <p class="hint">
                {format(l.productTerms, {
                  bank: institutionName(p.bankId, policy, lang, props.today),
                  min: yuan(p.amountMinFen),
                  max: yuan(p.amountMaxFen),
                  termMin: p.termMonthsMin,
                  termMax: p.termMonthsMax,
                  rateMin: pct(p.rateMinBp),
                  rateMax: pct(p.rateMaxBp),
                })}
              </p>
              <p class="hint">
                {p.acceptedTypes
                  .map((code) => `${code} ${typeName(policy, code, lang)}`)
                  .join(lang === "zh" ? "、" : ", ")}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </FxPage>
  );
}

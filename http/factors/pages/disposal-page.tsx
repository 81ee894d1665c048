import type { DisposalDetail, FactorsPolicy } from "../../../core/factors/mod.ts";
import type { PageContext } from "../../pages/layout.tsx";
import type { ActionForm } from "./factor-actions.tsx";
import { TextField } from "./fields.tsx";
import { institutionName, placeName } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { ActionCard, BidForm, Bids, ListedFactors } from "./market-kit.tsx";
import { Badge, Facts, type FxFrame, FxPage, Money } from "./page-kit.tsx";
import { marketText } from "./text-market.ts";
import { WaterfallView, waterfallOf } from "./waterfall-view.tsx";

export type DisposalAction = "bid" | "complete";

/** FAC-R07/R08 a disposal: channel, valuation, offer or bids, and the 优先受偿 distribution. */
export function DisposalPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly detail: DisposalDetail;
  readonly policy: FactorsPolicy;
  readonly today: string;
  readonly floor: number;
  readonly forms: (action: DisposalAction) => ActionForm;
}) {
  const { page, detail, policy, today } = props;
  const lang = page.lang;
  const t = marketText(lang);
  const d = detail.disposal;
  const region = props.frame.region;
  const act = (a: string) => fxPath.disposalAction(region, d.id, a);
  const title = `${t.disposalTitle} · ${detail.factors.map((f) => f.title).join(" ＋ ")}`;
  const open = d.status === "open";
  const waterfall = waterfallOf(d.distribution);
  return (
    <FxPage page={page} title={title} frame={props.frame}>
      <h1 data-testid="disposal-title">
        {title} <Badge status={d.status} label={t[`status_${d.status}`]} />
      </h1>
      <p class="tagline">
        {t[`channel_${d.channel}`]} · <code>{d.id}</code> · {placeName(d.countyCode, lang)}
        {detail.party ? (
          <>
            {" · "}
            <a href={fxPath.loan(region, d.loanId)}>
              {t.loan} {d.loanId}
            </a>
          </>
        ) : null}
      </p>
      <section class="card" data-testid="disposal-facts">
        <Facts
          rows={[
            [t.channel, t[`channel_${d.channel}`]],
            [t.valuation, <Money fen={d.valuationValue} lang={lang} testid="valuation-value" />],
            [t.opens, d.startedOn],
            ...(d.closesOn ? [[t.closes, d.closesOn] as const] : []),
            ...(d.channel === "listing" ? [[t.reserve, <Money fen={d.reservePrice} lang={lang} />] as const] : []),
            ...(d.buyOut
              ? [
                  [
                    t.buyOut,
                    <>
                      {institutionName(d.buyOut.companyId, policy, lang, today)} ·{" "}
                      <Money fen={d.buyOut.offer} lang={lang} testid="buy-out-offer" />
                    </>,
                  ] as const,
                  [t.floor, <Money fen={props.floor} lang={lang} />] as const,
                ]
              : []),
            ...(d.proceeds !== null ? [[t.proceeds, <Money fen={d.proceeds} lang={lang} />] as const] : []),
            ...(d.costs !== null ? [[t.costs, <Money fen={d.costs} lang={lang} />] as const] : []),
          ]}
        />
        <ListedFactors lang={lang} region={region} policy={policy} factors={detail.factors} linked={detail.party} />
        {d.channel === "listing" ? (
          <>
            <h3>{t.bids}</h3>
            <Bids lang={lang} bids={d.bids} />
          </>
        ) : null}
      </section>
      <div class="fx-forms">
        {open && d.channel === "listing" && d.closesOn !== null && today <= d.closesOn && !detail.bank ? (
          <BidForm lang={lang} action={act("bid")} form={props.forms("bid")} />
        ) : null}
        {open && detail.bank ? (
          <ActionCard
            lang={lang}
            title={t.completeTitle}
            hint={t.completeHint}
            action={act("complete")}
            form={props.forms("complete")}
            testid="complete"
            button={t.completeSubmit}
          >
            <TextField
              name="costs"
              label={t.costsField}
              values={props.forms("complete").values}
              value="0.00"
              inputmode="decimal"
              required
            />
            {d.channel === "auction" ? (
              <>
                <TextField
                  name="auctionProceeds"
                  label={t.auctionProceeds}
                  values={props.forms("complete").values}
                  inputmode="decimal"
                  required
                />
                <TextField
                  name="auctionBuyer"
                  label={t.auctionBuyer}
                  values={props.forms("complete").values}
                  required
                />
              </>
            ) : null}
          </ActionCard>
        ) : null}
      </div>
      <p />
      {waterfall ? <WaterfallView lang={lang} waterfall={waterfall} /> : null}
    </FxPage>
  );
}

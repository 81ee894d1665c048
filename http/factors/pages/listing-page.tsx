import type { FactorsPolicy, TransferListingDetail } from "../../../core/factors/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import type { ActionForm } from "./factor-actions.tsx";
import { placeName } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { ActionCard, BidForm, Bids, consentWarning, ListedFactors } from "./market-kit.tsx";
import { Badge, Facts, type FxFrame, FxPage, Money } from "./page-kit.tsx";
import { marketText } from "./text-market.ts";

export type ListingAction = "bid" | "consent" | "award" | "register";

/** FAC-R10 a transfer listing: the public notice, its bids, and what the caller may do with it. */
export function ListingPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly detail: TransferListingDetail;
  readonly policy: FactorsPolicy;
  readonly today: string;
  readonly done?: "registered" | "awaiting";
  readonly forms: (action: ListingAction) => ActionForm;
}) {
  const { page, detail, policy, today } = props;
  const lang = page.lang;
  const t = marketText(lang);
  const l = detail.listing;
  const v = detail.viewer;
  const region = props.frame.region;
  const act = (a: string) => fxPath.listingAction(region, l.id, a);
  const title = `${t[`kind_${l.kind}`]} · ${detail.factors.map((f) => f.title).join(" ＋ ")}`;
  const open = l.status === "open";
  const pendingSale =
    l.kind === "sale" && l.status === "awarded" && detail.factors.some((f) => f.status === "TRANSFERRED");
  return (
    <FxPage page={page} title={title} frame={{ ...props.frame, on: "market" }}>
      <h1 data-testid="listing-title">
        {title} <Badge status={l.status} label={t[`status_${l.status}`]} />
      </h1>
      <p class="tagline">
        {t.listingTitle} <code>{l.id}</code> · {placeName(l.countyCode, lang)}
      </p>
      {props.done ? (
        <p class={props.done === "registered" ? "fx-ok" : "fx-warn"} role="status" data-testid="done">
          {t[props.done]}
        </p>
      ) : null}
      {v.liensWithoutConsent > 0 && open ? <p class="fx-warn">{consentWarning(lang, v.liensWithoutConsent)}</p> : null}
      <section class="card" data-testid="listing-facts">
        <Facts
          rows={[
            [t.reserve, <Money fen={l.reservePrice} lang={lang} />],
            [t.opens, l.opensOn],
            [t.closes, l.closesOn],
            ...(l.kind === "lease" ? [[t.term, `${l.leaseFrom ?? ""} – ${l.leaseTo ?? ""}`] as const] : []),
          ]}
        />
        <ListedFactors
          lang={lang}
          region={region}
          policy={policy}
          factors={detail.factors}
          linked={v.holder || v.official}
        />
        <h3>{t.bids}</h3>
        <Bids lang={lang} bids={l.bids} />
      </section>
      <div class="fx-forms">
        {open && today <= l.closesOn && !v.holder ? (
          <BidForm lang={lang} action={act("bid")} form={props.forms("bid")} />
        ) : null}
        {open && v.consentMissing.length > 0 ? (
          <ActionCard
            lang={lang}
            title={t.consentTitle}
            hint={format(t.consentHint, { n: v.consentMissing.length })}
            action={act("consent")}
            form={props.forms("consent")}
            testid="consent"
            button={t.consentSubmit}
          />
        ) : null}
        {open && v.holder ? (
          <ActionCard
            lang={lang}
            title={t.awardTitle}
            hint={t.awardHint}
            action={act("award")}
            form={props.forms("award")}
            testid="award"
            button={t.awardSubmit}
          />
        ) : null}
        {pendingSale && v.official ? (
          <ActionCard
            lang={lang}
            title={t.registerTitle}
            hint={t.registerHint}
            action={act("register-transfer")}
            form={props.forms("register")}
            testid="register-transfer"
            button={t.registerSubmit}
          />
        ) : null}
      </div>
    </FxPage>
  );
}

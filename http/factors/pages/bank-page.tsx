import type { CreditProduct, InstitutionQueue } from "../../../core/factors/mod.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { placeName } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { Badge, type FxFrame, FxPage, Money } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { lendingText } from "./text-lending.ts";
import { marketText } from "./text-market.ts";
import { queueText } from "./text-queue.ts";

/** An institution's desk: applications to decide and register, loans, disposals, consents, losses. */
export function BankPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly queue: InstitutionQueue;
  readonly products: readonly CreditProduct[];
}) {
  const { page, queue } = props;
  const lang = page.lang;
  const t = queueText(lang);
  const l = lendingText(lang);
  const m = marketText(lang);
  const c = commonText(lang);
  const region = props.frame.region;
  const productName = new Map(props.products.map((p) => [p.id, p.name[lang]]));
  const empty = <p class="hint">{c.empty}</p>;
  return (
    <FxPage page={page} title={t.bankTitle} frame={{ ...props.frame, on: "bank" }}>
      <h1>{t.bankTitle}</h1>
      <p class="tagline">{t.bankIntro}</p>
      <section class="card" data-testid="bank-applications">
        <h2>{t.applications}</h2>
        {queue.applications.length === 0 ? empty : null}
        <ul class="fx-list">
          {queue.applications.map((a) => (
            <li data-application={a.id}>
              <a class="fx-open" href={fxPath.application(region, a.id)}>
                {productName.get(a.productId) ?? a.productId} · <Money fen={a.requestedAmount} lang={lang} />
              </a>{" "}
              <Badge status={a.status} label={l[`status_${a.status}`]} />
              <p class="hint">
                {placeName(a.countyCode, lang)} · {a.createdAt.slice(0, 10)} · <code>{a.id}</code>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" data-testid="bank-loans">
        <h2>{t.loans}</h2>
        {queue.loans.length === 0 ? empty : null}
        <ul class="fx-list">
          {queue.loans.map((x) => (
            <li data-loan={x.id}>
              <a class="fx-open" href={fxPath.loan(region, x.id)}>
                {productName.get(x.productId) ?? x.productId} · <Money fen={x.outstandingPrincipal} lang={lang} />
              </a>{" "}
              <Badge status={x.status} label={l[`loan_${x.status}`]} />
              <p class="hint">
                {placeName(x.countyCode, lang)} · {x.startedOn}
                {x.overdueSince ? ` · ${l.overdueSince} ${x.overdueSince}` : ""}
              </p>
            </li>
          ))}
        </ul>
      </section>
      {queue.disposals.length > 0 ? (
        <section class="card" data-testid="bank-disposals">
          <h2>{t.disposals}</h2>
          <ul class="fx-list">
            {queue.disposals.map((d) => (
              <li>
                <a class="fx-open" href={fxPath.disposal(region, d.id)}>
                  {m[`channel_${d.channel}`]} · {d.unitId}
                </a>
                <p class="hint">
                  {placeName(d.countyCode, lang)} · {d.startedOn}
                  {d.closesOn ? ` – ${d.closesOn}` : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {queue.consentRequests.length > 0 ? (
        <section class="card" data-testid="bank-consents">
          <h2>{t.consents}</h2>
          <ul class="fx-list">
            {queue.consentRequests.map((x) => (
              <li>
                <a class="fx-open" href={fxPath.listing(region, x.id)}>
                  {m[`kind_${x.kind}`]} · {x.unitId}
                </a>
                <p class="hint">
                  {m.reserve} <Money fen={x.reservePrice} lang={lang} /> · {m.closes} {x.closesOn}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {queue.losses.length > 0 ? (
        <section class="card" data-testid="bank-losses">
          <h2>{t.losses}</h2>
          <ul class="fx-list">
            {queue.losses.map((x) => (
              <li>
                <a class="fx-open" href={`${fxPath.loan(region, x.loanId)}#loss`}>
                  {l.loss} <Money fen={x.loss} lang={lang} />
                </a>
                <p class="hint">
                  {l.party_bank} <Money fen={x.parts.bank} lang={lang} /> · {x.allocatedOn}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </FxPage>
  );
}

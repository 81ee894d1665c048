import type { DeliveryState } from "../../../adapters/factors/deliveries-query.ts";
import type { FactorsPolicy, LoanDetail } from "../../../core/factors/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import type { ActionForm } from "./factor-actions.tsx";
import { beijingTime, institutionName, pct, typeName } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { type LoanAction, LoanForms } from "./loan-forms.tsx";
import { LossView } from "./loss-view.tsx";
import { Badge, Facts, type FxFrame, FxPage, Money } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { factorText } from "./text-factor.ts";
import { lendingText } from "./text-lending.ts";
import { marketText } from "./text-market.ts";

/** What an outgoing event tells the outside systems, in the page language (else its type). */
const EVENT_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  "factors.mortgage.accepted": { zh: "抵押申请批准", en: "mortgage accepted" },
  "factors.mortgage.declined": { zh: "抵押申请拒绝", en: "mortgage declined" },
  "factors.loan.booked": { zh: "抵押登记与放款", en: "lien registered, loan booked" },
  "factors.loan.serviced": { zh: "贷后报送", en: "servicing report" },
  "factors.loan.defaulted": { zh: "违约通知（担保、保险）", en: "default notice (guarantor, insurer)" },
  "factors.loss.claim": { zh: "损失分担索赔", en: "loss-share claim" },
  "factors.loss.allocated": { zh: "损失分担结果", en: "loss allocated" },
};

function eventLabel(type: string, lang: PageContext["lang"]): string {
  return EVENT_LABELS[type]?.[lang] ?? type;
}

function Deliveries(props: { readonly lang: PageContext["lang"]; readonly deliveries: readonly DeliveryState[] }) {
  const t = lendingText(props.lang);
  if (props.deliveries.length === 0) return null;
  return (
    <section class="card" data-testid="deliveries">
      <h2>{t.deliveriesTitle}</h2>
      <p class="sub">{t.deliveriesHint}</p>
      <ul class="fx-list">
        {props.deliveries.map((d) => (
          <li data-delivery={d.state}>
            <span>{eventLabel(d.type, props.lang)}</span>{" "}
            <Badge
              status={d.state === "delivered" ? "completed" : d.state === "failed" ? "DEFAULTED" : "open"}
              label={d.state === "waiting" && d.attempts === 0 ? t.delivery_queued : t[`delivery_${d.state}`]}
            />
            <span class="hint">
              {" "}
              · {beijingTime(d.createdAt)} · {format(t.attempts, { n: d.attempts })}
              {d.nextAttemptAt ? ` · ${format(t.nextAttempt, { at: beijingTime(d.nextAttemptAt) })}` : ""}
            </span>
            {d.lastError ? <p class="hint">{d.lastError}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A loan: terms, liens by rank, collateral, disposals, 政银保担 loss sharing and the bank's forms. */
export function LoanPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly detail: LoanDetail;
  readonly policy: FactorsPolicy;
  readonly today: string;
  readonly isBank: boolean;
  readonly buyOutFloorBp: number;
  readonly listingDays: number;
  readonly deliveries: readonly DeliveryState[];
  readonly forms: (action: LoanAction) => ActionForm;
}) {
  const { page, detail, policy, today } = props;
  const lang = page.lang;
  const t = lendingText(lang);
  const c = commonText(lang);
  const ft = factorText(lang);
  const { loan, trigger } = detail;
  const region = props.frame.region;
  const name = (id: string | null) => institutionName(id, policy, lang, today);
  const productName = detail.product?.name[lang] ?? loan.productId;
  const m = marketText(lang);
  const unitLabel = (factorIds: readonly string[]) =>
    factorIds.length > 1
      ? typeName(policy, "bundle", lang)
      : (detail.factors.find((f) => f.id === factorIds[0])?.title ?? factorIds[0] ?? "");
  return (
    <FxPage page={page} title={`${t.loanTitle} · ${productName}`} frame={props.frame}>
      <h1 data-testid="loan-title">
        {productName} <Badge status={loan.status} label={t[`loan_${loan.status}`]} />
      </h1>
      <p class="tagline">
        {t.loanTitle} <code>{loan.id}</code>
        {detail.application ? (
          <>
            {" · "}
            <a href={fxPath.application(region, detail.application.id)}>{t.applicationTitle}</a>
          </>
        ) : null}
      </p>
      <section class="card" data-testid="loan-facts">
        <Facts
          rows={[
            [t.bank, name(loan.bankId)],
            [t.principal, <Money fen={loan.principal} lang={lang} />],
            [t.outstanding, <Money fen={loan.outstandingPrincipal} lang={lang} />],
            [t.arrears, <Money fen={loan.interestArrears} lang={lang} />],
            [t.rate, pct(loan.rateBp)],
            [t.termMonths, format(t.months, { n: loan.termMonths })],
            [t.startedOn, loan.startedOn],
            [t.guarantor, name(loan.guarantorId)],
            [t.insurer, name(loan.insurerId)],
            ...(loan.overdueSince
              ? [
                  [
                    t.overdueSince,
                    `${loan.overdueSince}（${format(t.daysOverdue, { days: trigger.daysOverdue, trigger: trigger.triggerDays })}）`,
                  ] as const,
                ]
              : []),
          ]}
        />
      </section>
      {props.isBank ? (
        <LoanForms
          lang={lang}
          region={region}
          detail={detail}
          buyOutFloorBp={props.buyOutFloorBp}
          listingDays={props.listingDays}
          forms={props.forms}
        />
      ) : null}
      <p />
      <section class="card" data-testid="loan-liens">
        <h2>{t.liensTitle}</h2>
        <div class="fx-scroll">
          <table class="fx-table">
            <thead>
              <tr>
                <th>{t.unit}</th>
                <th>{t.rank}</th>
                <th class="num">{t.secured}</th>
                <th>{ft.registeredAt}</th>
                <th>{c.status}</th>
              </tr>
            </thead>
            <tbody>
              {detail.liens.map((l) => (
                <tr data-lien={l.id} data-rank={l.rank ?? ""}>
                  <td>{unitLabel(l.factorIds)}</td>
                  <td>{l.rank ?? "—"}</td>
                  <td class="num">
                    <Money fen={l.securedAmount} lang={lang} />
                  </td>
                  <td>{beijingTime(l.registeredAt)}</td>
                  <td>
                    <Badge status={l.status} label={ft[`lienStatus_${l.status}`]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>{t.collateralTitle}</h3>
        <ul class="fx-list">
          {detail.factors.map((f) => (
            <li>
              <a class="fx-open" href={fxPath.factor(region, f.id)}>
                {f.title}
              </a>{" "}
              <Badge status={f.status} label={c[`factorStatus_${f.status}`]} />
              <span class="hint">
                {" "}
                · {f.typeCode} {typeName(policy, f.typeCode, lang)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {detail.disposals.length > 0 ? (
        <section class="card" data-testid="loan-disposals">
          <h2>{t.disposalsTitle}</h2>
          <ul class="fx-list">
            {detail.disposals.map((d) => (
              <li>
                <a class="fx-open" href={fxPath.disposal(region, d.id)}>
                  {t[`channel_${d.channel}`]} · {d.startedOn}
                </a>{" "}
                <Badge status={d.status} label={m[`status_${d.status}`]} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {loan.status === "DEFAULTED" || loan.status === "DISPOSING" || loan.status === "CLOSED_WITH_LOSS" ? (
        <LossView
          lang={lang}
          detail={detail}
          names={{ bank: name(loan.bankId), guarantor: name(loan.guarantorId), insurer: name(loan.insurerId) }}
        />
      ) : null}
      <Deliveries lang={lang} deliveries={props.deliveries} />
    </FxPage>
  );
}

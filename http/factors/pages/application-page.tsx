import type { FactorsPolicy, MortgageApplicationDetail } from "../../../core/factors/mod.ts";
import type { Principal } from "../../../core/kernel/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import type { ActionForm } from "./factor-actions.tsx";
import { RadioField, TextField } from "./fields.tsx";
import { institutionName, pct, pctField, typeName, yuanField } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { Badge, Facts, type FxFrame, FxPage, Money, Once, ProblemBox } from "./page-kit.tsx";
import { SharingTable } from "./sharing-table.tsx";
import { commonText } from "./text-common.ts";
import { lendingText } from "./text-lending.ts";

/** A mortgage application: its terms, collateral and, for its bank, the decision and registration forms. */
export function ApplicationPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly principal: Principal;
  readonly detail: MortgageApplicationDetail;
  readonly policy: FactorsPolicy;
  readonly today: string;
  readonly forms: (action: "decide" | "register") => ActionForm;
}) {
  const { page, detail, policy, today } = props;
  const lang = page.lang;
  const t = lendingText(lang);
  const c = commonText(lang);
  const a = detail.application;
  const region = props.frame.region;
  const name = (id: string | null) => institutionName(id, policy, lang, today);
  const isBank = props.principal.institutionId === a.bankId;
  const decide = props.forms("decide");
  const register = props.forms("register");
  const productName = detail.product?.name[lang] ?? a.productId;
  return (
    <FxPage page={page} title={`${t.applicationTitle} · ${productName}`} frame={props.frame}>
      <h1 data-testid="application-title">
        {productName} <Badge status={a.status} label={t[`status_${a.status}`]} />
      </h1>
      <p class="tagline">
        {t.applicationTitle} <code>{a.id}</code>
      </p>
      <section class="card" data-testid="application-facts">
        <Facts
          rows={[
            [t.bank, name(a.bankId)],
            [t.requested, <Money fen={a.requestedAmount} lang={lang} />],
            [t.termMonths, format(t.months, { n: a.termMonths })],
            [c.date, a.createdAt.slice(0, 10)],
            ...(a.declineReason ? [[t.declineReason, a.declineReason] as const] : []),
          ]}
        />
        <h3>{t.collateral}</h3>
        <ul class="fx-list">
          {detail.factors.map((f) => (
            <li>
              <a class="fx-open" href={fxPath.factor(region, f.id)}>
                {f.title}
              </a>
              <span class="hint">
                {" "}
                · {f.typeCode} {typeName(policy, f.typeCode, lang)}
              </span>
            </li>
          ))}
        </ul>
        {detail.loanId ? (
          <p>
            <a class="btn fx-2" href={fxPath.loan(region, detail.loanId)} data-testid="loan-link">
              {t.loanTitle} {detail.loanId}
            </a>
          </p>
        ) : null}
      </section>
      {a.approved ? (
        <section class="card" data-testid="approved">
          <h2>{t.approvedTitle}</h2>
          <Facts
            rows={[
              [t.approvedAmount, <Money fen={a.approved.amount} lang={lang} />],
              [t.rate, pct(a.approved.rateBp)],
              [t.termMonths, format(t.months, { n: a.approved.termMonths })],
              [t.guarantor, name(a.approved.guarantorId)],
              [t.insurer, name(a.approved.insurerId)],
              ...a.approved.secured.map(
                (s) => [`${t.secured} · ${s.unitId}`, <Money fen={s.securedAmount} lang={lang} />] as const,
              ),
            ]}
          />
          <h3>{t.sharing}</h3>
          <SharingTable lang={lang} agreement={a.approved.sharing} />
        </section>
      ) : null}
      {isBank && a.status === "APPLIED" ? (
        <section class="card" data-testid="decide-card">
          <h2>{t.decideTitle}</h2>
          <p class="hint">{t.decideHint}</p>
          <ProblemBox problem={decide.problem} lang={lang} />
          <form method="post" action={fxPath.applicationAction(region, a.id, "decide")} data-testid="decide-form">
            <Once value={decide.once} />
            <RadioField
              name="decision"
              label={t.decideTitle}
              values={decide.values}
              choices={[
                { value: "accept", label: t.accept },
                { value: "decline", label: t.decline },
              ]}
            />
            <div class="fx-row">
              <div>
                <TextField
                  name="amount"
                  label={t.amount}
                  values={decide.values}
                  value={yuanField(a.requestedAmount)}
                  inputmode="decimal"
                />
              </div>
              <div>
                <TextField
                  name="termMonths"
                  label={t.term}
                  values={decide.values}
                  value={String(a.termMonths)}
                  inputmode="numeric"
                />
              </div>
              <div>
                <TextField
                  name="rate"
                  label={t.rateField}
                  values={decide.values}
                  value={pctField(detail.product?.rateMinBp)}
                  inputmode="decimal"
                />
              </div>
              <div>
                <TextField name="reason" label={t.reason} values={decide.values} />
              </div>
            </div>
            <button class="btn" type="submit" data-testid="decide-submit">
              {t.decideSubmit}
            </button>
          </form>
        </section>
      ) : null}
      {isBank && a.status === "ACCEPTED" ? (
        <section class="card" data-testid="register-lien-card">
          <h2>{t.registerTitle}</h2>
          <p class="hint">{t.registerHint}</p>
          <ProblemBox problem={register.problem} lang={lang} />
          <form
            method="post"
            action={fxPath.applicationAction(region, a.id, "register")}
            data-testid="register-lien-form"
          >
            <Once value={register.once} />
            <button class="btn" type="submit" data-testid="register-lien-submit">
              {t.registerSubmit}
            </button>
          </form>
        </section>
      ) : null}
    </FxPage>
  );
}

import type { BidView, FactorsPolicy, PublicFactor } from "../../../core/factors/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import type { ActionForm } from "./factor-actions.tsx";
import { RadioField, TextField } from "./fields.tsx";
import { beijingTime, placeName, quantityText, typeName } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { Badge, Money, Once, ProblemBox } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { marketText } from "./text-market.ts";

type Lang = PageContext["lang"];

/** The listed collateral as the public notice shows it (no holder). */
export function ListedFactors(props: {
  readonly lang: Lang;
  readonly region: string;
  readonly policy: FactorsPolicy;
  readonly factors: readonly PublicFactor[];
  readonly linked: boolean;
}) {
  const c = commonText(props.lang);
  const t = marketText(props.lang);
  return (
    <>
      <h3>{t.collateral}</h3>
      <ul class="fx-list">
        {props.factors.map((f) => (
          <li data-factor={f.id}>
            {props.linked ? (
              <a class="fx-open" href={fxPath.factor(props.region, f.id)}>
                {f.title}
              </a>
            ) : (
              <strong>{f.title}</strong>
            )}{" "}
            <Badge status={f.status} label={c[`factorStatus_${f.status}`]} />
            <p class="hint">
              {f.typeCode} {typeName(props.policy, f.typeCode, props.lang)} · {placeName(f.countyCode, props.lang)} ·{" "}
              {f.location} · {quantityText(f.quantity.milli, f.quantity.unit)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Bids with masked names, highest first marked. */
export function Bids(props: { readonly lang: Lang; readonly bids: readonly BidView[] }) {
  const t = marketText(props.lang);
  if (props.bids.length === 0) return <p class="hint">{t.noBids}</p>;
  const top = [...props.bids].sort((a, b) => b.amount - a.amount || a.placedAt.localeCompare(b.placedAt))[0];
  return (
    <div class="fx-scroll">
      <table class="fx-table" data-testid="bids">
        <thead>
          <tr>
            <th>{t.bidder}</th>
            <th class="num">{t.bidAmount}</th>
            <th>{t.placedAt}</th>
          </tr>
        </thead>
        <tbody>
          {props.bids.map((b) => (
            <tr data-bid={b.id}>
              <td>
                {b.bidderName}
                {b.id === top?.id ? <span class="fx-rule">{t.highest}</span> : null}
              </td>
              <td class="num">
                <Money fen={b.amount} lang={props.lang} />
              </td>
              <td>{beijingTime(b.placedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The bid form of a transfer or disposal listing. */
export function BidForm(props: { readonly lang: Lang; readonly action: string; readonly form: ActionForm }) {
  const t = marketText(props.lang);
  const c = commonText(props.lang);
  const v = props.form.values;
  return (
    <section class="card" data-testid="bid-card">
      <h3>{t.bidTitle}</h3>
      <p class="hint">{t.bidHint}</p>
      <ProblemBox problem={props.form.problem} lang={props.lang} />
      <form method="post" action={props.action} data-testid="bid-form">
        <Once value={props.form.once} />
        <RadioField
          name="bidderKind"
          label={t.bidderKind}
          values={v}
          choices={[
            { value: "person", label: c.person },
            { value: "organisation", label: c.organisation },
          ]}
        />
        <div class="fx-row">
          <div>
            <TextField name="bidderName" label={t.bidderName} values={v} required maxlength={100} />
          </div>
          <div>
            <TextField name="bidderId" label={t.bidderId} values={v} required maxlength={18} />
          </div>
        </div>
        <TextField name="amount" label={t.bidField} values={v} inputmode="decimal" required />
        <button class="btn" type="submit" data-testid="bid-submit">
          {t.bidSubmit}
        </button>
      </form>
    </section>
  );
}

/** A one-button action (consent, award, register, complete) with its refusal. */
export function ActionCard(props: {
  readonly lang: Lang;
  readonly title: string;
  readonly hint: string;
  readonly action: string;
  readonly form: ActionForm;
  readonly testid: string;
  readonly button: string;
  readonly children?: unknown;
}) {
  return (
    <section class="card" data-testid={`${props.testid}-card`}>
      <h3>{props.title}</h3>
      <p class="hint">{props.hint}</p>
      <ProblemBox problem={props.form.problem} lang={props.lang} />
      <form method="post" action={props.action} data-testid={`${props.testid}-form`}>
        <Once value={props.form.once} />
        {props.children as never}
        <button class="btn" type="submit" data-testid={`${props.testid}-submit`}>
          {props.button}
        </button>
      </form>
    </section>
  );
}

export function consentWarning(lang: Lang, n: number): string {
  return format(marketText(lang).consentMissing, { n });
}

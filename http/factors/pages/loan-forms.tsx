import type { LoanDetail } from "../../../core/factors/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import type { ActionForm } from "./factor-actions.tsx";
import { RadioField, SelectField, TextField } from "./fields.tsx";
import { pct, yuanField } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { Once, ProblemBox } from "./page-kit.tsx";
import { lendingText } from "./text-lending.ts";

export type LoanAction = "servicing" | "default" | "dispose" | "allocate";

function Card(props: {
  readonly lang: PageContext["lang"];
  readonly title: string;
  readonly hint: string;
  readonly action: string;
  readonly form: ActionForm;
  readonly testid: string;
  readonly button: string;
  readonly danger?: boolean;
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
        <button class={props.danger ? "btn fx-danger" : "btn"} type="submit" data-testid={`${props.testid}-submit`}>
          {props.button}
        </button>
      </form>
    </section>
  );
}

/** The disposing bank's forms on a loan: servicing, default, disposal, loss sharing (FAC-R08/R09). */
export function LoanForms(props: {
  readonly lang: PageContext["lang"];
  readonly region: string;
  readonly detail: LoanDetail;
  readonly buyOutFloorBp: number;
  readonly listingDays: number;
  readonly forms: (action: LoanAction) => ActionForm;
}) {
  const { lang, detail, forms } = props;
  const t = lendingText(lang);
  const { loan, trigger } = detail;
  const act = (a: string) => fxPath.loanAction(props.region, loan.id, a);
  const cards = [];
  if (loan.status === "PERFORMING" || loan.status === "OVERDUE" || loan.status === "DEFAULTED") {
    const f = forms("servicing");
    cards.push(
      <Card
        lang={lang}
        title={t.servicingTitle}
        hint={t.servicingHint}
        action={act("servicing")}
        form={f}
        testid="servicing"
        button={t.servicingSubmit}
      >
        <TextField
          name="outstandingPrincipal"
          label={t.outstanding}
          values={f.values}
          value={yuanField(loan.outstandingPrincipal)}
          inputmode="decimal"
          required
        />
        <TextField
          name="interestArrears"
          label={t.arrears}
          values={f.values}
          value={yuanField(loan.interestArrears)}
          inputmode="decimal"
          required
        />
        <TextField
          name="overdueSince"
          label={t.overdueSince}
          type="date"
          values={f.values}
          value={loan.overdueSince ?? ""}
        />
      </Card>,
    );
  }
  if (loan.status === "PERFORMING" || loan.status === "OVERDUE") {
    cards.push(
      <Card
        lang={lang}
        title={t.defaultTitle}
        hint={format(t.defaultHint, { trigger: trigger.triggerDays })}
        action={act("default")}
        form={forms("default")}
        testid="default"
        button={t.defaultSubmit}
        danger
      />,
    );
  }
  if (loan.status === "DEFAULTED") {
    const f = forms("dispose");
    const units = detail.liens.filter((l) => l.status === "active");
    cards.push(
      <Card
        lang={lang}
        title={t.disposeTitle}
        hint={format(t.disposeHint, { days: props.listingDays, floor: pct(props.buyOutFloorBp) })}
        action={act("dispose")}
        form={f}
        testid="dispose"
        button={t.disposeSubmit}
        danger
      >
        {units.length > 1 ? (
          <SelectField
            name="unitId"
            label={t.unit}
            values={f.values}
            choices={units.map((l) => ({ value: l.unitId, label: `${l.unitId} · ${l.factorIds.join("、")}` }))}
          />
        ) : null}
        <RadioField
          name="channel"
          label={t.channel}
          values={f.values}
          choices={trigger.channels.map((ch) => ({ value: ch, label: t[`channel_${ch}`] }))}
        />
        <TextField name="reserve" label={t.reserve} values={f.values} inputmode="decimal" />
      </Card>,
    );
  }
  if (loan.status === "DEFAULTED" && loan.proceedsApplied !== null && detail.loss === null) {
    cards.push(
      <Card
        lang={lang}
        title={t.lossTitle}
        hint={t.lossHint}
        action={act("allocate-loss")}
        form={forms("allocate")}
        testid="allocate"
        button={t.allocateSubmit}
      />,
    );
  }
  if (cards.length === 0) return null;
  return <div class="fx-forms">{cards}</div>;
}

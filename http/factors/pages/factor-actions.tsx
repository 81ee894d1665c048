import type { FactorHistory, FactorsPolicy } from "../../../core/factors/mod.ts";
import { addDays, hasRole, type Principal, valueAsOf } from "../../../core/kernel/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { AreaField, EvidenceInput, RadioField, SelectField, TextField, type Values } from "./fields.tsx";
import { fxPath } from "./fx-paths.ts";
import type { PageProblem } from "./page-errors.ts";
import { Once, ProblemBox } from "./page-kit.tsx";
import { factorText } from "./text-factor.ts";

/** Each action form's key, refusal and echoed values (see factor-routes.tsx). */
export interface ActionForm {
  readonly once: string;
  readonly problem?: PageProblem;
  readonly values?: Values;
}
export type FormsOf = (action: string) => ActionForm;

interface Props {
  readonly page: PageContext;
  readonly region: string;
  readonly principal: Principal;
  readonly history: FactorHistory;
  readonly policy: FactorsPolicy;
  readonly today: string;
  readonly forms: FormsOf;
}

function Card(props: {
  readonly title: string;
  readonly hint?: string;
  readonly action: string;
  readonly form: ActionForm;
  readonly lang: PageContext["lang"];
  readonly testid: string;
  readonly button: string;
  readonly danger?: boolean;
  readonly multipart?: boolean;
  readonly children?: unknown;
}) {
  return (
    <section class="card" data-testid={`${props.testid}-card`}>
      <h3>{props.title}</h3>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      <ProblemBox problem={props.form.problem} lang={props.lang} />
      <form
        method="post"
        action={props.action}
        enctype={props.multipart ? "multipart/form-data" : undefined}
        data-testid={`${props.testid}-form`}
      >
        <Once value={props.form.once} />
        {props.children as never}
        <button class={props.danger ? "btn fx-danger" : "btn"} type="submit" data-testid={`${props.testid}-submit`}>
          {props.button}
        </button>
      </form>
    </section>
  );
}

/** The forms the caller may use on this factor now (the use cases still decide). */
export function FactorActions(props: Props) {
  const { page, region, history, policy, today, forms, principal } = props;
  const lang = page.lang;
  const t = factorText(lang);
  const f = history.factor;
  const { holder, official, institution } = history.viewer;
  const act = (a: string) => fxPath.factorAction(region, f.id, a);
  const cards = [];
  if (f.status === "DRAFT" && holder) {
    cards.push(
      <Card
        title={t.submitTitle}
        hint={t.submitHint}
        action={act("submit")}
        form={forms("submit")}
        lang={lang}
        testid="submit"
        button={t.submitButton}
        multipart
      >
        <EvidenceInput label={t.evidence} hint={t.evidenceHint} />
      </Card>,
    );
  }
  if (f.status === "SUBMITTED" && (holder || official)) {
    cards.push(
      <Card
        title={t.confirmTitle}
        hint={t.confirmHint}
        action={act("confirm")}
        form={forms("confirm")}
        lang={lang}
        testid="confirm"
        button={t.confirmButton}
      />,
    );
  }
  if (f.status === "PUBLICISED" && holder) {
    cards.push(
      <Card
        title={t.activateTitle}
        hint={`${t.activateHint} ${format(t.noticeUntil, { date: f.noticeClosesOn ?? "" })}`}
        action={act("activate")}
        form={forms("activate")}
        lang={lang}
        testid="activate"
        button={t.activateButton}
      />,
    );
  }
  if (f.status === "PUBLICISED" || f.status === "DISPUTED") {
    cards.push(
      <Card
        title={t.objectTitle}
        hint={t.objectHint}
        action={act("objections")}
        form={forms("object")}
        lang={lang}
        testid="object"
        button={t.objectButton}
      >
        <AreaField name="grounds" label={t.grounds} values={forms("object").values} required />
      </Card>,
    );
  }
  if (f.status === "DISPUTED" && official) {
    for (const o of history.objections.filter((x) => x.status === "open")) {
      const form = forms(`resolve:${o.id}`);
      cards.push(
        <Card
          title={t.resolveTitle}
          hint={o.grounds}
          action={fxPath.resolve(region, f.id, o.id)}
          form={form}
          lang={lang}
          testid="resolve"
          button={t.resolveButton}
        >
          <RadioField
            name="decision"
            label={t.decision}
            values={form.values}
            choices={[
              { value: "dismissed", label: t.dismissed },
              { value: "upheld", label: t.upheld },
            ]}
          />
          <TextField name="reason" label={t.reason} values={form.values} required />
        </Card>,
      );
    }
  }
  const usable = f.status === "ACTIVE" || f.status === "ENCUMBERED";
  const collateral = policy.catalogue[f.typeCode]?.collateral ?? false;
  if (usable && collateral && (holder || institution || hasRole(principal, "institution_staff"))) {
    const basis = policy.catalogue[f.typeCode]?.valuationBasis;
    const form = forms("value");
    cards.push(
      <Card
        title={t.valueTitle}
        hint={t.valueHint}
        action={act("value")}
        form={form}
        lang={lang}
        testid="value"
        button={t.valueButton}
      >
        {basis === "revenue" ? (
          <>
            <AreaField name="monthlyRevenue" label={t.monthlyRevenue} values={form.values} required />
            <TextField name="revenueVerifiedBy" label={t.verifiedBy} values={form.values} required />
          </>
        ) : basis === "self_assessment" ? (
          <>
            <SelectField
              name="condition"
              label={t.condition}
              values={form.values}
              choices={(["good", "fair", "poor"] as const).map((k) => ({ value: k, label: t[`condition_${k}`] }))}
            />
            <label class="fx-check">
              <input
                type="checkbox"
                name="requestAppraisal"
                value="yes"
                checked={form.values?.requestAppraisal === "yes"}
              />
              <span>{t.requestAppraisal}</span>
            </label>
          </>
        ) : null}
      </Card>,
    );
  }
  if (usable && holder && f.category !== "L") {
    const days = valueAsOf(policy.transfer.listingMinDays, today, "factors.transfer.listingMinDays");
    const form = forms("list");
    cards.push(
      <Card
        title={t.listTitle}
        hint={format(t.listHint, { days })}
        action={act("list")}
        form={form}
        lang={lang}
        testid="list"
        button={t.listButton}
      >
        <RadioField
          name="kind"
          label={t.kind}
          values={form.values}
          choices={[
            { value: "lease", label: t.kind_lease },
            { value: "sale", label: t.kind_sale },
          ]}
        />
        <TextField name="reserve" label={t.reserve} values={form.values} inputmode="decimal" required />
        <TextField
          name="closesOn"
          label={t.closesOn}
          type="date"
          values={form.values}
          value={addDays(today, days + 1)}
          required
        />
        <div class="fx-row">
          <div>
            <TextField name="leaseFrom" label={t.leaseFrom} type="date" values={form.values} />
          </div>
          <div>
            <TextField name="leaseTo" label={t.leaseTo} type="date" values={form.values} />
          </div>
        </div>
      </Card>,
    );
  }
  if (usable && holder && collateral) {
    cards.push(
      <section class="card" data-testid="apply-card">
        <h3>{t.applyTitle}</h3>
        <p class="hint">{t.applyHint}</p>
        <a class="btn" href={fxPath.apply(region, history.unit.factorIds)} data-testid="apply-link">
          {t.applyLink}
        </a>
      </section>,
    );
  }
  if (cards.length === 0) return null;
  return <div class="fx-forms">{cards}</div>;
}

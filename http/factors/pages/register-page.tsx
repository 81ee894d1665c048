import type { FactorsPolicy } from "../../../core/factors/mod.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { type Choice, EvidenceInput, RadioField, SelectField, TextField, type Values } from "./fields.tsx";
import { fxPath } from "./fx-paths.ts";
import type { PageProblem } from "./page-errors.ts";
import { type FxFrame, FxPage, Once, ProblemBox } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { factorText } from "./text-factor.ts";

/** 登记: the form that registers a factor as a draft (then submitted for confirmation on its page). */
export function RegisterPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly policy: FactorsPolicy;
  readonly once: string;
  readonly values?: Values;
  readonly problem?: PageProblem;
}) {
  const { page, policy } = props;
  const lang = page.lang;
  const t = factorText(lang);
  const c = commonText(lang);
  const counties: Choice[] = Object.entries(policy.counties).map(([code, county]) => ({
    value: code,
    label: county.name[lang],
  }));
  const types: Choice[] = Object.entries(policy.catalogue).map(([code, type]) => ({
    value: code,
    label: `${code} ${type.name[lang]}${type.unit ? `（${type.unit[lang]}）` : ""}`,
    group: `${type.category} ${c[`category_${type.category}`]}`,
  }));
  return (
    <FxPage page={page} title={t.registerTitle} frame={{ ...props.frame, on: "register" }}>
      <h1>{t.registerTitle}</h1>
      <p class="tagline">{t.registerIntro}</p>
      <ProblemBox problem={props.problem} lang={lang} />
      <section class="card">
        <form
          method="post"
          action={fxPath.register(props.frame.region)}
          enctype="multipart/form-data"
          data-testid="register-form"
        >
          <Once value={props.once} />
          <div class="fx-row">
            <div>
              <SelectField name="countyCode" label={t.county} choices={counties} values={props.values} required />
            </div>
            <div>
              <SelectField name="typeCode" label={t.type} choices={types} values={props.values} required />
            </div>
          </div>
          <RadioField
            name="holderKind"
            label={t.holderKind}
            values={props.values}
            choices={[
              { value: "person", label: c.person },
              { value: "organisation", label: c.organisation },
            ]}
          />
          <div class="fx-row">
            <div>
              <TextField name="holderName" label={t.holderName} values={props.values} required maxlength={100} />
            </div>
            <div>
              <TextField name="holderId" label={t.holderId} values={props.values} required maxlength={18} />
            </div>
          </div>
          <TextField name="title" label={t.title} hint={t.titleHint} values={props.values} required maxlength={120} />
          <TextField name="location" label={t.location} values={props.values} required maxlength={200} />
          <div class="fx-row">
            <div>
              <TextField
                name="quantity"
                label={t.quantity}
                hint={t.quantityHint}
                values={props.values}
                inputmode="decimal"
                required
              />
            </div>
            <div>
              <TextField name="siteRef" label={t.siteRef} hint={t.siteHint} values={props.values} maxlength={100} />
            </div>
          </div>
          <TextField
            name="certificateNo"
            label={t.certificateNo}
            hint={t.certificateHint}
            values={props.values}
            maxlength={100}
          />
          <EvidenceInput label={t.evidence} hint={t.evidenceHint} />
          <button class="btn" type="submit" data-testid="register-submit">
            {t.registerSubmit}
          </button>
        </form>
      </section>
    </FxPage>
  );
}

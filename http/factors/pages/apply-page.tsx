import type { CreditProduct, FactorsPolicy, FactorView } from "../../../core/factors/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { TextField, type Values } from "./fields.tsx";
import { institutionName, pct, placeName, typeName, yuan } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import type { PageProblem } from "./page-errors.ts";
import { type FxFrame, FxPage, Once, ProblemBox } from "./page-kit.tsx";
import { lendingText } from "./text-lending.ts";

/** A collateral unit the borrower may offer: a factor, or every member of a 三权合一 bundle. */
export interface UnitChoice {
  readonly key: string;
  readonly factorIds: readonly string[];
  readonly factors: readonly FactorView[];
  readonly typeCodes: readonly string[];
}

export function ApplyPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly policy: FactorsPolicy;
  readonly today: string;
  readonly units: readonly UnitChoice[];
  /** The unit keys ticked (the one the person came from, or what they sent). */
  readonly chosen: readonly string[];
  readonly products: readonly CreditProduct[];
  readonly labour: readonly FactorView[];
  readonly once: string;
  readonly values?: Values;
  readonly problem?: PageProblem;
}) {
  const { page, policy } = props;
  const lang = page.lang;
  const t = lendingText(lang);
  const region = props.frame.region;
  const chosen = props.units.filter((u) => props.chosen.includes(u.key));
  const types = new Set(chosen.flatMap((u) => u.typeCodes));
  const fits = (p: CreditProduct) => types.size > 0 && [...types].every((ty) => p.acceptedTypes.includes(ty));
  const products = [...props.products.filter(fits), ...props.products.filter((p) => !fits(p))];
  const productValue = props.values?.productId ?? products.find(fits)?.id ?? "";
  return (
    <FxPage page={page} title={t.applyTitle} frame={props.frame}>
      <h1>{t.applyTitle}</h1>
      <p class="tagline">{t.applyIntro}</p>
      <ProblemBox problem={props.problem} lang={lang} />
      <form method="post" action={fxPath.apply(region)} data-testid="apply-form">
        <Once value={props.once} />
        <section class="card">
          <h2>{t.collateral}</h2>
          {props.units.map((u) => (
            <label class="fx-check" data-unit={u.key}>
              <input type="checkbox" name="unit" value={u.factorIds.join(",")} checked={props.chosen.includes(u.key)} />
              <span>
                {u.factors.map((f) => `${f.typeCode} ${typeName(policy, f.typeCode, lang)} · ${f.title}`).join(" ＋ ")}
                <span class="hint"> · {placeName(u.factors[0]?.countyCode ?? "", lang)}</span>
              </span>
            </label>
          ))}
        </section>
        <section class="card">
          <h2>{t.product}</h2>
          {products.some(fits) ? null : <p class="fx-warn">{t.noProducts}</p>}
          {products.map((p) => (
            <label class="fx-check" data-product={p.id}>
              <input type="radio" name="productId" value={p.id} checked={p.id === productValue} required />
              <span>
                <strong>{p.name[lang]}</strong>
                <span class="hint">
                  {" "}
                  {format(t.productTerms, {
                    bank: institutionName(p.bankId, policy, lang, props.today),
                    min: yuan(p.amountMinFen),
                    max: yuan(p.amountMaxFen),
                    termMin: p.termMonthsMin,
                    termMax: p.termMonthsMax,
                    rateMin: pct(p.rateMinBp),
                    rateMax: pct(p.rateMaxBp),
                  })}
                  {p.requiresGuarantor ? ` · ${t.needsGuarantor}` : ""}
                  {p.requiresInsurer ? ` · ${t.needsInsurer}` : ""}
                  {fits(p) ? "" : ` · ${t.notAccepted}`}
                </span>
              </span>
            </label>
          ))}
          <div class="fx-row">
            <div>
              <TextField name="amount" label={t.amount} values={props.values} inputmode="decimal" required />
            </div>
            <div>
              <TextField
                name="termMonths"
                label={t.term}
                values={props.values}
                inputmode="numeric"
                required
                value="24"
              />
            </div>
          </div>
          {props.labour.length > 0 ? (
            <fieldset class="fx-radio">
              <legend>{t.labour}</legend>
              {props.labour.map((l) => (
                <label class="fx-check">
                  <input type="checkbox" name="labourFactorIds" value={l.id} />
                  <span>
                    {l.typeCode} {typeName(policy, l.typeCode, lang)} · {l.title}
                  </span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <button class="btn" type="submit" data-testid="apply-submit">
            {t.applySubmit}
          </button>
        </section>
      </form>
    </FxPage>
  );
}

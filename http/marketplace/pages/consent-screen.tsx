import type { ProductDetail } from "../../../core/marketplace/mod.ts";
import { format, type Lang } from "../../pages/i18n.ts";
import { beijingTime, purposeIn } from "./formatting.ts";
import { Facts, Period } from "./page-kit.tsx";
import { catalogueText } from "./text-catalogue.ts";

/**
 * The consent screen (MKT-R01/R02): exactly which data categories go to which one institution,
 * for what purpose each, over which period, kept how long, valid until when; one checkbox per
 * category (required ones ticked on the first showing, optional ones not) and a separate
 * "I agree". Consent is its own act: nothing else is agreed with it.
 */
export function ConsentScreen(props: {
  readonly lang: Lang;
  readonly detail: ProductDetail;
  readonly ticked: readonly string[] | undefined;
  readonly agreed: boolean;
}) {
  const { lang, detail } = props;
  const c = catalogueText(lang);
  const { recipient, categories, terms } = detail.consentScreen;
  const isTicked = (code: string, required: boolean) =>
    props.ticked === undefined ? required : props.ticked.includes(code);
  return (
    <section class="mk-consent" data-testid="consent-screen" data-recipient={recipient.id}>
      <h2>{c.consentTitle}</h2>
      <p class="mk-recipient">
        {c.consentTo} <b data-testid="consent-recipient">{recipient.name[lang]}</b>
        {lang === "zh" ? "，" : ", "}
        {c.consentOnly}{" "}
        <span data-testid="consent-purpose">
          {format(c.consentPurposeText, { product: detail.product.name[lang] })}
        </span>
      </p>
      <fieldset class="mk-fieldset">
        <legend class="hint">{c.dataTitle}</legend>
        <ul class="mk-cats">
          {categories.map((cat) => (
            <li data-testid="consent-category" data-category={cat.code} data-required={String(cat.required)}>
              <label class="mk-cat">
                <input type="checkbox" name="categories" value={cat.code} checked={isTicked(cat.code, cat.required)} />
                <span>
                  <span class="mk-cat-name">{cat.name[lang]}</span>
                  <span class="mk-req">{cat.required ? c.required : c.optional}</span>
                  <span class="mk-cat-meta">
                    {format(c.departmentLine, { department: cat.department.name[lang] || "—" })}
                  </span>
                  <span class="mk-cat-purpose" data-testid="category-purpose">
                    {format(c.purposeLine, { purpose: purposeIn(lang, cat.purpose) })}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Facts
        testid="consent-terms"
        rows={[
          [c.consentPeriod, <Period period={terms.dataPeriod} />],
          [c.consentLife, format(c.consentLifeValue, { n: terms.dataLifeMonths })],
          [c.consentExpiry, beijingTime(terms.expiresAt)],
        ]}
      />
      <p class="hint">{c.consentRevoke}</p>
      <p class="hint">{c.consentSeparate}</p>
      <label class="mk-agree">
        <input type="checkbox" name="agree" value="yes" checked={props.agreed} data-testid="consent-agree" />
        <span>{c.agree}</span>
      </label>
    </section>
  );
}

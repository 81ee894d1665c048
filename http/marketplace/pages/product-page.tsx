import type { Principal } from "../../../core/kernel/mod.ts";
import type { ProductDetail, SpecialAction } from "../../../core/marketplace/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { purposeIn, rateRange, yuanRange } from "./formatting.ts";
import { mkPath } from "./mk-paths.ts";
import { Facts, MkPage, Tag } from "./page-kit.tsx";
import { catalogueText } from "./text-catalogue.ts";
import { commonText } from "./text-common.ts";

/** One product: its terms, the data its decision uses (with purposes), and the way to apply. */
export function ProductPage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly principal: Principal | undefined;
  readonly simulated: boolean;
  readonly detail: ProductDetail;
  readonly actions: readonly SpecialAction[];
  readonly consentDays: number;
}) {
  const { page, region, detail } = props;
  const { product: p, institution, consentScreen } = detail;
  const lang = page.lang;
  const t = commonText(lang);
  const c = catalogueText(lang);
  return (
    <MkPage
      page={page}
      title={p.name[lang]}
      region={region}
      principal={props.principal}
      current="catalogue"
      simulated={props.simulated}
    >
      <p>
        <a href={mkPath.catalogue(region)}>← {c.title}</a>
      </p>
      <h1 data-testid="product-name">{p.name[lang]}</h1>
      <p class="mk-inst" data-testid="product-institution">
        {institution.name[lang]} · {t[`kind.${institution.kind}`]}
      </p>
      <div class="mk-tags">
        {p.channel === "direct" ? <Tag kind="direct">{t["channel.direct"]}</Tag> : null}
        {p.specialActions.map((code) => (
          <Tag kind="action">{props.actions.find((a) => a.code === code)?.name[lang] ?? code}</Tag>
        ))}
      </div>
      <section class="mk-section">
        <h2>{c.productFacts}</h2>
        <Facts
          rows={[
            [c.type, t[`type.${p.type}`]],
            [c.segment, p.segments.map((s) => t[`segment.${s}`]).join("、")],
            [c.channel, t[`channel.${p.channel}`]],
            [c.amountLabel, yuanRange(t, p.amountMin, p.amountMax)],
            [c.termLabel, format(t.monthsRange, { min: p.termMonthsMin, max: p.termMonthsMax })],
            [c.rateLabel, rateRange(p.rateMinBp, p.rateMaxBp)],
          ]}
        />
        <h3>{c.description}</h3>
        <p>{p.description}</p>
      </section>
      <section class="mk-section" data-testid="data-needs">
        <h2>{c.dataTitle}</h2>
        <p class="hint">{format(c.dataLead, { institution: consentScreen.recipient.name[lang] })}</p>
        <ul class="mk-cats">
          {consentScreen.categories.map((cat) => (
            <li data-category={cat.code}>
              <span class="mk-cat-name">{cat.name[lang]}</span>
              <span class="mk-req">{cat.required ? c.required : c.optional}</span>
              <span class="mk-cat-meta">
                {format(c.departmentLine, { department: cat.department.name[lang] || "—" })}
              </span>
              <span class="mk-cat-purpose">{format(c.purposeLine, { purpose: purposeIn(lang, cat.purpose) })}</span>
            </li>
          ))}
        </ul>
        <p class="hint">
          {format(c.dataTerms, { period: p.dataPeriodMonths, life: p.dataLifeMonths, days: props.consentDays })}
        </p>
      </section>
      <a class="btn" href={mkPath.apply(region, p.id)} data-testid="apply-link">
        {c.apply}
      </a>
    </MkPage>
  );
}

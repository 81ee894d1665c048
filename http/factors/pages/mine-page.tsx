import type { CreditProduct, FactorsPolicy, FactorView, MyWork } from "../../../core/factors/mod.ts";
import { valueAsOf } from "../../../core/kernel/mod.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { placeName, typeName } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import type { PageProblem } from "./page-errors.ts";
import { Badge, type FxFrame, FxPage, Money, Once, ProblemBox } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { homeText } from "./text-home.ts";
import { lendingText } from "./text-lending.ts";

/** Active marine factors not yet bundled, by sea-area site (FAC-R03). */
function bundleCandidates(factors: readonly FactorView[], memberTypes: readonly string[]): Map<string, FactorView[]> {
  const bySite = new Map<string, FactorView[]>();
  for (const f of factors) {
    if (f.status !== "ACTIVE" || f.bundleId !== null || f.siteRef === null || !memberTypes.includes(f.typeCode))
      continue;
    bySite.set(f.siteRef, [...(bySite.get(f.siteRef) ?? []), f]);
  }
  return bySite;
}

export function MinePage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly work: MyWork;
  readonly products: readonly CreditProduct[];
  readonly policy: FactorsPolicy;
  readonly today: string;
  readonly once: string;
  readonly problem?: PageProblem;
}) {
  const { page, work, policy } = props;
  const lang = page.lang;
  const t = homeText(lang);
  const c = commonText(lang);
  const l = lendingText(lang);
  const region = props.frame.region;
  const productName = new Map(props.products.map((p) => [p.id, p.name[lang]]));
  const members = valueAsOf(policy.marineBundle.memberTypes, props.today, "factors.marineBundle.memberTypes");
  const sites = bundleCandidates(work.factors, members);
  return (
    <FxPage page={page} title={t.mineTitle} frame={{ ...props.frame, on: "mine" }}>
      <h1>{t.mineTitle}</h1>
      <ProblemBox problem={props.problem} lang={lang} />
      <section class="card" data-testid="my-factors">
        {work.factors.length === 0 ? <p class="hint">{t.mineEmpty}</p> : null}
        <ul class="fx-list">
          {work.factors.map((f) => (
            <li data-factor={f.id}>
              <a class="fx-open" href={fxPath.factor(region, f.id)}>
                {f.title}
              </a>{" "}
              <Badge status={f.status} label={c[`factorStatus_${f.status}`]} />
              {f.bundleId ? <span class="fx-rule">{t.bundled}</span> : null}
              <p class="hint">
                {f.typeCode} {typeName(policy, f.typeCode, lang)} · {placeName(f.countyCode, lang)} · {f.location}
              </p>
            </li>
          ))}
        </ul>
        <a class="btn fx-2" href={fxPath.register(region)}>
          {t.registerOne}
        </a>
      </section>
      {sites.size > 0 ? (
        <section class="card" data-testid="bundle-card">
          <h2>{t.bundleTitle}</h2>
          <p class="hint">{t.bundleHint}</p>
          {[...sites.entries()].map(([site, factors]) => (
            <form method="post" action={fxPath.bundle(region)} data-testid="bundle-form" data-site={site}>
              <Once value={props.once} />
              <strong>{site}</strong>
              {factors.map((f) => (
                <label class="fx-check">
                  <input type="checkbox" name="factorIds" value={f.id} checked />
                  <span>
                    {f.typeCode} {typeName(policy, f.typeCode, lang)} · {f.title}
                  </span>
                </label>
              ))}
              <button class="btn" type="submit" data-testid="bundle-submit">
                {t.bundleSubmit}
              </button>
            </form>
          ))}
        </section>
      ) : null}
      <section class="card" data-testid="my-applications">
        <h2>{t.applicationsTitle}</h2>
        {work.applications.length === 0 ? <p class="hint">{c.empty}</p> : null}
        <ul class="fx-list">
          {work.applications.map((a) => (
            <li data-application={a.id}>
              <a class="fx-open" href={fxPath.application(region, a.id)}>
                {productName.get(a.productId) ?? a.productId}
              </a>{" "}
              <Badge status={a.status} label={l[`status_${a.status}`]} />
              <p class="hint">
                <Money fen={a.requestedAmount} lang={lang} /> · {a.createdAt.slice(0, 10)}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </FxPage>
  );
}

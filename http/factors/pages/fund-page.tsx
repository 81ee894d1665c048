import type { CreditProduct, FactorsPolicy, FundLedger } from "../../../core/factors/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { type Choice, SelectField, TextField } from "./fields.tsx";
import { institutionName, yuan } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import type { PageProblem } from "./page-errors.ts";
import { type FxFrame, FxPage, ProblemBox } from "./page-kit.tsx";
import { fundText } from "./text-fund.ts";

export interface FundFilter {
  readonly area: string;
  readonly year: string;
}

/** FAC-R09 the county funds' claims and annual cap usage, with CSV exports for the finance bureau. */
export function FundPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly areas: readonly Choice[];
  readonly filter: FundFilter;
  readonly ledger: FundLedger | undefined;
  readonly policy: FactorsPolicy;
  readonly products: readonly CreditProduct[];
  readonly problem?: PageProblem;
}) {
  const { page, ledger: l, policy, filter } = props;
  const lang = page.lang;
  const t = fundText(lang);
  const region = props.frame.region;
  const productName = new Map(props.products.map((p) => [p.id, p.name[lang]]));
  const countyName = (code: string) => policy.counties[code]?.name[lang] ?? code;
  const exportQuery = new URLSearchParams({
    year: filter.year,
    ...(filter.area === region ? {} : { countyCode: filter.area }),
  }).toString();
  return (
    <FxPage page={page} title={t.title} frame={{ ...props.frame, on: "fund" }}>
      <h1>{t.title}</h1>
      <p class="tagline">{t.intro}</p>
      <form method="get" action={fxPath.fund(region)} class="card fx-filter" data-testid="fund-filter">
        <div>
          <SelectField name="area" label={t.area} choices={props.areas} value={filter.area} />
        </div>
        <div>
          <TextField name="year" label={t.year} value={filter.year} />
        </div>
        <button class="btn fx-2" type="submit" data-testid="fund-apply">
          {t.apply}
        </button>
      </form>
      <ProblemBox problem={props.problem} lang={lang} />
      {l ? (
        <>
          <section class="card" data-testid="fund-counties">
            <h2>{t.counties}</h2>
            <p class="hint">{format(t.capsAsOf, { date: l.capsAsOf })}</p>
            <div class="fx-scroll">
              <table class="fx-table">
                <thead>
                  <tr>
                    <th>{t.county}</th>
                    <th class="num">{t.cap}</th>
                    <th class="num">{t.used}</th>
                    <th class="num">{t.remaining}</th>
                    <th class="num">{t.claimsCount}</th>
                  </tr>
                </thead>
                <tbody>
                  {l.counties.map((c) => (
                    <tr data-county={c.countyCode}>
                      <td>{countyName(c.countyCode)}</td>
                      <td class="num">{c.annualCap === null ? t.noCap : yuan(c.annualCap)}</td>
                      <td class="num" data-testid="used">
                        {yuan(c.used)}
                      </td>
                      <td class="num">{c.remaining === null ? "—" : yuan(c.remaining)}</td>
                      <td class="num">{c.claims}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              <a class="btn fx-2" href={`/api/factors/${region}/fund-ledger/counties.csv?${exportQuery}`} download>
                {t.exportCounties}
              </a>
            </p>
          </section>
          <section class="card" data-testid="fund-claims">
            <h2>{t.claims}</h2>
            {l.claims.length === 0 ? (
              <p class="hint">{t.none}</p>
            ) : (
              <div class="fx-scroll">
                <table class="fx-table">
                  <thead>
                    <tr>
                      <th>{t.county}</th>
                      <th>{t.loan}</th>
                      <th>{t.bank}</th>
                      <th>{t.product}</th>
                      <th class="num">{t.principal}</th>
                      <th class="num">{t.loss}</th>
                      <th class="num">{t.fundPart}</th>
                      <th>{t.allocatedOn}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {l.claims.map((c) => (
                      <tr data-loan={c.loanId}>
                        <td>{countyName(c.countyCode)}</td>
                        <td>
                          <a href={fxPath.loan(region, c.loanId)}>{c.loanId}</a>
                        </td>
                        <td>{institutionName(c.bankId, policy, lang, c.allocatedOn)}</td>
                        <td>{productName.get(c.productId) ?? c.productId}</td>
                        <td class="num">{yuan(c.principal)}</td>
                        <td class="num">{yuan(c.loss)}</td>
                        <td class="num">{yuan(c.fundPart)}</td>
                        <td>{c.allocatedOn}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <td colspan={6}>{t.total}</td>
                      <td class="num" data-testid="fund-total">
                        {yuan(l.total)}
                      </td>
                      <td />
                    </tr>
                  </tfoot>
                </table>
              </div>
            )}
            <p>
              <a class="btn fx-2" href={`/api/factors/${region}/fund-ledger/claims.csv?${exportQuery}`} download>
                {t.exportClaims}
              </a>
            </p>
          </section>
        </>
      ) : null}
    </FxPage>
  );
}

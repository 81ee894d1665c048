import { type FundLedger, getFundLedger, listCreditProducts } from "../../../core/factors/mod.ts";
import { inRegion, regionContains } from "../../../core/kernel/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { attempt } from "./actions.ts";
import type { Choice } from "./fields.tsx";
import { placeName } from "./format.ts";
import { type FundFilter, FundPage } from "./fund-page.tsx";
import { caller, type DepsFor, frameOf, guarded, langOf, regionOf, todayOf } from "./fx-context.tsx";
import { commonText } from "./text-common.ts";

/**
 * FAC-R09 the government risk-compensation fund ledger for the county finance bureau and the
 * regulators: each county fund's annual cap usage and the claims of a year, with CSV exports.
 */
export function registerFundRoutes(app: App, depsFor: DepsFor): void {
  app.get(
    "/factors/:region/fund",
    guarded(async (c) => {
      const region = regionOf(c);
      const p = caller(c, "regulator", "platform_admin");
      const lang = langOf(c);
      const deps = depsFor(region);
      const policy = deps.policyFor(null);
      const whole = inRegion(p, region) || p.roles.includes("platform_admin");
      const counties = Object.entries(policy.counties).filter(
        ([code]) => whole || p.regionCodes.some((rc) => regionContains(rc, code)),
      );
      const areas: Choice[] = [
        ...(whole ? [{ value: region, label: `${placeName(region, lang)}（${commonText(lang).wholeRegion}）` }] : []),
        ...counties.map(([code, county]) => ({ value: code, label: county.name[lang] })),
      ];
      const asked = c.req.query("area") ?? "";
      const area = areas.some((a) => a.value === asked) ? asked : (areas[0]?.value ?? region);
      const yearText = c.req.query("year") ?? "";
      const filter: FundFilter = { area, year: /^\d{4}$/.test(yearText) ? yearText : todayOf(c).slice(0, 4) };
      const [outcome, products] = await Promise.all([
        attempt(lang, () =>
          getFundLedger(deps, p, { countyCode: area === region ? null : area, year: Number(filter.year) }),
        ),
        listCreditProducts(deps, p),
      ]);
      const ledger: FundLedger | undefined = outcome.ok ? outcome.value : undefined;
      return c.html(
        <FundPage
          page={pageContext(c)}
          frame={frameOf(c, region)}
          areas={areas}
          filter={filter}
          ledger={ledger}
          policy={policy}
          products={products}
          problem={outcome.ok ? undefined : outcome.problem}
        />,
        outcome.ok ? 200 : outcome.problem.status,
      );
    }),
  );
}

import { type Dashboard, getDashboard, listCreditProducts } from "../../../core/factors/mod.ts";
import { addMonths, inRegion, regionContains } from "../../../core/kernel/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { attempt } from "./actions.ts";
import { type DashboardFilter, DashboardPage } from "./dashboard-page.tsx";
import type { Choice } from "./fields.tsx";
import { placeName } from "./format.ts";
import { caller, type DepsFor, frameOf, guarded, langOf, regionOf, todayOf } from "./fx-context.tsx";
import { commonText } from "./text-common.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The county and city dashboards for regulators (and platform admins). Filters are a GET form, so
 * a view can be bookmarked; a bad period shows the form again with the refusal.
 */
export function registerDashboardRoutes(app: App, depsFor: DepsFor): void {
  app.get(
    "/factors/:region/dashboard",
    guarded(async (c) => {
      const region = regionOf(c);
      const p = caller(c, "regulator", "platform_admin");
      const lang = langOf(c);
      const deps = depsFor(region);
      const policy = deps.policyFor(null);
      const today = todayOf(c);
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
      const from = c.req.query("from") ?? "";
      const to = c.req.query("to") ?? "";
      const filter: DashboardFilter = {
        area,
        from: DATE.test(from) ? from : addMonths(today, -12),
        to: DATE.test(to) ? to : today,
      };
      const [outcome, products] = await Promise.all([
        attempt(lang, () =>
          getDashboard(deps, p, { countyCode: area === region ? null : area, from: filter.from, to: filter.to }),
        ),
        listCreditProducts(deps, p),
      ]);
      const dashboard: Dashboard | undefined = outcome.ok ? outcome.value : undefined;
      return c.html(
        <DashboardPage
          page={pageContext(c)}
          frame={frameOf(c, region)}
          areas={areas}
          filter={filter}
          dashboard={dashboard}
          policy={policy}
          products={products}
          problem={outcome.ok ? undefined : outcome.problem}
        />,
        outcome.ok ? 200 : outcome.problem.status,
      );
    }),
  );
}

import { addMonths, businessDateOf, fujianChildren, fujianRegion } from "../../../core/kernel/mod.ts";
import { aggregateFigureInputs, type FiguresRow, figuresFrom, getFigures } from "../../../core/quickclaim/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { type DashboardFilter, DashboardPage } from "./dashboard-page.tsx";
import { type PageProblem, pageProblem } from "./page-errors.ts";
import { type DepsFor, guarded, regionOf, staff } from "./qc-context.tsx";
import { dashboardText } from "./text-dashboard.ts";

/**
 * QC-R08 成效看板 for regulators (and centre staff): figures of the prefecture or one county for
 * a period, per service centre or county. Filters are a GET form, so a view can be bookmarked.
 */
export function registerDashboardRoutes(app: App, depsFor: DepsFor): void {
  app.get(
    "/quickclaim/:region/dashboard",
    guarded(async (c) => {
      const region = regionOf(c);
      const p = staff(c, "regulator", "clerk", "platform_admin");
      const deps = depsFor(region);
      const lang = c.get("lang") ?? "zh";
      const t = dashboardText(lang);
      const today = businessDateOf(c.get("platform").clock.now());
      const counties = fujianChildren(region);
      const areas = [
        { code: region, name: `${fujianRegion(region)?.[lang] ?? region}（${t.wholeRegion}）` },
        ...counties.map((r) => ({ code: r.code, name: r[lang] })),
      ];
      const asked = c.req.query("area") ?? region;
      const filter: DashboardFilter = {
        area: areas.some((a) => a.code === asked) ? asked : region,
        from: c.req.query("from") || addMonths(today, -12),
        to: c.req.query("to") || today,
        groupBy: c.req.query("groupBy") === "county" ? "county" : "centre",
      };
      const centres = new Map(deps.policy.serviceCentres.map((sc) => [sc.id, sc.name[lang]]));
      const labelOf = (key: string) => centres.get(key) ?? fujianRegion(key)?.[lang] ?? key;
      let total: FiguresRow | undefined;
      let rows: FiguresRow[] = [];
      let problem: PageProblem | undefined;
      try {
        const query = { regionCode: filter.area, from: filter.from, to: filter.to };
        [total] = await getFigures(deps, { ...query, groupBy: "region" }, p);
        // No case in the area and period: every count is 0 (the shares stay "—").
        total ??= { key: filter.area, ...figuresFrom(aggregateFigureInputs([], [], [])), recentSuggestions: [] };
        rows = await getFigures(deps, { ...query, groupBy: filter.groupBy }, p);
      } catch (e) {
        problem = pageProblem(e, lang);
        if (!problem || problem.status === 404 || problem.status === 403) throw e;
      }
      return c.html(
        <DashboardPage
          page={pageContext(c)}
          region={region}
          areas={areas}
          filter={filter}
          total={total}
          rows={rows}
          labelOf={labelOf}
          problem={problem}
        />,
        problem?.status ?? 200,
      );
    }),
  );
}

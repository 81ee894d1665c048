import { listCountyQueue, listCreditProducts, listInstitutionQueue } from "../../../core/factors/mod.ts";
import { inRegion, regionContains } from "../../../core/kernel/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { BankPage } from "./bank-page.tsx";
import { CountyPage } from "./county-page.tsx";
import type { Choice } from "./fields.tsx";
import { caller, type DepsFor, frameOf, guarded, langOf, regionOf } from "./fx-context.tsx";
import { commonText } from "./text-common.ts";

/** The institution desk and the county desk. */
export function registerQueueRoutes(app: App, depsFor: DepsFor): void {
  app.get(
    "/factors/:region/bank",
    guarded(async (c) => {
      const region = regionOf(c);
      const p = caller(c, "institution_staff", "institution_admin");
      const deps = depsFor(region);
      const [queue, products] = await Promise.all([listInstitutionQueue(deps, p), listCreditProducts(deps, p)]);
      return c.html(<BankPage page={pageContext(c)} frame={frameOf(c, region)} queue={queue} products={products} />);
    }),
  );

  app.get(
    "/factors/:region/county",
    guarded(async (c) => {
      const region = regionOf(c);
      const p = caller(c, "regulator", "platform_admin");
      const lang = langOf(c);
      const deps = depsFor(region);
      const policy = deps.policyFor(null);
      const whole = inRegion(p, region) || p.roles.includes("platform_admin");
      const reachable = Object.entries(policy.counties).filter(
        ([code]) => whole || p.regionCodes.some((rc) => regionContains(rc, code)),
      );
      const counties: Choice[] = [
        ...(whole ? [{ value: "", label: commonText(lang).wholeRegion }] : []),
        ...reachable.map(([code, county]) => ({ value: code, label: county.name[lang] })),
      ];
      const asked = c.req.query("county") ?? "";
      const county = reachable.some(([code]) => code === asked) ? asked : "";
      const queue = await listCountyQueue(deps, p, { countyCode: county === "" ? null : county });
      return c.html(
        <CountyPage
          page={pageContext(c)}
          frame={frameOf(c, region)}
          queue={queue}
          counties={counties}
          county={county}
        />,
      );
    }),
  );
}

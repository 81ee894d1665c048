import { isDomainError, parseYuan } from "../../../core/kernel/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { consentExpiryDaysNow, institutionDirectory, specialActionsNow } from "./catalogue-data.ts";
import { type CatalogueFilters, CataloguePage, CHANNELS, PRODUCT_TYPES, SEGMENTS } from "./catalogue-page.tsx";
import { guarded, type MkContext, type MkRoutesDeps, MODULE_ID, param, regionOf } from "./mk-context.tsx";
import { mkPath } from "./mk-paths.ts";
import { ProductPage } from "./product-page.tsx";
import { isSimulated } from "./simulated.ts";
import { catalogueText } from "./text-catalogue.ts";

/** The product marketplace (filters, special-action columns) and the product page; open to everyone. */
const PAGE_SIZE = 20;

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

function filtersOf(c: MkContext): CatalogueFilters {
  const q = (k: string) => (c.req.query(k) ?? "").trim().slice(0, 100);
  return {
    action: q("action"),
    type: q("type"),
    segment: q("segment"),
    channel: q("channel"),
    institution: q("institution"),
    amount: q("amount"),
    term: q("term"),
    text: q("text"),
  };
}

export function registerCatalogueRoutes(app: App, deps: MkRoutesDeps): void {
  /** The home page links `/marketplace?region=…`; without one, the first region that has the module. */
  app.get("/marketplace", (c) => {
    const asked = c.req.query("region");
    const regions = [...c.get("platform").regions.values()].filter((r) => r.modules.includes(MODULE_ID));
    const region = regions.find((r) => r.code === asked) ?? regions[0];
    if (!region) return c.notFound();
    return c.redirect(mkPath.catalogue(region.code), 302);
  });

  app.get(
    "/marketplace/:region",
    guarded(async (c) => {
      const region = regionOf(c);
      const md = deps.depsFor(region);
      const uc = deps.useCases(region);
      const lang = c.get("lang") ?? "zh";
      const t = catalogueText(lang);
      const f = filtersOf(c);
      const actions = specialActionsNow(md);
      const errors: string[] = [];
      let amount: number | undefined;
      if (f.amount !== "") {
        try {
          amount = parseYuan(f.amount, "amount");
          if (amount < 0) throw new RangeError("negative");
        } catch (e) {
          if (!isDomainError(e) && !(e instanceof RangeError)) throw e;
          amount = undefined;
          errors.push(t.badAmount);
        }
      }
      let termMonths: number | undefined;
      if (f.term !== "") {
        termMonths = /^\d{1,3}$/.test(f.term) && Number(f.term) >= 1 ? Number(f.term) : undefined;
        if (termMonths === undefined) errors.push(t.badTerm);
      }
      const pageNo = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
      const action = actions.find((a) => a.code === f.action)?.code;
      const search = {
        type: pick(f.type, PRODUCT_TYPES),
        segment: pick(f.segment, SEGMENTS),
        channel: pick(f.channel, CHANNELS),
        institutionId: f.institution || undefined,
        specialAction: action,
        amount,
        termMonths,
        text: f.text || undefined,
        limit: PAGE_SIZE,
        offset: (pageNo - 1) * PAGE_SIZE,
      };
      const defined = Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined));
      const [result, institutions, allCount, counts] = await Promise.all([
        uc.searchProducts.execute(defined),
        institutionDirectory(md),
        uc.searchProducts.execute({ limit: 1 }).then((r) => r.total),
        Promise.all(actions.map((a) => uc.searchProducts.execute({ specialAction: a.code, limit: 1 }))),
      ]);
      return c.html(
        <CataloguePage
          page={pageContext(c)}
          region={region}
          principal={c.get("principal")}
          simulated={isSimulated(c, region)}
          actions={actions.map((a, i) => ({ ...a, count: counts[i]?.total ?? 0 }))}
          allCount={allCount}
          filters={{ ...f, action: action ?? "" }}
          filterErrors={errors}
          institutions={institutions}
          items={result.items}
          total={result.total}
          pageNo={pageNo}
          pageSize={PAGE_SIZE}
        />,
      );
    }),
  );

  app.get(
    "/marketplace/:region/products/:productId",
    guarded(async (c) => {
      const region = regionOf(c);
      const md = deps.depsFor(region);
      const detail = await deps.useCases(region).getProduct.execute({ productId: param(c, "productId") });
      return c.html(
        <ProductPage
          page={pageContext(c)}
          region={region}
          principal={c.get("principal")}
          simulated={isSimulated(c, region)}
          detail={detail}
          actions={specialActionsNow(md)}
          consentDays={consentExpiryDaysNow(md)}
        />,
      );
    }),
  );
}

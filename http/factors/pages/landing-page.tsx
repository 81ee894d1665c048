import type { FactorsPolicy } from "../../../core/factors/mod.ts";
import { hasRole, type Principal, valueAsOf } from "../../../core/kernel/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { pct } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { type FxFrame, FxPage } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { homeText } from "./text-home.ts";

const CATEGORIES = ["A", "R", "I", "L"] as const;

function Catalogue(props: { readonly page: PageContext; readonly policy: FactorsPolicy; readonly today: string }) {
  const { lang } = props.page;
  const t = homeText(lang);
  const c = commonText(lang);
  const types = Object.entries(props.policy.catalogue);
  return (
    <section class="card" data-testid="catalogue">
      <h2>{t.catalogueTitle}</h2>
      <p class="sub">
        {format(t.catalogueSummary, {
          categories: new Set(types.map(([, x]) => x.category)).size,
          types: types.length,
        })}
      </p>
      <div class="fx-cats">
        {CATEGORIES.map((cat) => (
          <div>
            <strong>
              {cat} {c[`category_${cat}`]}
            </strong>
            <ul>
              {types
                .filter(([, x]) => x.category === cat)
                .map(([code, x]) => {
                  const ltv = x.ltvBp ? valueAsOf(x.ltvBp, props.today, `factors.catalogue.${code}.ltvBp`) : null;
                  return (
                    <li data-type={code}>
                      {code} {x.name[lang]}
                      <span class="hint">
                        {" · "}
                        {format(t.confirmedBy, { registry: x.registry.name[lang] })}
                        {" · "}
                        {ltv === null ? t.notCollateral : format(t.ltv, { ltv: pct(ltv) })}
                      </span>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

function Counties(props: { readonly page: PageContext; readonly policy: FactorsPolicy; readonly today: string }) {
  const { lang } = props.page;
  const t = homeText(lang);
  const rows = Object.entries(props.policy.counties).map(([code, county]) => ({
    code,
    name: county.name[lang],
    company: valueAsOf(county.collectionCompany, props.today, `factors.counties.${code}.collectionCompany`),
  }));
  return (
    <section class="card" data-testid="counties">
      <h2>{t.countiesTitle}</h2>
      <p class="sub">
        {format(t.countiesSummary, { n: rows.length, with: rows.filter((r) => r.company !== null).length })}
      </p>
      <ul class="fx-list">
        {rows.map((r) => (
          <li data-county={r.code}>
            <strong>{r.name}</strong>
            <span class="hint"> · {r.company ? r.company.name[lang] : t.noCompany}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LandingPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly regionName: string;
  readonly policy: FactorsPolicy;
  readonly today: string;
}) {
  const { page, frame } = props;
  const t = homeText(page.lang);
  const c = commonText(page.lang);
  const p: Principal | undefined = frame.principal;
  const r = frame.region;
  const tiles: [string, string, string, boolean][] = [
    [fxPath.mine(r), c.navMine, t.tileMine, !!p && hasRole(p, "citizen", "clerk", "institution_staff")],
    [fxPath.register(r), c.navRegister, t.tileRegister, !!p && hasRole(p, "citizen", "clerk", "institution_staff")],
    [fxPath.market(r), c.navMarket, t.tileMarket, !!p],
    [fxPath.bank(r), c.navBank, t.tileBank, !!p && hasRole(p, "institution_staff", "institution_admin")],
    [fxPath.county(r), c.navCounty, t.tileCounty, !!p && hasRole(p, "regulator", "platform_admin")],
    [fxPath.dashboard(r), c.navDashboard, t.tileDashboard, !!p && hasRole(p, "regulator", "platform_admin")],
  ];
  return (
    <FxPage page={page} title={`${props.regionName} · ${c.module}`} frame={{ ...frame, on: "home" }}>
      <h1>
        {props.regionName} · {c.module}
      </h1>
      <p class="tagline">{t.intro}</p>
      {p ? (
        <div class="fx-tiles" data-testid="tiles">
          {tiles
            .filter(([, , , shown]) => shown)
            .map(([href, title, sub]) => (
              <a href={href}>
                <b>{title}</b>
                <span>{sub}</span>
              </a>
            ))}
        </div>
      ) : (
        <p>
          <a class="btn" href={fxPath.signIn(fxPath.home(r))} data-testid="sign-in">
            {t.signInToStart}
          </a>
        </p>
      )}
      <p />
      <Catalogue page={page} policy={props.policy} today={props.today} />
      <Counties page={page} policy={props.policy} today={props.today} />
    </FxPage>
  );
}

export function RegionChoicePage(props: {
  readonly page: PageContext;
  readonly regions: readonly { readonly code: string; readonly name: string }[];
}) {
  const t = homeText(props.page.lang);
  const c = commonText(props.page.lang);
  return (
    <FxPage page={props.page} title={c.module}>
      <h1>{c.module}</h1>
      <section class="card">
        <h2>{t.chooseRegion}</h2>
        <ul class="fx-list">
          {props.regions.map((r) => (
            <li>
              <a class="fx-open" href={fxPath.home(r.code)}>
                {r.name}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </FxPage>
  );
}

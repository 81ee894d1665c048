import type { RegionContext } from "../../adapters/composition/platform.ts";
import { format } from "./i18n.ts";
import { Layout, type PageContext } from "./layout.tsx";

/** Home: the configured regions, each with links to its enabled modules (`/{module}?region=…`). */
export interface ModuleTitle {
  readonly zh: string;
  readonly en: string;
}

export function moduleTitle(page: PageContext, id: string, titles: ReadonlyMap<string, ModuleTitle>): string {
  const own = titles.get(id);
  if (own) return own[page.lang];
  const key = `module.${id}` as keyof typeof page.t;
  return page.t[key] ?? id;
}

export function HomePage(props: {
  readonly page: PageContext;
  readonly regions: readonly RegionContext[];
  readonly titles: ReadonlyMap<string, ModuleTitle>;
}) {
  const { page, regions } = props;
  const { t } = page;
  const other = page.lang === "zh" ? "en" : "zh";
  return (
    <Layout page={page}>
      <h1>{t.siteName}</h1>
      <p class="tagline">{t.siteTagline}</p>
      <h2>{t.regionsTitle}</h2>
      {regions.length === 0 ? <p>{t.regionsNone}</p> : null}
      <div class="grid">
        {regions.map((r) => (
          <section class="card" data-region={r.code} data-testid="region">
            <h2>
              {r.name[page.lang]}
              {r.pluginDetails?.some((p) => p.simulator) ? <span class="badge">{t.simulatorNote}</span> : null}
            </h2>
            <p class="sub">
              {r.name[other]} · {format(t.regionCode, { code: r.code })}
            </p>
            {r.modules.length === 0 ? (
              <p class="hint">{t.modulesNone}</p>
            ) : (
              <ul class="modules">
                {r.modules.map((m) => (
                  <li>
                    <a href={`/${encodeURIComponent(m)}?region=${encodeURIComponent(r.code)}`} data-module={m}>
                      {moduleTitle(page, m, props.titles)}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </Layout>
  );
}

import type { RegionContext } from "../../adapters/composition/platform.ts";
import { type RegionSummary, summariseRegion } from "../system/region-summary.ts";
import { defineMessages, format, type Lang } from "./i18n.ts";
import { Layout, type PageContext } from "./layout.tsx";

/**
 * Home: the configured regions, each with links to its enabled modules (`/{module}?region=…`),
 * the plugins installed for it (simulators marked 模拟器 / simulator) and the source of its
 * working-day calendar, with a warning for years that are only provisional (KRN-R03), so that
 * operators see at a glance what is real and what is a stand-in.
 */
export interface ModuleTitle {
  readonly zh: string;
  readonly en: string;
}

const homeText = defineMessages({
  zh: {
    plugins: "已安装插件 {n} 个",
    pluginsWithSimulators: "已安装插件 {n} 个，其中模拟器 {sims} 个",
    pluginsNone: "未安装插件。",
    simulator: "模拟器",
    calendar: "工作日历来源：{source}",
    provisional: "临时",
    provisionalText: "{years} 年为临时日历：仅含法定节假日，国务院当年放假安排（调休、连休）尚未载入，请在发布后更新。",
  },
  en: {
    plugins: "{n} plugins installed",
    pluginsWithSimulators: "{n} plugins installed, {sims} of them simulators",
    pluginsNone: "No plugin installed.",
    simulator: "simulator",
    calendar: "Working-day calendar source: {source}",
    provisional: "PROVISIONAL",
    provisionalText:
      "{years}: provisional calendar with the statutory holidays only; the State Council's arrangement for the year (bridge days, 调休) is not loaded yet; update it once published.",
  },
});

export function moduleTitle(page: PageContext, id: string, titles: ReadonlyMap<string, ModuleTitle>): string {
  const own = titles.get(id);
  if (own) return own[page.lang];
  const key = `module.${id}` as keyof typeof page.t;
  return page.t[key] ?? id;
}

/** The region's plugins, folded under a summary that counts the simulators. */
function Plugins(props: { readonly lang: Lang; readonly summary: RegionSummary }) {
  const h = homeText(props.lang);
  const { plugins, simulators } = props.summary;
  if (plugins.length === 0) return <p class="hint">{h.pluginsNone}</p>;
  const counts = { n: plugins.length, sims: simulators.length };
  return (
    <details class="hint" data-testid="plugins">
      <summary>{format(simulators.length > 0 ? h.pluginsWithSimulators : h.plugins, counts)}</summary>
      <ul>
        {plugins.map((p) => (
          <li data-plugin={p.id} data-simulator={p.simulator ? "true" : "false"}>
            {p.title ? p.title[props.lang] : p.id}{" "}
            <span class="sub">
              {p.id}
              {p.version ? ` ${p.version}` : ""}
            </span>
            {p.simulator ? (
              <span class="badge" data-testid="simulator">
                {h.simulator}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Calendar(props: { readonly lang: Lang; readonly summary: RegionSummary }) {
  const { calendar } = props.summary;
  if (!calendar) return null;
  const h = homeText(props.lang);
  const years = calendar.provisionalYears.join(props.lang === "zh" ? "、" : ", ");
  return (
    <>
      <p class="hint" data-testid="calendar-source">
        {format(h.calendar, { source: calendar.source })}
      </p>
      {calendar.provisionalYears.length > 0 ? (
        <p class="hint" data-testid="calendar-provisional">
          <span class="badge">{h.provisional}</span> {format(h.provisionalText, { years })}
        </p>
      ) : null}
    </>
  );
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
        {regions.map((r) => {
          const summary = summariseRegion(r);
          return (
            <section class="card" data-region={r.code} data-testid="region">
              <h2>
                {r.name[page.lang]}
                {summary.simulators.length > 0 ? <span class="badge">{t.simulatorNote}</span> : null}
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
              <Plugins lang={page.lang} summary={summary} />
              <Calendar lang={page.lang} summary={summary} />
            </section>
          );
        })}
      </div>
    </Layout>
  );
}

import { formatYuan, prefectureOf } from "../../../core/kernel/mod.ts";
import type { CaseSummary, QuickClaimParams, QuickClaimPolicy } from "../../../core/quickclaim/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { beijingTime, plateText, QcPage, StatusBadge } from "./page-kit.tsx";
import { qcPath } from "./qc-paths.ts";
import { commonText } from "./text-common.ts";
import { partyText } from "./text-party.ts";

/** Yuan without needless decimals for the conditions text: 500000 fen → "5000". */
function wholeYuan(fen: number): string {
  const s = formatYuan(fen);
  return s.endsWith(".00") ? s.slice(0, -3) : s;
}

/** `/quickclaim?region=…`: what the service is, the report button, staff entrances, service centres. */
export function LandingPage(props: {
  readonly page: PageContext;
  readonly region: { readonly code: string; readonly name: string };
  readonly policy: QuickClaimPolicy;
  readonly params: QuickClaimParams;
  readonly simulated: boolean;
  /** The signed-in citizen's own cases. */
  readonly mine: readonly CaseSummary[];
}) {
  const { page, region, policy, params } = props;
  const t = partyText(page.lang);
  const q = commonText(page.lang);
  const caps = params.remoteLimits;
  const capsText =
    caps.injuryCapFen > 0
      ? format(t.conditionCaps, { property: wholeYuan(caps.propertyCapFen), injury: wholeYuan(caps.injuryCapFen) })
      : format(t.conditionCapsNoInjury, { property: wholeYuan(caps.propertyCapFen) });
  return (
    <QcPage page={page} title={q.module}>
      <h1>
        {q.module} · {region.name}
      </h1>
      <p class="tagline">{q.slogan}</p>
      {props.simulated ? <p class="badge">{q.simulated}</p> : null}
      <section class="card">
        <p>{t.landingLead}</p>
        <a class="btn" href={qcPath.report(region.code)} data-testid="report-cta">
          {t.reportCta}
        </a>
        <h2 class="qc-sub">{t.conditions}</h2>
        <p class="hint" data-testid="conditions">
          {capsText}
          {format(t.conditionRest, { n: params.maxParties })}
        </p>
      </section>
      {props.mine.length > 0 ? (
        <section class="card">
          <h2>{t.myCases}</h2>
          <ul class="qc-queue" data-testid="my-cases">
            {props.mine.map((s) => (
              <li data-case={s.caseId}>
                <a class="qc-open" href={qcPath.case(prefectureOf(s.regionCode) ?? region.code, s.caseId)}>
                  {s.plates.map(plateText).join(" / ")}
                </a>{" "}
                <StatusBadge lang={page.lang} status={s.status} />
                <p class="hint">{beijingTime(s.reportedAt)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="card">
        <h2>{t.staffEntrances}</h2>
        <ul class="modules">
          <li>
            <a href={qcPath.police(region.code)}>{t.policeDesk}</a>
          </li>
          <li>
            <a href={qcPath.adjuster(region.code)}>{t.adjusterQueue}</a>
          </li>
          <li>
            <a href={qcPath.dashboard(region.code)}>{t.dashboard}</a>
          </li>
        </ul>
      </section>
      <section class="card">
        <h2>
          {t.centres} ({policy.serviceCentres.length})
        </h2>
        <ul class="qc-queue qc-centres" data-testid="centres">
          {policy.serviceCentres.map((sc) => (
            <li>
              <strong>{sc.name[page.lang]}</strong>
              <p class="hint">{sc.address}</p>
            </li>
          ))}
        </ul>
      </section>
    </QcPage>
  );
}

/** When `/quickclaim` is opened without a region: the regions that offer quick claims. */
export function RegionChoicePage(props: {
  readonly page: PageContext;
  readonly regions: readonly { readonly code: string; readonly name: string }[];
}) {
  const t = partyText(props.page.lang);
  const q = commonText(props.page.lang);
  return (
    <QcPage page={props.page} title={q.module}>
      <h1>{q.module}</h1>
      <section class="card">
        <h2>{t.chooseRegion}</h2>
        <ul class="modules">
          {props.regions.map((r) => (
            <li>
              <a href={qcPath.landing(r.code)}>{r.name}</a>
            </li>
          ))}
        </ul>
      </section>
    </QcPage>
  );
}

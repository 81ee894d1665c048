import type { EvidenceRecord } from "../../../adapters/factors/evidence-store.ts";
import type { FactorHistory, FactorsPolicy } from "../../../core/factors/mod.ts";
import { type Principal, valueAsOf } from "../../../core/kernel/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { FactorActions, type FormsOf } from "./factor-actions.tsx";
import { HistorySection, LiensSection, ObjectionsSection, ValuationSection } from "./factor-sections.tsx";
import { beijingTime, institutionName, placeName, quantityText, typeName } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { Badge, Facts, type FxFrame, FxPage } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { factorText } from "./text-factor.ts";

/** Banners after an action, by the `done` query value. */
const DONE = ["registered", "publicised", "awaiting_registry", "awaiting_department", "rejectedOutcome"] as const;
export type FactorDone = (typeof DONE)[number];
export function isFactorDone(v: string | undefined): v is FactorDone {
  return DONE.includes(v as FactorDone);
}

/** The objects a factor's history points at (applications, loans, listings, disposals). */
function related(
  history: FactorHistory,
): { kind: "application" | "loan" | "listing" | "disposal"; id: string; at: string }[] {
  const out = new Map<string, { kind: "application" | "loan" | "listing" | "disposal"; id: string; at: string }>();
  const keys = [
    ["applicationId", "application"],
    ["loanId", "loan"],
    ["listingId", "listing"],
    ["disposalId", "disposal"],
  ] as const;
  for (const e of history.events) {
    for (const [key, kind] of keys) {
      const id = e.data[key];
      if (typeof id === "string" && !out.has(`${kind}:${id}`)) out.set(`${kind}:${id}`, { kind, id, at: e.at });
    }
  }
  return [...out.values()];
}

const RELATED_LABEL = {
  zh: { application: "抵押申请", loan: "贷款", listing: "流转挂牌", disposal: "处置" },
  en: { application: "Mortgage application", loan: "Loan", listing: "Transfer listing", disposal: "Disposal" },
} as const;

export function FactorPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly principal: Principal;
  readonly history: FactorHistory;
  readonly policy: FactorsPolicy;
  readonly today: string;
  readonly forms: FormsOf;
  readonly done?: FactorDone | undefined;
  readonly evidence: readonly EvidenceRecord[];
}) {
  const { page, history, policy } = props;
  const lang = page.lang;
  const t = factorText(lang);
  const c = commonText(lang);
  const f = history.factor;
  const region = props.frame.region;
  const links = related(history);
  const hrefOf = (kind: "application" | "loan" | "listing" | "disposal", id: string) =>
    kind === "application"
      ? fxPath.application(region, id)
      : kind === "loan"
        ? fxPath.loan(region, id)
        : kind === "listing"
          ? fxPath.listing(region, id)
          : fxPath.disposal(region, id);
  const actions = (
    <>
      <FactorActions
        page={page}
        region={region}
        principal={props.principal}
        history={history}
        policy={policy}
        today={props.today}
        forms={props.forms}
      />
      <p />
    </>
  );
  /** Before the factor is active its next step comes first; afterwards its position (valuation, liens) does. */
  const urgent = ["DRAFT", "SUBMITTED", "CONFIRMED", "PUBLICISED", "DISPUTED"].includes(f.status);
  const members = valueAsOf(policy.marineBundle.memberTypes, props.today, "factors.marineBundle.memberTypes");
  const doneText = props.done ? (props.done === "registered" ? t.registered : t[props.done]) : undefined;
  return (
    <FxPage page={page} title={f.title} frame={props.frame}>
      <h1 data-testid="factor-title">
        {f.title} <Badge status={f.status} label={c[`factorStatus_${f.status}`]} />
      </h1>
      <p class="tagline">
        {f.typeCode} {typeName(policy, f.typeCode, lang)} · {placeName(f.countyCode, lang)} · <code>{f.id}</code>
      </p>
      {doneText ? (
        <p class={props.done === "rejectedOutcome" ? "fx-warn" : "fx-ok"} role="status" data-testid="done">
          {doneText}
        </p>
      ) : null}
      {history.unit.kind === "bundle" ? <p class="notice">{t.wholeBundle}</p> : null}
      <section class="card" data-testid="facts">
        <Facts
          rows={[
            [
              t.holder,
              format(t.holderOf, { name: f.holder.name, kind: f.holder.kind === "person" ? c.person : c.organisation }),
            ],
            [t.location2, f.location],
            [t.quantity2, quantityText(f.quantity.milli, f.quantity.unit)],
            [t.certificate, f.certificateNo ?? c.none],
            ...(f.registryRecordNo ? [[t.recordNo, f.registryRecordNo] as const] : []),
            ...(f.termEndsOn ? [[t.termEndsOn, f.termEndsOn] as const] : []),
            ...(f.noticeClosesOn ? [[t.notice, f.noticeClosesOn] as const] : []),
            ...(f.bundleId
              ? [
                  [
                    t.bundle,
                    <span data-testid="bundle-members">
                      {history.unit.factorIds.map((id, i) => (
                        <>
                          {i > 0 ? " · " : ""}
                          {id === f.id ? (
                            <strong>{typeName(policy, members[i] ?? "", lang)}</strong>
                          ) : (
                            <a href={fxPath.factor(region, id)}>{typeName(policy, members[i] ?? "", lang)}</a>
                          )}
                        </>
                      ))}
                    </span>,
                  ] as const,
                ]
              : []),
            ...(f.lease ? [[t.lease, `${f.lease.lesseeName} ${f.lease.from} – ${f.lease.to}`] as const] : []),
            ...(f.pendingHolder ? [[t.pendingHolder, f.pendingHolder.name] as const] : []),
          ]}
        />
        {props.evidence.length > 0 ? (
          <>
            <h3>{t.evidenceList}</h3>
            <ul class="fx-list" data-testid="evidence">
              {props.evidence.map((e) => (
                <li>
                  <a href={fxPath.evidence(region, f.id, e.id)} target="_blank" rel="noopener">
                    {e.fileName}
                  </a>
                  <span class="hint">
                    {" "}
                    · {e.contentType} · {Math.max(1, Math.round(e.sizeBytes / 1024))} KB · {beijingTime(e.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {urgent ? actions : null}
      {links.length > 0 ? (
        <section class="card" data-testid="related">
          <h2>{t.applicationsTitle}</h2>
          <ul class="fx-list">
            {links.map((l) => (
              <li>
                <a class="fx-open" href={hrefOf(l.kind, l.id)} data-related={l.kind}>
                  {RELATED_LABEL[lang][l.kind]} {l.id}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ValuationSection lang={lang} history={history} today={props.today} />
      <LiensSection
        lang={lang}
        history={history}
        loanHref={(id) => fxPath.loan(region, id)}
        bankName={(id) => institutionName(id, policy, lang, props.today)}
      />
      {urgent ? null : actions}
      <ObjectionsSection lang={lang} history={history} />
      <HistorySection lang={lang} history={history} policy={policy} today={props.today} />
    </FxPage>
  );
}

import type { FactorHistory, FactorsPolicy } from "../../../core/factors/mod.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { actorLabel, beijingTime } from "./format.ts";
import { Badge, Facts, Money } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { factorText } from "./text-factor.ts";

type Lang = PageContext["lang"];

/** FAC-R04 the unit's current valuation, with its method and validity. */
export function ValuationSection(props: {
  readonly lang: Lang;
  readonly history: FactorHistory;
  readonly today: string;
}) {
  const t = factorText(props.lang);
  const v = props.history.valuation;
  return (
    <section class="card" data-testid="valuation">
      <h2>{t.valuationTitle}</h2>
      {v ? (
        <>
          <Facts
            rows={[
              [t.value, <Money fen={v.value} lang={props.lang} />],
              [t.method, t[`method_${v.method}`]],
              [t.valuedOn, v.valuedOn],
              [t.expiresOn, v.expiresOn],
            ]}
          />
          {v.expiresOn <= props.today ? <p class="fx-warn">{t.expired}</p> : null}
        </>
      ) : (
        <p class="hint">{t.valuationNone}</p>
      )}
    </section>
  );
}

/** FAC-R06 liens of the unit: active ones by rank, then ended ones. */
export function LiensSection(props: {
  readonly lang: Lang;
  readonly history: FactorHistory;
  readonly loanHref: (loanId: string) => string;
  readonly bankName: (bankId: string) => string;
}) {
  const t = factorText(props.lang);
  const c = commonText(props.lang);
  const liens = props.history.liens;
  return (
    <section class="card" data-testid="liens">
      <h2>{t.liensTitle}</h2>
      <p class="sub">{t.liensHint}</p>
      {liens.length === 0 ? (
        <p class="hint">{c.empty}</p>
      ) : (
        <div class="fx-scroll">
          <table class="fx-table">
            <thead>
              <tr>
                <th>{t.rank}</th>
                <th>{t.lender}</th>
                <th class="num">{t.secured}</th>
                <th>{t.registeredAt}</th>
                <th>{c.status}</th>
              </tr>
            </thead>
            <tbody>
              {liens.map((l) => (
                <tr data-lien={l.id} data-rank={l.rank ?? ""}>
                  <td>{l.rank ?? "—"}</td>
                  <td>
                    <a href={props.loanHref(l.loanId)}>{props.bankName(l.bankId)}</a>
                  </td>
                  <td class="num">
                    <Money fen={l.securedAmount} lang={props.lang} />
                  </td>
                  <td>{beijingTime(l.registeredAt)}</td>
                  <td>
                    <Badge status={l.status} label={t[`lienStatus_${l.status}`]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.history.factor.offPlatformClaims.length > 0 ? (
        <>
          <h3>{t.offPlatform}</h3>
          <ul class="fx-list">
            {props.history.factor.offPlatformClaims.map((o) => (
              <li>
                {o.creditor} · <Money fen={o.amount} lang={props.lang} /> · {o.recordedOn}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** FAC-R02 objections lodged during public notice and how the county decided them. */
export function ObjectionsSection(props: { readonly lang: Lang; readonly history: FactorHistory }) {
  const t = factorText(props.lang);
  if (props.history.objections.length === 0) return null;
  return (
    <section class="card" data-testid="objections">
      <h2>{t.objectionsTitle}</h2>
      <ul class="fx-list">
        {props.history.objections.map((o) => (
          <li data-objection={o.id}>
            <Badge
              status={o.status === "open" ? "open" : o.status === "upheld" ? "REJECTED" : "ACTIVE"}
              label={t[`objection_${o.status}`]}
            />{" "}
            <span class="hint">{beijingTime(o.lodgedAt)}</span>
            <p>{o.grounds}</p>
            {o.decisionReason ? <p class="hint">{o.decisionReason}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The factor's history: every event with who, when and why (never rewritten). */
export function HistorySection(props: {
  readonly lang: Lang;
  readonly history: FactorHistory;
  readonly policy: FactorsPolicy;
  readonly today: string;
}) {
  const t = factorText(props.lang);
  const c = commonText(props.lang);
  return (
    <section class="card" data-testid="history">
      <h2>{t.historyTitle}</h2>
      <p class="sub">{t.historyHint}</p>
      <ol class="fx-timeline">
        {[...props.history.events].reverse().map((e) => (
          <li data-event={e.kind} data-seq={e.seq}>
            <strong>{t[`event_${e.kind}`]}</strong>{" "}
            <Badge status={e.toStatus} label={c[`factorStatus_${e.toStatus}`]} />
            {e.ruleId ? <span class="fx-rule">{e.ruleId}</span> : null}
            <div class="when">
              {beijingTime(e.at)} · {t.by} {actorLabel(e.actor, props.policy, props.lang, props.today)}
            </div>
            <p class="why">{e.reason}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

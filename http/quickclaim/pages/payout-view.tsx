import type { PayoutLine, PayoutPlan, QuickClaimPolicy } from "../../../core/quickclaim/mod.ts";
import type { Lang } from "../../pages/i18n.ts";
import { format } from "../../pages/i18n.ts";
import { yuan } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { staffText } from "./text-staff.ts";

/** An insurer's name in the page language (its id when the pack does not know it). */
export function insurerName(policy: QuickClaimPolicy, id: string, lang: Lang): string {
  return policy.insurers.find((i) => i.id === id)?.name[lang] ?? id;
}

/** The lines of one claim: which insurer pays what under which cover (QC-R05/R06). */
export function PayoutLines(props: {
  readonly lang: Lang;
  readonly policy: QuickClaimPolicy;
  readonly lines: readonly PayoutLine[];
}) {
  const t = staffText(props.lang);
  const q = commonText(props.lang);
  if (props.lines.length === 0) return <p class="hint">{q.none}</p>;
  return (
    <div class="qc-scroll">
      <table class="qc-table" data-testid="payout-lines">
        <thead>
          <tr>
            <th>{t.payer}</th>
            <th>{t.lines}</th>
            <th class="num">{t.amount}</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((l) => (
            <tr>
              <td>{l.payerPartyId}</td>
              <td>
                {insurerName(props.policy, l.insurerId, props.lang)} · {t[`cover.${l.cover}`]} · {t[`head.${l.head}`]}
              </td>
              <td class="num">{yuan(q, l.amountFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The whole plan of a case: per victim its loss, the insurers' lines, what is owed and self-borne. */
export function PayoutPlanView(props: {
  readonly lang: Lang;
  readonly policy: QuickClaimPolicy;
  readonly plan: PayoutPlan;
}) {
  const t = staffText(props.lang);
  const q = commonText(props.lang);
  return (
    <div data-testid="payout-plan" data-mode={props.plan.mode}>
      <p>
        {t.mode}：{t[`mode.${props.plan.mode}`]}
      </p>
      {props.plan.victims.map((v) => (
        <div class="card" data-victim={v.partyId}>
          <h3>{format(t.victim, { id: v.partyId })}</h3>
          <p class="hint">
            {t.loss}：{t["head.property"]} {yuan(q, v.propertyLossFen)} · {t["head.medical"]}{" "}
            {yuan(q, v.medicalLossFen)}
          </p>
          <PayoutLines lang={props.lang} policy={props.policy} lines={v.lines} />
          {v.owed.length > 0 ? (
            <p class="hint">
              {t.owed}：{v.owed.map((o) => `${o.byPartyId} ${t[`head.${o.head}`]} ${yuan(q, o.amountFen)}`).join("；")}
            </p>
          ) : null}
          <p class="hint">
            {t.selfBorne}：{yuan(q, v.selfBorneFen)}
          </p>
          <p>
            <strong>
              {t.insurerPays}：<span data-testid={`victim-paid-${v.partyId}`}>{yuan(q, v.insurerPaidFen)}</span>
            </strong>
          </p>
        </div>
      ))}
    </div>
  );
}

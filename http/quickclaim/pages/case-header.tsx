import { raw } from "hono/html";
import { maskMobile } from "../../../core/kernel/mod.ts";
import type { CaseStatus, CaseView, QuickClaimPolicy } from "../../../core/quickclaim/mod.ts";
import type { Lang } from "../../pages/i18n.ts";
import { format } from "../../pages/i18n.ts";
import { beijingTime, Facts, plateText, StatusBadge } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { partyText } from "./text-party.ts";

const STEPS = ["report", "photos", "wait", "sign", "claim", "paid"] as const;

/** Which step of the phone flow a case is at (index into STEPS); PAID is all done. */
function currentStep(status: CaseStatus): number {
  switch (status) {
    case "REPORTED":
      return 1;
    case "EVIDENCE_SUBMITTED":
      return 2;
    case "DETERMINED":
      return 3;
    case "AGREED":
    case "CLAIMING":
      return 4;
    case "PAID":
      return 6;
    default:
      return -1;
  }
}

/** 报案 → 拍照 → 等待 → 签名 → 理赔 → 到账, with the done steps ticked. */
export function StepBar(props: { readonly lang: Lang; readonly status: CaseStatus }) {
  const t = commonText(props.lang);
  const at = currentStep(props.status);
  if (at < 0) return null;
  return (
    <ol class="qc-steps" data-testid="steps">
      {STEPS.map((s, i) => (
        <li class={i < at ? "done" : i === at ? "current" : ""} aria-current={i === at ? "step" : undefined}>
          {t[`step.${s}`]}
        </li>
      ))}
    </ol>
  );
}

/** The case's key facts: number, times, place, centre, parties (masked mobiles but one's own). */
export function CaseFacts(props: { readonly lang: Lang; readonly view: CaseView; readonly policy: QuickClaimPolicy }) {
  const { view } = props;
  const t = commonText(props.lang);
  const centre = props.policy.serviceCentres.find((sc) => sc.id === view.centreId);
  return (
    <Facts
      rows={[
        [t.caseNo, <span data-testid="case-id">{view.id}</span>],
        [t.status, <StatusBadge lang={props.lang} status={view.status} />],
        [t.accidentAt, beijingTime(view.accidentAt)],
        [t.place, view.place.address],
        [t.centre, centre ? centre.name[props.lang] : view.centreId],
        [
          t.parties,
          <ul class="qc-queue">
            {view.parties.map((party) => (
              <li data-party={party.id}>
                {format(t.party, { id: party.id })} · {plateText(party.plate)} ·{" "}
                {party.id === view.myPartyId ? party.mobile : maskMobile(party.mobile)}
                {party.id === view.myPartyId ? " ✓" : ""}
              </li>
            ))}
          </ul>,
        ],
      ]}
    />
  );
}

/** The case link for the other party, as text to copy and as a QR code (server-rendered SVG). */
export function ShareLink(props: { readonly lang: Lang; readonly url: string; readonly qrSvg: string }) {
  const t = partyText(props.lang);
  return (
    <section class="card" data-testid="share">
      <h2>{t.shareTitle}</h2>
      <p class="hint">{t.shareLead}</p>
      <div class="qc-share">
        <div class="qc-qr" role="img" aria-label={props.url}>
          {raw(props.qrSvg)}
        </div>
        <div>
          <code id="qc-case-link" data-testid="case-link">
            {props.url}
          </code>
          <button type="button" class="btn qc-btn-2 qc-noprint" data-copy="qc-case-link" data-done={t.copied}>
            {t.copy}
          </button>
        </div>
      </div>
    </section>
  );
}

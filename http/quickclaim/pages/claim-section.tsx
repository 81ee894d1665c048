import { maskBankCard } from "../../../core/kernel/mod.ts";
import type { CaseView, ClaimView, QuickClaimPolicy } from "../../../core/quickclaim/mod.ts";
import type { Lang } from "../../pages/i18n.ts";
import { IdentityNeeded } from "../../pages/identity-needed.tsx";
import { beijingTime, claimStatusText, Facts, OnceField, yuan } from "./page-kit.tsx";
import { PayoutLines } from "./payout-view.tsx";
import { qcPath } from "./qc-paths.ts";
import { commonText } from "./text-common.ts";
import { partyText } from "./text-party.ts";

export interface ClaimProps {
  readonly lang: Lang;
  readonly region: string;
  readonly view: CaseView;
  readonly policy: QuickClaimPolicy;
  readonly photoTypes: readonly string[];
  readonly once: () => string;
  /** The claim form that came back with a problem. */
  readonly claimValues?: Readonly<Record<string, string>> | undefined;
  readonly surveyDone: boolean;
  /** Has the account proved the party's driver by 实名认证 (KRN-R06), as a payout needs (QC-R07)? */
  readonly identityProved: boolean;
}

/** The party's own claim, if it made one. */
export function myClaim(view: CaseView): ClaimView | undefined {
  return view.myPartyId === null ? undefined : view.claims.find((c) => c.partyId === view.myPartyId);
}

function ClaimForm(props: ClaimProps) {
  const { view, lang } = props;
  const t = partyText(lang);
  const items = view.parties.find((p) => p.id === view.myPartyId)?.items ?? null;
  const v = (name: string, fallback = "") => props.claimValues?.[name] ?? fallback;
  const accept = props.photoTypes.join(",");
  return (
    <form
      method="post"
      action={qcPath.caseAction(props.region, view.id, "claim")}
      enctype="multipart/form-data"
      data-testid="claim-form"
    >
      <OnceField value={props.once()} />
      <label for="idName">{t.idName}</label>
      <input id="idName" name="idName" required value={v("idName", items?.driverName ?? "")} />
      <label for="residentId">{t.residentId}</label>
      <input id="residentId" name="residentId" maxlength={18} autocomplete="off" required value={v("residentId")} />
      <label for="idPhoto">{t.idPhoto}</label>
      <input id="idPhoto" name="idPhoto" type="file" accept={accept} capture="environment" required />
      <label for="cardNumber">{t.cardNumber}</label>
      <input
        id="cardNumber"
        name="cardNumber"
        inputmode="numeric"
        maxlength={23}
        autocomplete="off"
        required
        value={v("cardNumber")}
      />
      <label for="holderName">{t.holderName}</label>
      <input id="holderName" name="holderName" required value={v("holderName", items?.driverName ?? "")} />
      <label for="bankName">{t.bankName}</label>
      <input id="bankName" name="bankName" maxlength={60} value={v("bankName")} />
      <label for="cardPhoto">{t.cardPhoto}</label>
      <input id="cardPhoto" name="cardPhoto" type="file" accept={accept} capture="environment" required />
      <button class="btn" type="submit">
        {t.submitClaim}
      </button>
    </form>
  );
}

function ClaimStatus(props: ClaimProps & { readonly claim: ClaimView }) {
  const { claim, lang } = props;
  const t = partyText(lang);
  const q = commonText(lang);
  return (
    <div data-testid="my-claim" data-claim-status={claim.status}>
      <Facts
        rows={[
          [q.status, <strong>{claimStatusText(q, claim.status)}</strong>],
          [t.payout, claim.payoutFen === null ? "—" : <span class="qc-money">{yuan(q, claim.payoutFen)}</span>],
          [t.bankCard, `${claim.bankCard.bankName ?? ""} ${maskBankCard(claim.bankCard.number)}`.trim()],
          ...(claim.status === "PAID"
            ? ([
                [t.paidAmount, <span data-testid="paid-amount">{yuan(q, claim.paidFen)}</span>],
                [t.paidAt, beijingTime(claim.paidAt)],
              ] as const)
            : []),
        ]}
      />
      {claim.status === "NOTHING_DUE" ? <p class="hint">{t.noClaimDue}</p> : null}
      {claim.lines.length > 0 ? <PayoutLines lang={lang} policy={props.policy} lines={claim.lines} /> : null}
    </div>
  );
}

function Survey(props: ClaimProps) {
  const t = partyText(props.lang);
  if (props.surveyDone) {
    return (
      <p class="notice" data-testid="survey-thanks">
        {t.surveyThanks}
      </p>
    );
  }
  return (
    <form
      method="post"
      action={qcPath.caseAction(props.region, props.view.id, "survey")}
      class="card"
      data-testid="survey-form"
    >
      <OnceField value={props.once()} />
      <h2>{t.surveyTitle}</h2>
      <label class="qc-check">
        <input type="radio" name="satisfied" value="yes" checked required />
        <span>{t.satisfied}</span>
      </label>
      <label class="qc-check">
        <input type="radio" name="satisfied" value="no" />
        <span>{t.notSatisfied}</span>
      </label>
      <label for="suggestion">{t.suggestion}</label>
      <textarea id="suggestion" name="suggestion" maxlength={500} />
      <button class="btn" type="submit">
        {t.sendSurvey}
      </button>
    </form>
  );
}

/** 一键理赔 and after: the claim form, the claim's progress, the payout, the follow-up survey. */
export function ClaimSection(props: ClaimProps) {
  const { view, lang } = props;
  const t = partyText(lang);
  const claim = myClaim(view);
  if (view.myPartyId === null) return null;
  return (
    <>
      <section class="card" data-testid="claim">
        <h2>{view.status === "PAID" || claim?.status === "PAID" ? t.paidTitle : t.claimTitle}</h2>
        {claim ? (
          <ClaimStatus {...props} claim={claim} />
        ) : view.status === "AGREED" || view.status === "CLAIMING" ? (
          <>
            <p class="hint">{t.claimLead}</p>
            {props.identityProved ? null : (
              <div class="notice" data-testid="identity-first">
                <p>{t.identityFirst}</p>
                <IdentityNeeded text={commonText(lang).proveIdentity} />
              </div>
            )}
            <ClaimForm {...props} />
          </>
        ) : null}
      </section>
      {view.status === "PAID" ? <Survey {...props} /> : null}
    </>
  );
}

/** DISPUTED or OFFLINE: why, and where to go. */
export function OfflineSection(props: {
  readonly lang: Lang;
  readonly view: CaseView;
  readonly policy: QuickClaimPolicy;
}) {
  const { view, lang } = props;
  const t = partyText(lang);
  const centre = props.policy.serviceCentres.find((sc) => sc.id === view.centreId);
  const disputed = view.status === "DISPUTED";
  return (
    <section class="card" data-testid="offline">
      <h2>{disputed ? t.disputedTitle : t.offlineTitle}</h2>
      <p>{disputed ? t.disputedLead : t.offlineLead}</p>
      {view.offline ? (
        <p class="hint">
          {t.offlineReasons}：{view.offline.reasons.join("；")}（{view.offline.ruleId}）
        </p>
      ) : null}
      {centre ? (
        <p>
          <strong>{centre.name[lang]}</strong>
          <br />
          {centre.address}
        </p>
      ) : null}
    </section>
  );
}

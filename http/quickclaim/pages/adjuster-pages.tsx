import { formatYuan } from "../../../core/kernel/mod.ts";
import type {
  CaseView,
  ClaimSummary,
  ClaimView,
  QuickClaimParams,
  QuickClaimPolicy,
} from "../../../core/quickclaim/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { CaseFacts } from "./case-header.tsx";
import { PartyItemsTable, PhotoGallery } from "./evidence-view.tsx";
import type { PageProblem } from "./page-errors.ts";
import {
  ActionForm,
  beijingTime,
  claimStatusText,
  Notice,
  OnceField,
  ProblemBox,
  plateText,
  QcPage,
  yuan,
} from "./page-kit.tsx";
import { insurerName, PayoutLines, PayoutPlanView } from "./payout-view.tsx";
import { qcPath } from "./qc-paths.ts";
import { LetterSummary } from "./sign-section.tsx";
import { commonText } from "./text-common.ts";
import { staffText } from "./text-staff.ts";

/** 值班查勘员 queue: the claims of cases involving the adjuster's insurer, oldest first. */
export function AdjusterQueuePage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly queue: readonly ClaimSummary[];
}) {
  const { page } = props;
  const t = staffText(page.lang);
  const q = commonText(page.lang);
  return (
    <QcPage page={page} title={t.adjusterTitle}>
      <h1>{t.adjusterTitle}</h1>
      <p class="hint">{t.adjusterLead}</p>
      <section class="card">
        {props.queue.length === 0 ? <p>{t.queueEmpty}</p> : null}
        <ul class="qc-queue" data-testid="adjuster-queue">
          {props.queue.map((s) => (
            <li data-claim={s.claimId} data-case={s.caseId}>
              <a class="qc-open" href={qcPath.adjusterCase(props.region, s.caseId)}>
                {s.caseId} · {format(q.party, { id: s.partyId })}
              </a>
              <p class="hint">
                {claimStatusText(q, s.status)} · {t.openedAt} {beijingTime(s.openedAt)}
                {s.payoutFen !== null ? ` · ${yuan(q, s.payoutFen)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </QcPage>
  );
}

export const ADJUSTER_DONE = ["assessed", "accepted", "paid"] as const;
export type AdjusterDone = (typeof ADJUSTER_DONE)[number];

/** The assessed loss of each party as the form shows it (yuan). */
function lossValue(view: CaseView, partyId: string, key: "vehicleFen" | "otherPropertyFen" | "medicalFen"): string {
  const loss = view.assessment?.losses.find((l) => l.partyId === partyId);
  return loss ? formatYuan(loss[key]) : "";
}

function AssessForm(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly view: CaseView;
  readonly once: string;
  readonly values?: Readonly<Record<string, string>> | undefined;
}) {
  const { view, page } = props;
  const t = staffText(page.lang);
  const q = commonText(page.lang);
  const v = (name: string, fallback: string) => props.values?.[name] ?? fallback;
  return (
    <form
      method="post"
      action={qcPath.adjusterAction(props.region, view.id, "assess")}
      class="card"
      data-testid="assess-form"
    >
      <OnceField value={props.once} />
      <h2>{t.assessTitle}</h2>
      <p class="hint">{t.assessLead}</p>
      {view.parties.map((p) => (
        <fieldset data-party={p.id}>
          <legend>
            {format(q.party, { id: p.id })} · {plateText(p.plate)}
          </legend>
          <div class="qc-row">
            {(
              [
                ["vehicle", "vehicleFen", t.vehicleLoss],
                ["other", "otherPropertyFen", t.otherLoss],
                ["medical", "medicalFen", t.medicalLoss],
              ] as const
            ).map(([suffix, key, label]) => (
              <div>
                <label for={`${suffix}_${p.id}`}>{label}</label>
                <input
                  id={`${suffix}_${p.id}`}
                  name={`${suffix}_${p.id}`}
                  inputmode="decimal"
                  required={suffix === "vehicle"}
                  value={v(`${suffix}_${p.id}`, lossValue(view, p.id, key))}
                />
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <button class="btn" type="submit">
        {view.assessment ? t.reassess : t.assess}
      </button>
    </form>
  );
}

function ClaimCard(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly view: CaseView;
  readonly claim: ClaimView;
  readonly policy: QuickClaimPolicy;
  readonly once: () => string;
}) {
  const { claim, page } = props;
  const lang = page.lang;
  const t = staffText(lang);
  const q = commonText(lang);
  const action = (name: string) => qcPath.adjusterAction(props.region, props.view.id, name);
  const hidden = { claimId: claim.id };
  return (
    <div class="card" data-testid={`claim-${claim.partyId}`} data-claim-status={claim.status}>
      <h3>
        {t.claim} · {format(q.party, { id: claim.partyId })} · {claimStatusText(q, claim.status)}
      </h3>
      <p class="hint">
        {t.claimant}：{claim.claimant.name} · {t.bankCard}：{claim.bankCard.number} · {t.openedAt}{" "}
        {beijingTime(claim.openedAt)}
      </p>
      {claim.payoutFen !== null ? (
        <p>
          <strong>{yuan(q, claim.payoutFen)}</strong>
        </p>
      ) : null}
      <PayoutLines lang={lang} policy={props.policy} lines={claim.lines} />
      {claim.acceptances.map((a) => (
        <p class="hint" data-acceptance={a.state}>
          {a.state === "accepted"
            ? format(t.accepted, { insurer: insurerName(props.policy, a.insurerId, lang), ref: a.reference ?? "" })
            : format(t.declined, { insurer: insurerName(props.policy, a.insurerId, lang), reason: a.reason ?? "" })}
        </p>
      ))}
      {claim.payment ? (
        <p class="hint" data-payment={claim.payment.state}>
          {format(t.paymentState, { n: claim.payment.attemptNo, state: t[`pay.${claim.payment.state}`] })}
        </p>
      ) : null}
      {claim.status === "ASSESSED" ? (
        <ActionForm action={action("accept")} once={props.once()} label={t.accept} hidden={hidden} testid="accept" />
      ) : null}
      {claim.status === "ACCEPTED" || claim.status === "PAYING" || claim.status === "PAYMENT_FAILED" ? (
        <ActionForm
          action={action("pay")}
          once={props.once()}
          label={claim.status === "ACCEPTED" ? t.pay : t.payAgain}
          hidden={hidden}
          testid="pay"
        />
      ) : null}
    </div>
  );
}

/** One case for the adjuster: evidence, the letter, the assessment form, the plan and each claim. */
export function AdjusterCasePage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly view: CaseView;
  readonly policy: QuickClaimPolicy;
  readonly params: QuickClaimParams;
  readonly once: () => string;
  readonly problem?: PageProblem | undefined;
  readonly done?: AdjusterDone | undefined;
  readonly assessValues?: Readonly<Record<string, string>> | undefined;
}) {
  const { page, view, region } = props;
  const lang = page.lang;
  const t = staffText(lang);
  const canAssess = view.status === "AGREED" || view.status === "CLAIMING";
  return (
    <QcPage page={page} title={`${t.adjusterTitle} · ${view.id}`}>
      <p>
        <a href={qcPath.adjuster(region)}>{t.backToQueue}</a>
      </p>
      <h1>{view.parties.map((p) => plateText(p.plate)).join(" / ")}</h1>
      {props.done ? <Notice testid="done">{t[`done.${props.done}`]}</Notice> : null}
      <ProblemBox lang={lang} problem={props.problem} />
      <section class="card">
        <CaseFacts lang={lang} view={view} policy={props.policy} />
        {view.letter ? <LetterSummary lang={lang} letter={view.letter} /> : null}
      </section>
      <section class="card">
        <h2>{t.photos}</h2>
        <PhotoGallery lang={lang} region={region} view={view} slots={props.params.photoSlots} />
        <PartyItemsTable lang={lang} view={view} policy={props.policy} />
      </section>
      {canAssess ? (
        <AssessForm page={page} region={region} view={view} once={props.once()} values={props.assessValues} />
      ) : null}
      {view.assessment ? (
        <section class="card">
          <h2>{t.planTitle}</h2>
          <PayoutPlanView lang={lang} policy={props.policy} plan={view.assessment.plan} />
        </section>
      ) : null}
      <section data-testid="claims">
        {view.claims.length === 0 ? <p class="hint">{t.noClaims}</p> : null}
        {view.claims.map((claim) => (
          <ClaimCard page={page} region={region} view={view} claim={claim} policy={props.policy} once={props.once} />
        ))}
      </section>
    </QcPage>
  );
}

import type { CaseView, QuickClaimParams, QuickClaimPolicy } from "../../../core/quickclaim/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { CaseFacts, ShareLink, StepBar } from "./case-header.tsx";
import { ClaimSection, OfflineSection } from "./claim-section.tsx";
import { EvidenceSection } from "./evidence-section.tsx";
import type { PageProblem } from "./page-errors.ts";
import { Notice, ProblemBox, QcPage } from "./page-kit.tsx";
import { qcPath } from "./qc-paths.ts";
import { SignSection } from "./sign-section.tsx";
import { commonText } from "./text-common.ts";
import { partyText } from "./text-party.ts";

export const DONE_FLASHES = ["reported", "photo", "items", "submitted", "signed", "claimed", "survey"] as const;
export type DoneFlash = (typeof DONE_FLASHES)[number];

export interface CasePageProps {
  readonly page: PageContext;
  readonly region: string;
  readonly view: CaseView;
  readonly policy: QuickClaimPolicy;
  readonly params: QuickClaimParams;
  readonly once: () => string;
  readonly nowLocal: string;
  readonly shareUrl: string;
  readonly qrSvg: string;
  readonly problem?: PageProblem | undefined;
  readonly done?: DoneFlash | undefined;
  readonly itemValues?: { readonly partyId: string; readonly values: Readonly<Record<string, string>> } | undefined;
  readonly claimValues?: Readonly<Record<string, string>> | undefined;
  /** Has the account proved this party's driver by 实名认证 (a payout needs it, QC-R07)? */
  readonly identityProved: boolean;
}

/** Waiting for the officer (the page refreshes itself through the Refresh header). */
function WaitSection(props: { readonly lang: CasePageProps["page"]["lang"]; readonly view: CaseView }) {
  const t = partyText(props.lang);
  const flagged = props.view.photos.filter((p) => p.flags.length > 0).length;
  return (
    <section class="card" data-testid="wait">
      <h2>{t.waitTitle}</h2>
      <p>{t.waitLead}</p>
      {flagged > 0 ? <p class="hint">{format(t.flaggedPhotos, { n: flagged })}</p> : null}
    </section>
  );
}

/**
 * The party's phone page of one case: where it stands (报案 → 拍照 → 等待 → 签名 → 理赔 → 到账)
 * and the one thing to do next. Clerks helping the parties see the evidence forms for everyone;
 * other staff who may see the case read it.
 */
export function CasePage(props: CasePageProps) {
  const { page, view } = props;
  const lang = page.lang;
  const t = partyText(lang);
  const q = commonText(lang);
  const acting = view.viewer === "party" || view.viewer === "clerk";
  const s = view.status;
  return (
    <QcPage page={page} title={`${q.module} · ${view.id}`}>
      <h1>{q.module}</h1>
      <StepBar lang={lang} status={s} />
      {props.done ? <Notice testid="done">{t[`done.${props.done}`]}</Notice> : null}
      <ProblemBox lang={lang} problem={props.problem} />
      {!acting ? <p class="hint">{t.readOnly}</p> : null}
      {acting && s === "REPORTED" ? <ShareLink lang={lang} url={props.shareUrl} qrSvg={props.qrSvg} /> : null}
      {acting && s === "REPORTED" ? (
        <EvidenceSection
          lang={lang}
          region={props.region}
          view={view}
          slots={props.params.photoSlots}
          policy={props.policy}
          photoTypes={props.params.photoContentTypes}
          once={props.once}
          nowLocal={props.nowLocal}
          itemValues={props.itemValues}
        />
      ) : null}
      {s === "EVIDENCE_SUBMITTED" ? <WaitSection lang={lang} view={view} /> : null}
      {s === "DETERMINED" ? <SignSection lang={lang} region={props.region} view={view} once={props.once} /> : null}
      {s === "AGREED" || s === "CLAIMING" || s === "PAID" ? (
        <ClaimSection
          lang={lang}
          region={props.region}
          view={view}
          policy={props.policy}
          photoTypes={props.params.photoContentTypes}
          once={props.once}
          claimValues={props.claimValues}
          surveyDone={props.done === "survey"}
          identityProved={props.identityProved}
        />
      ) : null}
      {s === "DISPUTED" || s === "OFFLINE" ? <OfflineSection lang={lang} view={view} policy={props.policy} /> : null}
      <section class="card">
        <CaseFacts lang={lang} view={view} policy={props.policy} />
        {view.letter ? (
          <p>
            <a href={qcPath.letter(props.region, view.id)}>{q.letter}</a>
          </p>
        ) : null}
      </section>
    </QcPage>
  );
}

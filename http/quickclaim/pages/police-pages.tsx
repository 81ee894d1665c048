import type { CaseSummary, CaseView, QuickClaimParams, QuickClaimPolicy } from "../../../core/quickclaim/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { CaseFacts } from "./case-header.tsx";
import { DetermineForm, type DetermineValues } from "./determine-form.tsx";
import { CircumstanceList, PartyItemsTable, PhotoGallery } from "./evidence-view.tsx";
import type { PageProblem } from "./page-errors.ts";
import { beijingTime, Notice, OnceField, ProblemBox, plateText, QcPage, StatusBadge } from "./page-kit.tsx";
import { qcPath } from "./qc-paths.ts";
import { LetterSummary, SignatureList } from "./sign-section.tsx";
import { commonText } from "./text-common.ts";
import { staffText } from "./text-staff.ts";

/** 交警在线认定 queue: cases waiting for a determination (and for signatures), oldest first. */
export function PoliceQueuePage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly queue: readonly CaseSummary[];
  readonly policy: QuickClaimPolicy;
}) {
  const { page } = props;
  const t = staffText(page.lang);
  return (
    <QcPage page={page} title={t.policeTitle}>
      <h1>{t.policeTitle}</h1>
      <p class="hint">{t.policeLead}</p>
      <section class="card">
        {props.queue.length === 0 ? <p>{t.queueEmpty}</p> : null}
        <ul class="qc-queue" data-testid="police-queue">
          {props.queue.map((s) => {
            const centre = props.policy.serviceCentres.find((sc) => sc.id === s.centreId);
            return (
              <li data-case={s.caseId}>
                <a class="qc-open" href={qcPath.policeCase(props.region, s.caseId)}>
                  {s.plates.map(plateText).join(" / ")}
                </a>{" "}
                <StatusBadge lang={page.lang} status={s.status} />
                <p class="hint">
                  {beijingTime(s.reportedAt)} · {centre ? centre.name[page.lang] : s.centreId} · {s.caseId}
                </p>
                {s.flaggedPhotos > 0 ? <span class="qc-flag">{format(t.flagged, { n: s.flaggedPhotos })}</span> : null}
              </li>
            );
          })}
        </ul>
      </section>
    </QcPage>
  );
}

export const POLICE_DONE = ["determined", "offline", "video"] as const;
export type PoliceDone = (typeof POLICE_DONE)[number];

/** One case on the police desk: evidence, video, the determination form or the issued letter. */
export function PoliceCasePage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly view: CaseView;
  readonly policy: QuickClaimPolicy;
  readonly params: QuickClaimParams;
  readonly once: () => string;
  readonly problem?: PageProblem | undefined;
  readonly done?: PoliceDone | undefined;
  readonly determine?: DetermineValues | undefined;
}) {
  const { page, view, region } = props;
  const lang = page.lang;
  const t = staffText(lang);
  const q = commonText(lang);
  const canDetermine = view.status === "EVIDENCE_SUBMITTED" || view.status === "DETERMINED";
  const canGoOffline = view.status !== "PAID" && view.status !== "OFFLINE";
  return (
    <QcPage page={page} title={`${t.policeTitle} · ${view.id}`}>
      <p>
        <a href={qcPath.police(region)}>{t.backToQueue}</a>
      </p>
      <h1>{view.parties.map((p) => plateText(p.plate)).join(" / ")}</h1>
      {props.done ? <Notice testid="done">{t[`done.${props.done}`]}</Notice> : null}
      <ProblemBox lang={lang} problem={props.problem} />
      <section class="card">
        <CaseFacts lang={lang} view={view} policy={props.policy} />
        <h2>{t.circumstances}</h2>
        <CircumstanceList lang={lang} circumstances={view.circumstances} />
      </section>
      <section class="card">
        <h2>{t.photos}</h2>
        <PhotoGallery lang={lang} region={region} view={view} slots={props.params.photoSlots} />
        <h2>{t.items}</h2>
        <PartyItemsTable lang={lang} view={view} policy={props.policy} />
      </section>
      <section class="card" data-testid="video">
        <h2>{t.video}</h2>
        <p class="hint">{t.videoLead}</p>
        {view.videoLookups.map((l) => (
          <div data-testid="video-lookup">
            <p class="hint">{beijingTime(l.at)}</p>
            {l.clips.length === 0 ? <p>{t.videoNone}</p> : null}
            <ul>
              {l.clips.map((clip) => (
                <li data-clip={clip.clipId}>
                  {format(t.videoClip, {
                    camera: clip.cameraId,
                    from: beijingTime(clip.from),
                    to: beijingTime(clip.to),
                  })}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {canDetermine ? (
          <form method="post" action={qcPath.policeAction(region, view.id, "video")}>
            <OnceField value={props.once()} />
            <button class="btn qc-btn-2" type="submit" data-testid="video-button">
              {t.video}
            </button>
          </form>
        ) : null}
      </section>
      {view.letter ? (
        <section class="card" data-testid="issued-letter">
          <h2>{q.letter}</h2>
          <LetterSummary lang={lang} letter={view.letter} />
          <p>
            <a href={qcPath.letter(region, view.id)} data-testid="letter-link">
              {t.printLetter}
            </a>
          </p>
          <h3>{t.signatures}</h3>
          <SignatureList lang={lang} view={view} />
        </section>
      ) : null}
      {canDetermine ? (
        <DetermineForm lang={lang} region={region} view={view} once={props.once()} current={props.determine} />
      ) : null}
      {canGoOffline ? (
        <form
          method="post"
          action={qcPath.policeAction(region, view.id, "offline")}
          class="card"
          data-testid="offline-form"
        >
          <OnceField value={props.once()} />
          <h2>{t.offlineTitle}</h2>
          <label for="reason">{t.offlineReason}</label>
          <input id="reason" name="reason" maxlength={500} required />
          <button class="btn qc-danger" type="submit">
            {t.moveOffline}
          </button>
        </form>
      ) : null}
    </QcPage>
  );
}

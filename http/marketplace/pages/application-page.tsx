import type { Child } from "hono/jsx";
import type { Principal } from "../../../core/kernel/mod.ts";
import type { ApplicationView, PushView } from "../../../core/marketplace/mod.ts";
import { format, type Lang } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { OnceField } from "./form-once.tsx";
import { beijingDeadline, beijingTime, percent, shortHash, yuan } from "./formatting.ts";
import { mkPath } from "./mk-paths.ts";
import { OutcomeForms } from "./outcome-forms.tsx";
import type { PageProblem } from "./page-errors.ts";
import { Facts, MkPage, Period, ProblemBox, StateBadge } from "./page-kit.tsx";
import { applicationText } from "./text-application.ts";
import { commonText } from "./text-common.ts";

/** What the page shows about one application, and which actions the viewer gets. */
export interface ApplicationPageView {
  readonly page: PageContext;
  readonly region: string;
  readonly principal: Principal;
  readonly simulated: boolean;
  readonly app: ApplicationView;
  readonly productName: string;
  readonly institutionName: string;
  readonly now: Date;
  /** Pushes made for this application that the viewer may see (subject or recipient). */
  readonly pushes: readonly PushView[];
  /** The viewer may read the pushed content (the recipient institution). */
  readonly mayReadData: boolean;
  readonly categoryName: (code: string) => string;
  readonly mayWithdraw: boolean;
  readonly mayWork: boolean;
  readonly once: string;
  readonly problem?: PageProblem | undefined;
}

const OPEN = new Set(["SUBMITTED", "CONTACTED"]);

function InstantBox(props: { readonly lang: Lang; readonly app: ApplicationView }) {
  const d = props.app.instantDecision;
  if (!d) return null;
  const t = applicationText(props.lang);
  const text = format(t[`instant.${d.outcome}`], { ms: d.latencyMs });
  const ok = d.outcome === "approved";
  return (
    <div class={ok ? "notice" : "mk-section"} data-testid="instant-decision" data-outcome={d.outcome}>
      <strong>{t.instantTitle}</strong>
      <div>{text}</div>
    </div>
  );
}

function PushList(props: {
  readonly lang: Lang;
  readonly region: string;
  readonly pushes: readonly PushView[];
  readonly institutionName: string;
  readonly mayReadData: boolean;
  readonly categoryName: (code: string) => string;
}) {
  const t = applicationText(props.lang);
  if (props.pushes.length === 0) return null;
  return (
    <section class="mk-section" data-testid="pushes">
      <h2>{t.pushTitle}</h2>
      <p class="hint">
        {props.mayReadData ? t.pushLeadRecipient : format(t.pushLead, { institution: props.institutionName })}
      </p>
      {props.pushes.map((p) => (
        <div data-testid="push" data-push={p.id}>
          <Facts
            rows={[
              [t.pushedAt, beijingTime(p.pushedAt)],
              [
                t.categories,
                <span data-testid="push-categories">{p.categories.map(props.categoryName).join("、")}</span>,
              ],
              [t.period, <Period period={p.dataPeriod} />],
              [t.records, String(p.recordCount)],
              [t.retainUntil, p.payloadHeld ? beijingDeadline(p.retainUntil) : t.purged],
              [
                t.contentHash,
                <span class="mk-code" title={p.contentHash}>
                  {shortHash(p.contentHash)}
                </span>,
              ],
            ]}
          />
          {props.mayReadData && p.payloadHeld ? <a href={mkPath.pushData(props.region, p.id)}>{t.viewData}</a> : null}
        </div>
      ))}
    </section>
  );
}

export function ApplicationPage(v: ApplicationPageView) {
  const { page, app, region } = v;
  const lang = page.lang;
  const t = applicationText(lang);
  const tc = commonText(lang);
  const late = (due: Date, done: Date | null) => done === null && v.now.getTime() >= due.getTime();
  const flag = (text: string) => <span class="mk-flag"> · {text}</span>;
  const rows: [string, Child][] = [
    [t.applicationNo, <span class="mk-code">{app.id}</span>],
    [t.product, v.productName],
    [t.institution, v.institutionName],
    [t.applicant, app.applicantName],
    [t.idKind, tc[`idKind.${app.applicantIdKind}`]],
    [t.contactMobile, app.contactMobile],
    [t.amountRequested, yuan(lang, app.amountRequested)],
    [t.term, format(tc.months, { n: app.termMonths })],
    [t.submittedAt, beijingTime(app.submittedAt)],
    [t.source, t[`source.${app.source}`]],
  ];
  if (app.firstLoan) rows.push([t.firstLoan, t.firstLoanYes]);
  if (OPEN.has(app.state)) {
    rows.push([
      t.contactDueAt,
      <>
        {beijingDeadline(app.contactDueAt)}
        {app.state === "SUBMITTED" && late(app.contactDueAt, app.contactedAt) ? flag(t.overdue) : null}
      </>,
    ]);
    rows.push([
      t.concludeDueAt,
      <>
        {beijingDeadline(app.concludeDueAt)}
        {late(app.concludeDueAt, app.concludedAt) ? flag(t.longUnfinished) : null}
      </>,
    ]);
  }
  if (app.contactedAt) rows.push([t.contactedAt, beijingTime(app.contactedAt)]);
  if (app.decidedAt) rows.push([t.decidedAt, beijingTime(app.decidedAt)]);
  if (app.amountGranted !== null) rows.push([t.amountGranted, yuan(lang, app.amountGranted)]);
  if (app.rateBp !== null) rows.push([t.rate, percent(app.rateBp)]);
  if (app.grantedTermMonths !== null) rows.push([t.grantedTerm, format(tc.months, { n: app.grantedTermMonths })]);
  if (app.amountDisbursed !== null) rows.push([t.amountDisbursed, yuan(lang, app.amountDisbursed)]);
  if (app.disbursedAt) rows.push([t.disbursedAt, beijingTime(app.disbursedAt)]);
  if (app.reason) rows.push([t.reason, app.reason]);
  if (app.institutionReference) rows.push([t.reference, app.institutionReference]);
  const title = format(t.title, { id: app.id });
  return (
    <MkPage page={page} title={title} region={region} principal={v.principal} simulated={v.simulated}>
      <h1>{v.productName}</h1>
      <p>
        <StateBadge lang={lang} state={app.state} />
      </p>
      <ProblemBox lang={lang} problem={v.problem} />
      <InstantBox lang={lang} app={app} />
      <section class="mk-section">
        <h2>{t.facts}</h2>
        <Facts rows={rows} testid="application-facts" />
      </section>
      <PushList
        lang={lang}
        region={region}
        pushes={v.pushes}
        institutionName={v.institutionName}
        mayReadData={v.mayReadData}
        categoryName={v.categoryName}
      />
      {v.mayWork ? <OutcomeForms lang={lang} region={region} app={app} once={v.once} /> : null}
      {v.mayWithdraw && OPEN.has(app.state) ? (
        <section class="mk-section">
          <h2>{t.withdrawTitle}</h2>
          <form method="post" action={mkPath.applicationAction(region, app.id, "withdraw")} data-testid="withdraw-form">
            <OnceField value={v.once} />
            <label for="withdraw-reason">{t.withdrawReason}</label>
            <input id="withdraw-reason" name="reason" maxlength={500} />
            <button class="btn btn-danger" type="submit">
              {t.withdraw}
            </button>
          </form>
        </section>
      ) : null}
    </MkPage>
  );
}

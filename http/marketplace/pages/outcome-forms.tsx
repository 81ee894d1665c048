import type { ApplicationView } from "../../../core/marketplace/mod.ts";
import type { Lang } from "../../pages/i18n.ts";
import { OnceField } from "./form-once.tsx";
import { formatYuanPlain } from "./formatting.ts";
import { mkPath } from "./mk-paths.ts";
import { applicationText } from "./text-application.ts";

/**
 * The institution's actions on an application addressed to it (outcome backflow, 数据回流):
 * contact, approve (amount, rate, term), reject (reason), record the disbursement, or record
 * that the applicant declined the offer — only the moves the current state allows.
 */
export function OutcomeForms(props: {
  readonly lang: Lang;
  readonly region: string;
  readonly app: ApplicationView;
  readonly once: string;
}) {
  const { app } = props;
  const t = applicationText(props.lang);
  const action = mkPath.applicationAction(props.region, app.id, "outcome");
  const open = app.state === "SUBMITTED" || app.state === "CONTACTED";
  const forms = [];
  if (app.state === "SUBMITTED") {
    forms.push(
      <form method="post" action={action} data-testid="outcome-contact">
        <OnceField value={props.once} />
        <input type="hidden" name="event" value="contact" />
        <h3>{t.contact}</h3>
        <label for="contact-ref">{t.referenceInput}</label>
        <input id="contact-ref" name="institutionReference" maxlength={100} />
        <button class="btn" type="submit">
          {t.contact}
        </button>
      </form>,
    );
  }
  if (open) {
    forms.push(
      <form method="post" action={action} data-testid="outcome-approve">
        <OnceField value={props.once} />
        <input type="hidden" name="event" value="approve" />
        <h3>{t.approve}</h3>
        <label for="approve-amount">{t.amountYuan}</label>
        <input
          id="approve-amount"
          name="amount"
          inputmode="decimal"
          required
          value={formatYuanPlain(app.amountRequested)}
        />
        <label for="approve-rate">{t.ratePercent}</label>
        <input id="approve-rate" name="rate" inputmode="decimal" required />
        <label for="approve-term">{t.termMonths}</label>
        <input id="approve-term" name="term" inputmode="numeric" required value={String(app.termMonths)} />
        <label for="approve-ref">{t.referenceInput}</label>
        <input id="approve-ref" name="institutionReference" maxlength={100} />
        <button class="btn" type="submit">
          {t.approve}
        </button>
      </form>,
      <form method="post" action={action} data-testid="outcome-reject">
        <OnceField value={props.once} />
        <input type="hidden" name="event" value="reject" />
        <h3>{t.reject}</h3>
        <label for="reject-reason">{t.reasonInput}</label>
        <input id="reject-reason" name="reason" maxlength={500} required />
        <button class="btn btn-danger" type="submit">
          {t.reject}
        </button>
      </form>,
    );
  }
  if (app.state === "APPROVED") {
    forms.push(
      <form method="post" action={action} data-testid="outcome-disburse">
        <OnceField value={props.once} />
        <input type="hidden" name="event" value="disburse" />
        <h3>{t.disburse}</h3>
        <label for="disburse-amount">{t.amountYuan}</label>
        <input
          id="disburse-amount"
          name="amount"
          inputmode="decimal"
          required
          value={app.amountGranted !== null ? formatYuanPlain(app.amountGranted) : ""}
        />
        <button class="btn" type="submit">
          {t.disburse}
        </button>
      </form>,
      <form method="post" action={action} data-testid="outcome-decline">
        <OnceField value={props.once} />
        <input type="hidden" name="event" value="decline" />
        <h3>{t.decline}</h3>
        <label for="decline-reason">{t.reasonInput}</label>
        <input id="decline-reason" name="reason" maxlength={500} />
        <button class="btn btn-2" type="submit">
          {t.decline}
        </button>
      </form>,
    );
  }
  if (forms.length === 0) return null;
  return (
    <section class="mk-section" data-testid="outcome-forms">
      <h2>{t.actionsTitle}</h2>
      <div class="mk-actions">{forms}</div>
    </section>
  );
}

import type { Principal } from "../../../core/kernel/mod.ts";
import type { ProductDetail } from "../../../core/marketplace/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { ConsentScreen } from "./consent-screen.tsx";
import { OnceField } from "./form-once.tsx";
import { yuanRange } from "./formatting.ts";
import { mkPath } from "./mk-paths.ts";
import type { PageProblem } from "./page-errors.ts";
import { MkPage, ProblemBox } from "./page-kit.tsx";
import { catalogueText } from "./text-catalogue.ts";
import { commonText } from "./text-common.ts";

/** What the applicant typed (shown again after a refusal) and what a QR code pre-fills. */
export interface ApplyForm {
  readonly idKind: "resident-id" | "uscc";
  readonly name: string;
  readonly idNumber: string;
  readonly mobile: string;
  readonly amount: string;
  readonly term: string;
  /** Ticked categories; undefined = the first showing (required ones ticked, optional ones not). */
  readonly categories: readonly string[] | undefined;
  readonly agreed: boolean;
}

export const EMPTY_APPLY_FORM: ApplyForm = {
  idKind: "resident-id",
  name: "",
  idNumber: "",
  mobile: "",
  amount: "",
  term: "",
  categories: undefined,
  agreed: false,
};

/** The 码上贷 code the application came from: its token and what it names, for display. */
export interface QrPrefill {
  readonly token: string;
  readonly branchName: string | null;
  readonly managerId: string | null;
}

export function ApplyPage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly principal: Principal;
  readonly simulated: boolean;
  readonly detail: ProductDetail;
  readonly form: ApplyForm;
  readonly once: string;
  readonly qr?: QrPrefill | undefined;
  readonly problem?: PageProblem | undefined;
  readonly consentWithdrawn?: boolean;
}) {
  const { page, region, detail, form } = props;
  const p = detail.product;
  const lang = page.lang;
  const t = commonText(lang);
  const c = catalogueText(lang);
  const title = format(c.applyTitle, { product: p.name[lang] });
  return (
    <MkPage
      page={page}
      title={title}
      region={region}
      principal={props.principal}
      current="catalogue"
      simulated={props.simulated}
    >
      <p>
        <a href={mkPath.product(region, p.id)}>← {p.name[lang]}</a>
      </p>
      <h1>{title}</h1>
      <p class="mk-inst">{detail.institution.name[lang]}</p>
      {props.qr ? (
        <div class="notice" data-testid="qr-prefill">
          <div>{format(c.qrBanner, { product: p.name[lang] })}</div>
          {props.qr.branchName ? <div>{format(c.qrBranch, { branch: props.qr.branchName })}</div> : null}
          {props.qr.managerId ? <div>{format(c.qrManager, { manager: props.qr.managerId })}</div> : null}
        </div>
      ) : null}
      <ProblemBox lang={lang} problem={props.problem} />
      {props.consentWithdrawn ? (
        <p class="notice" data-testid="consent-withdrawn">
          {c.consentWithdrawn}
        </p>
      ) : null}
      <form method="post" action={mkPath.apply(region, p.id)} data-testid="apply-form" novalidate>
        <OnceField value={props.once} />
        {props.qr ? <input type="hidden" name="code" value={props.qr.token} /> : null}
        <section class="mk-section">
          <h2>{c.applicantTitle}</h2>
          <label for="idKind">{c.idKind}</label>
          <select id="idKind" name="idKind">
            {(["resident-id", "uscc"] as const).map((k) => (
              <option value={k} selected={form.idKind === k}>
                {c[`idKindOption.${k}`]}
              </option>
            ))}
          </select>
          <div class="mk-two">
            <div>
              <label for="name">{c.applicantName}</label>
              <input id="name" name="name" value={form.name} maxlength={100} autocomplete="name" required />
            </div>
            <div>
              <label for="idNumber">{c.idNumber}</label>
              <input id="idNumber" name="idNumber" value={form.idNumber} maxlength={18} autocomplete="off" required />
            </div>
            <div>
              <label for="mobile">{c.mobile}</label>
              <input
                id="mobile"
                name="mobile"
                type="tel"
                inputmode="numeric"
                value={form.mobile}
                maxlength={11}
                required
              />
            </div>
            <div>
              <label for="amount">{c.amountInput}</label>
              <input id="amount" name="amount" inputmode="decimal" value={form.amount} maxlength={16} required />
              <p class="hint">{format(c.rangeHint, { range: yuanRange(t, p.amountMin, p.amountMax) })}</p>
            </div>
            <div>
              <label for="term">{c.termInput}</label>
              <input id="term" name="term" inputmode="numeric" value={form.term} maxlength={3} required />
              <p class="hint">
                {format(c.rangeHint, { range: format(t.monthsRange, { min: p.termMonthsMin, max: p.termMonthsMax }) })}
              </p>
            </div>
          </div>
        </section>
        <ConsentScreen lang={lang} detail={detail} ticked={form.categories} agreed={form.agreed} />
        <button class="btn" type="submit" data-testid="submit-application">
          {c.submit}
        </button>
      </form>
    </MkPage>
  );
}

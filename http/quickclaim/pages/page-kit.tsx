import type { Child } from "hono/jsx";
import { type Fen, formatLicencePlate, formatYuan } from "../../../core/kernel/mod.ts";
import type { CaseStatus, ClaimStatus, PhotoFlag } from "../../../core/quickclaim/mod.ts";
import { format, type Lang } from "../../pages/i18n.ts";
import { IdentityNeeded } from "../../pages/identity-needed.tsx";
import { Layout, type PageContext } from "../../pages/layout.tsx";
import type { PageProblem } from "./page-errors.ts";
import { type CommonText, commonText } from "./text-common.ts";

/**
 * Shared building blocks of the quick-claim pages (phone first, no inline style or script). The
 * module's stylesheet and script live under /assets/ with the shell's (no session lookup there).
 */
export const QC_CSS_PATH = "/assets/quickclaim.css";
export const QC_JS_PATH = "/assets/quickclaim.js";

export function QcPage(props: {
  readonly page: PageContext;
  readonly title: string;
  readonly children?: Child;
  readonly printable?: boolean;
}) {
  return (
    <Layout page={props.page} title={props.title}>
      <link rel="stylesheet" href={QC_CSS_PATH} />
      <div class={props.printable ? "qc qc-print" : "qc"}>{props.children}</div>
      <script src={QC_JS_PATH} defer />
    </Layout>
  );
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** An instant shown in Beijing time, "2026-03-01 13:40". */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "—";
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** The value of a `datetime-local` input for an instant, in Beijing time. */
export function beijingLocalInput(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}

/** A plate as people write it: "闽J8K627" → "闽J·8K627". */
export function plateText(plate: string): string {
  return plate.length > 2 ? formatLicencePlate(plate) : plate;
}

/** Basis points as a percentage with two decimals: 5671 → "56.71%". */
export function percent(bp: number | null): string {
  if (bp === null) return "—";
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, "0")}%`;
}

/** Whole seconds as minutes and seconds (hours when long). */
export function duration(seconds: number | null, lang: Lang): string {
  if (seconds === null) return "—";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (lang === "zh") return h > 0 ? `${h} 小时 ${m} 分` : m > 0 ? `${m} 分 ${s} 秒` : `${s} 秒`;
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s} s` : `${s} s`;
}

export function yuan(t: CommonText, fen: Fen | null): string {
  return fen === null ? "—" : format(t.yuan, { amount: formatYuan(fen) });
}

export function caseStatusText(t: CommonText, s: CaseStatus): string {
  return t[`case.${s}`];
}

export function claimStatusText(t: CommonText, s: ClaimStatus): string {
  return t[`claim.${s}`];
}

export function StatusBadge(props: { readonly lang: Lang; readonly status: CaseStatus }) {
  const t = commonText(props.lang);
  return (
    <span class={`qc-badge qc-s-${props.status.toLowerCase()}`} data-testid="case-status" data-status={props.status}>
      {caseStatusText(t, props.status)}
    </span>
  );
}

export function flagText(t: CommonText, f: PhotoFlag): string {
  return f.code === "time"
    ? format(t.flagTime, { n: f.minutesFromReport })
    : format(t.flagDistance, { n: f.metresFromPlace });
}

/** The problem of a failed action, shown above the form it came from. */
export function ProblemBox(props: { readonly lang: Lang; readonly problem: PageProblem | undefined }) {
  const p = props.problem;
  if (!p) return null;
  const t = commonText(props.lang);
  return (
    <div class="error" role="alert" data-testid="problem" data-rule={p.ruleId ?? ""}>
      <strong>{t.errorTitle}</strong>
      {p.ruleId ? <span class="qc-rule">{format(t.ruleLabel, { rule: p.ruleId })}</span> : null}
      <div>{p.message}</div>
      {p.fieldLabel ? <div class="hint">{format(t.fieldLabel, { field: p.fieldLabel })}</div> : null}
      {p.ruleId === "QC-R07" && p.status === 403 && p.field === "idCard.residentId" ? (
        <IdentityNeeded text={t.proveIdentity} />
      ) : null}
    </div>
  );
}

export function Notice(props: { readonly children?: Child; readonly testid?: string }) {
  return (
    <p class="notice" data-testid={props.testid}>
      {props.children}
    </p>
  );
}

/** A definition list of label/value rows. */
export function Facts(props: { readonly rows: readonly (readonly [string, Child])[] }) {
  return (
    <dl class="qc-facts">
      {props.rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

/** A small POST form with one button (and hidden fields), for actions such as accept or pay. */
export function ActionForm(props: {
  readonly action: string;
  readonly once: string;
  readonly label: string;
  readonly hidden?: Readonly<Record<string, string>>;
  readonly testid?: string;
  readonly secondary?: boolean;
}) {
  return (
    <form method="post" action={props.action} class="qc-inline" data-testid={props.testid}>
      <input type="hidden" name="_once" value={props.once} />
      {Object.entries(props.hidden ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button class={props.secondary ? "btn qc-btn-2" : "btn"} type="submit">
        {props.label}
      </button>
    </form>
  );
}

/** The hidden single-use key of a state-changing form (KRN-R08 for browser forms). */
export function OnceField(props: { readonly value: string }) {
  return <input type="hidden" name="_once" value={props.value} />;
}

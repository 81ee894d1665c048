import type { Child } from "hono/jsx";
import { hasRole, type Principal } from "../../../core/kernel/mod.ts";
import { format } from "../../pages/i18n.ts";
import { IdentityNeeded } from "../../pages/identity-needed.tsx";
import { Layout, type PageContext } from "../../pages/layout.tsx";
import { ONCE_FIELD } from "./form-once.tsx";
import { yuan } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { type PageProblem, ruleName } from "./page-errors.ts";
import { commonText } from "./text-common.ts";

/** Shared building blocks of the factors pages (phone first, no inline style or script). */
export const FX_CSS_PATH = "/factors/assets/factors.css";

export type NavKey = "home" | "mine" | "register" | "market" | "bank" | "county" | "dashboard" | "fund";

/** Where a page sits: its region, who looks, which tab is on, whether simulators stand in. */
export interface FxFrame {
  readonly region: string;
  readonly principal: Principal | undefined;
  readonly on?: NavKey;
  readonly simulated?: boolean;
}

function Nav(props: { readonly page: PageContext; readonly frame: FxFrame }) {
  const { region, principal, on } = props.frame;
  const t = commonText(props.page.lang);
  const p = principal;
  const tabs: [NavKey, string, string, boolean][] = [
    ["home", fxPath.home(region), t.navHome, true],
    ["mine", fxPath.mine(region), t.navMine, !!p && hasRole(p, "citizen", "clerk", "institution_staff")],
    ["register", fxPath.register(region), t.navRegister, !!p && hasRole(p, "citizen", "clerk", "institution_staff")],
    ["market", fxPath.market(region), t.navMarket, !!p],
    ["bank", fxPath.bank(region), t.navBank, !!p && hasRole(p, "institution_staff", "institution_admin")],
    ["county", fxPath.county(region), t.navCounty, !!p && hasRole(p, "regulator", "platform_admin")],
    ["dashboard", fxPath.dashboard(region), t.navDashboard, !!p && hasRole(p, "regulator", "platform_admin")],
    ["fund", fxPath.fund(region), t.navFund, !!p && hasRole(p, "regulator", "platform_admin")],
  ];
  return (
    <nav class="fx-nav" aria-label={t.module}>
      {tabs
        .filter(([, , , shown]) => shown)
        .map(([key, href, label]) => (
          <a href={href} class={key === on ? "on" : undefined} aria-current={key === on ? "page" : undefined}>
            {label}
          </a>
        ))}
    </nav>
  );
}

export function FxPage(props: {
  readonly page: PageContext;
  readonly title: string;
  readonly frame?: FxFrame;
  readonly children?: Child;
}) {
  const t = commonText(props.page.lang);
  return (
    <Layout page={props.page} title={props.title}>
      <link rel="stylesheet" href={FX_CSS_PATH} />
      <div class="fx">
        {props.frame ? <Nav page={props.page} frame={props.frame} /> : null}
        {props.frame?.simulated ? <p class="fx-sim">{t.simulated}</p> : null}
        {props.children}
      </div>
    </Layout>
  );
}

/** A status as a coloured badge; `label` is the page-language name. */
export function Badge(props: { readonly status: string; readonly label: string }) {
  return (
    <span class={`fx-badge fx-s-${props.status}`} data-status={props.status}>
      {props.label}
    </span>
  );
}

/** An amount in yuan, e.g. "150,000.00 元". */
export function Money(props: {
  readonly fen: number | null | undefined;
  readonly lang: PageContext["lang"];
  readonly testid?: string;
}) {
  if (props.fen === null || props.fen === undefined) return <span>—</span>;
  const t = commonText(props.lang);
  return (
    <span class="fx-money" data-fen={props.fen} data-testid={props.testid}>
      {yuan(props.fen)} {t.yuan}
    </span>
  );
}

/** The refusal of an action, shown above its form: rule, its name, the message, the field. */
export function ProblemBox(props: { readonly problem: PageProblem | undefined; readonly lang: PageContext["lang"] }) {
  const { problem, lang } = props;
  if (!problem) return null;
  const t = commonText(lang);
  const name = ruleName(problem.ruleId, lang);
  return (
    <div
      class="error"
      role="alert"
      data-testid="problem"
      data-rule={problem.ruleId ?? ""}
      data-field={problem.field ?? ""}
    >
      <p>
        {problem.ruleId ? (
          <strong>
            {problem.ruleId}
            {name ? ` ${name}` : ""}：
          </strong>
        ) : null}
        {problem.message}
      </p>
      {problem.fieldLabel ? <p class="hint">{format(t.fieldLabel, { field: problem.fieldLabel })}</p> : null}
      {problem.ruleId === "FAC-R01" && problem.status === 403 && problem.field === "holder.idNumber" ? (
        <IdentityNeeded text={t.proveIdentity} />
      ) : null}
    </div>
  );
}

/** The hidden single-use key every state-changing form carries (KRN-R08, see form-once.tsx). */
export function Once(props: { readonly value: string }) {
  return <input type="hidden" name={ONCE_FIELD} value={props.value} />;
}

/** Label/value pairs. */
export function Facts(props: { readonly rows: readonly (readonly [string, Child])[]; readonly testid?: string }) {
  return (
    <dl class="fx-facts" data-testid={props.testid}>
      {props.rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

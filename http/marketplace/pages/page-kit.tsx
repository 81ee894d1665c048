import type { Child } from "hono/jsx";
import { hasRole, type Principal } from "../../../core/kernel/mod.ts";
import type { ApplicationState } from "../../../core/marketplace/mod.ts";
import { format, type Lang } from "../../pages/i18n.ts";
import { IdentityNeeded } from "../../pages/identity-needed.tsx";
import { Layout, type PageContext } from "../../pages/layout.tsx";
import { mkPath } from "./mk-paths.ts";
import type { PageProblem } from "./page-errors.ts";
import { commonText } from "./text-common.ts";

/** Shared building blocks of the marketplace pages (phone first, no inline style or script). */

/** Which module links the sub-navigation shows to this caller. */
function navLinks(lang: Lang, region: string, principal: Principal | undefined) {
  const t = commonText(lang);
  const links: { href: string; label: string; id: string }[] = [
    { href: mkPath.catalogue(region), label: t["nav.catalogue"], id: "catalogue" },
  ];
  if (!principal || hasRole(principal, "citizen")) {
    links.push({ href: mkPath.myData(region), label: t["nav.myData"], id: "my-data" });
  }
  if (principal && hasRole(principal, "institution_staff", "institution_admin")) {
    links.push({ href: mkPath.queue(region), label: t["nav.queue"], id: "queue" });
  }
  if (principal && hasRole(principal, "regulator", "platform_admin", "institution_staff", "institution_admin")) {
    links.push({ href: mkPath.board(region), label: t["nav.board"], id: "board" });
  }
  return links;
}

export function MkPage(props: {
  readonly page: PageContext;
  readonly title: string;
  readonly region?: string;
  readonly principal?: Principal | undefined;
  readonly current?: string;
  readonly simulated?: boolean;
  readonly children?: Child;
}) {
  const { page, region } = props;
  const t = commonText(page.lang);
  return (
    <Layout page={page} title={props.title}>
      <link rel="stylesheet" href={mkPath.css} />
      <div class="mk">
        {region ? (
          <nav class="mk-nav" aria-label={t.module}>
            <span class="mk-nav-title">{t.module}</span>
            {navLinks(page.lang, region, props.principal).map((l) => (
              <a href={l.href} data-nav={l.id} aria-current={props.current === l.id ? "page" : undefined}>
                {l.label}
              </a>
            ))}
          </nav>
        ) : null}
        {props.simulated ? (
          <p class="mk-sim" data-testid="simulated">
            {t.simulated}
          </p>
        ) : null}
        {props.children}
      </div>
    </Layout>
  );
}

/** The problem of a failed action, shown above the form it came from. */
export function ProblemBox(props: { readonly lang: Lang; readonly problem: PageProblem | undefined }) {
  const p = props.problem;
  if (!p) return null;
  const t = commonText(props.lang);
  return (
    <div class="error" role="alert" data-testid="problem" data-rule={p.ruleId ?? ""} data-field={p.field ?? ""}>
      <strong>{t.errorTitle}</strong>
      {p.ruleId ? <span class="mk-rule">{format(t.ruleLabel, { rule: p.ruleId })}</span> : null}
      <div>{p.message}</div>
      {p.fieldLabel ? <div class="hint">{format(t.fieldLabel, { field: p.fieldLabel })}</div> : null}
      {p.ruleId === "MKT-R01" && p.status === 403 && p.field === "subject.idNumber" ? (
        <IdentityNeeded text={t.proveIdentity} />
      ) : null}
    </div>
  );
}

/** A definition list of label/value rows. */
export function Facts(props: { readonly rows: readonly (readonly [string, Child])[]; readonly testid?: string }) {
  return (
    <dl class="mk-facts" data-testid={props.testid}>
      {props.rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

export function StateBadge(props: { readonly lang: Lang; readonly state: ApplicationState }) {
  const t = commonText(props.lang);
  return (
    <span class={`mk-badge mk-s-${props.state.toLowerCase()}`} data-testid="app-state" data-state={props.state}>
      {t[`state.${props.state}`]}
    </span>
  );
}

/** A small tag (special action, channel, segment). */
export function Tag(props: { readonly children?: Child; readonly kind?: "action" | "direct" | "plain" }) {
  return <span class={`mk-tag mk-tag-${props.kind ?? "plain"}`}>{props.children}</span>;
}

/** A period of data, each date kept on one line: "2024-03-02 – 2026-03-02". */
export function Period(props: { readonly period: { readonly from: string; readonly to: string } }) {
  return (
    <span>
      <span class="mk-nw">{props.period.from}</span> – <span class="mk-nw">{props.period.to}</span>
    </span>
  );
}

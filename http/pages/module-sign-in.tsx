import type { Context } from "hono";
import { csrf } from "hono/csrf";
import type { Child } from "hono/jsx";
import { maskMobile } from "../../core/kernel/mod.ts";
import { setSessionCookie } from "../auth/session-cookie.ts";
import type { App, AppEnv } from "../env.ts";
import { format } from "./i18n.ts";
import { type PageContext, pageContext } from "./layout.tsx";
import { literalSegment } from "./literal-segment.ts";
import { signInError } from "./sign-in-error.ts";
import { CodeCard, MobileCard, StaffKeyCard } from "./sign-in-forms.tsx";

/**
 * A module's own sign-in, which comes back to the module page the person was on (`next`, only
 * the module's own pages): a citizen by a one-time code sent through the region of that page (so
 * the citizen acts in that region), staff by pasting their API key. Same services, limits and
 * errors as the shell's /sign-in. Each module mounts it at `/<module>/sign-in` with its own frame
 * and words; the pages, forms and answers are this one implementation.
 */
export interface ModuleSignIn {
  /** The module's id and first path segment: "quickclaim", "factors", "marketplace". */
  readonly module: string;
  /** Prefix of the forms' test ids: "qc" gives qc-citizen-form, qc-code-form, qc-staff-form. */
  readonly testIds: string;
  /** The module's page frame (its stylesheet and navigation around the content). */
  readonly Frame: (props: { readonly page: PageContext; readonly title: string; readonly children?: Child }) => Child;
  /** Where `next` may lead: one of the module's own pages, else the module's home (no open redirect). */
  readonly safeNext: (next: string | undefined) => string;
  /** What the sign-in page says under its title. */
  readonly lead?: (page: PageContext) => Child;
  /** Show the shell's hint under the citizen heading. */
  readonly citizenHint?: boolean;
}

const MOBILE = /^1[3-9]\d{9}$/;
const CODE = /^\d{6}$/;

function Failure(props: { readonly error: string | undefined }) {
  return props.error ? (
    <p class="error" role="alert" data-testid="problem">
      {props.error}
    </p>
  ) : null;
}

async function formOf(c: Context<AppEnv>): Promise<(name: string) => string> {
  const body = await c.req.parseBody();
  return (name) => {
    const v = body[name];
    return typeof v === "string" ? v.trim() : "";
  };
}

export function registerModuleSignIn(app: App, m: ModuleSignIn): void {
  const { Frame } = m;
  const base = `/${m.module}/sign-in`;

  /** The region a code is sent through: the page's, if it has the module; else the first that has it. */
  const regionOfNext = (c: Context<AppEnv>, next: string): string => {
    const wanted = new RegExp(`^/${m.module}/(\\d{6})(/|$|\\?)`).exec(next)?.[1];
    const regions = [...c.get("platform").regions.values()];
    const withModule = regions.filter((r) => r.modules.includes(m.module));
    return (withModule.find((r) => r.code === wanted) ?? withModule[0] ?? regions[0])?.code ?? "";
  };
  const minutes = (c: Context<AppEnv>) => Math.round(c.get("auth").settings.otp.ttlSeconds / 60);

  const SignIn = (props: { page: PageContext; next: string; error?: string | undefined; mobile?: string }) => {
    const { page } = props;
    const t = page.t;
    return (
      <Frame page={page} title={t.signInTitle}>
        <h1>{t.signInTitle}</h1>
        {m.lead?.(page)}
        <Failure error={props.error} />
        <div class="grid">
          <MobileCard
            page={page}
            action={`${base}/citizen`}
            testid={`${m.testIds}-citizen-form`}
            next={props.next}
            mobile={props.mobile}
            hint={m.citizenHint === true}
          />
          <StaffKeyCard page={page} action={`${base}/staff`} testid={`${m.testIds}-staff-form`} next={props.next} />
        </div>
      </Frame>
    );
  };

  const Code = (props: { page: PageContext; next: string; mobile: string; minutes: number; error?: string }) => {
    const { page } = props;
    const t = page.t;
    const shown = maskMobile(MOBILE.test(props.mobile) ? props.mobile : "00000000000");
    return (
      <Frame page={page} title={t.codeTitle}>
        <h1>{t.codeTitle}</h1>
        {props.error ? (
          <Failure error={props.error} />
        ) : (
          <p class="notice">{format(t.codeSent, { mobile: shown, minutes: props.minutes })}</p>
        )}
        <CodeCard
          page={page}
          action={`${base}/verify`}
          testid={`${m.testIds}-code-form`}
          mobile={props.mobile}
          next={props.next}
        />
      </Frame>
    );
  };

  const forms = csrf();
  const { path, when } = literalSegment(`/${m.module}`, "sign-in");

  app.get(
    path,
    when((c) => c.html(<SignIn page={pageContext(c)} next={m.safeNext(c.req.query("next"))} />)),
  );

  app.post(
    `${path}/citizen`,
    when(forms, async (c) => {
      const field = await formOf(c);
      const next = m.safeNext(field("next"));
      const mobile = field("mobile");
      const page = pageContext(c);
      if (!MOBILE.test(mobile)) {
        return c.html(<SignIn page={page} next={next} mobile={mobile} error={page.t.badMobile} />, 400);
      }
      try {
        await c.get("auth").otp.request({ mobile, regionCode: regionOfNext(c, next) });
      } catch (e) {
        const { status, message } = signInError(c, e);
        return c.html(<SignIn page={page} next={next} mobile={mobile} error={message} />, status);
      }
      return c.html(<Code page={page} next={next} mobile={mobile} minutes={minutes(c)} />);
    }),
  );

  app.post(
    `${path}/verify`,
    when(forms, async (c) => {
      const field = await formOf(c);
      const next = m.safeNext(field("next"));
      const mobile = field("mobile");
      const code = field("code");
      const page = pageContext(c);
      const again = (error: string, status: 400 | 401 | 429 | 503) =>
        c.html(<Code page={page} next={next} mobile={mobile} minutes={minutes(c)} error={error} />, status);
      if (!MOBILE.test(mobile)) return again(page.t.badMobile, 400);
      if (!CODE.test(code)) return again(page.t.badCode, 400);
      try {
        const { token, session } = await c.get("auth").otp.verify({ mobile, code });
        setSessionCookie(c, token, session.expiresAt);
        return c.redirect(next, 303);
      } catch (e) {
        const { status, message } = signInError(c, e);
        return again(message, status);
      }
    }),
  );

  app.post(
    `${path}/staff`,
    when(forms, async (c) => {
      const field = await formOf(c);
      const next = m.safeNext(field("next"));
      const page = pageContext(c);
      try {
        const { token, session } = await c.get("auth").signInStaff(field("apiKey"));
        setSessionCookie(c, token, session.expiresAt);
        return c.redirect(next, 303);
      } catch (e) {
        const { status, message } = signInError(c, e);
        return c.html(<SignIn page={page} next={next} error={message} />, status);
      }
    }),
  );
}

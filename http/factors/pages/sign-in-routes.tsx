import { csrf } from "hono/csrf";
import { maskMobile } from "../../../core/kernel/mod.ts";
import { setSessionCookie } from "../../auth/session-cookie.ts";
import type { App } from "../../env.ts";
import { format } from "../../pages/i18n.ts";
import { type PageContext, pageContext } from "../../pages/layout.tsx";
import { literalSegment } from "../../pages/literal-segment.ts";
import { signInError } from "../../pages/sign-in-error.ts";
import { formOf, text } from "./form-once.tsx";
import type { FxContext } from "./fx-context.tsx";
import { safeNext } from "./fx-paths.ts";
import { FxPage } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";

/**
 * Sign-in that comes back to the factors page the person was on (a citizen by one-time code, a
 * staff member with the institution key). Same services and rules as the shell's /sign-in.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const CODE = /^\d{6}$/;

function regionOfNext(c: FxContext, next: string): string {
  const m = /^\/factors\/(\d{6})(\/|$)/.exec(next);
  const regions = [...c.get("platform").regions.values()].filter((r) => r.modules.includes("factors"));
  const all = [...c.get("platform").regions.values()];
  return regions.find((r) => r.code === m?.[1])?.code ?? regions[0]?.code ?? all[0]?.code ?? "";
}

function Failure(props: { readonly error: string | undefined }) {
  return props.error ? (
    <p class="error" role="alert" data-testid="problem">
      {props.error}
    </p>
  ) : null;
}

function SignIn(props: { page: PageContext; next: string; error?: string | undefined; mobile?: string }) {
  const { page } = props;
  const t = page.t;
  return (
    <FxPage page={page} title={t.signInTitle}>
      <h1>{t.signInTitle}</h1>
      <p class="hint">{commonText(page.lang).signInIntro}</p>
      <Failure error={props.error} />
      <div class="grid">
        <section class="card">
          <h2>{t.citizenTitle}</h2>
          <form method="post" action="/factors/sign-in/citizen" data-testid="fx-citizen-form">
            <input type="hidden" name="next" value={props.next} />
            <label for="mobile">{t.mobile}</label>
            <input
              id="mobile"
              name="mobile"
              type="tel"
              inputmode="numeric"
              autocomplete="tel"
              pattern="1[3-9][0-9]{9}"
              maxlength={11}
              required
              value={props.mobile ?? ""}
            />
            <button class="btn" type="submit">
              {t.sendCode}
            </button>
          </form>
        </section>
        <section class="card">
          <h2>{t.staffTitle}</h2>
          <p class="hint">{t.staffHint}</p>
          <form method="post" action="/factors/sign-in/staff" data-testid="fx-staff-form">
            <input type="hidden" name="next" value={props.next} />
            <label for="apiKey">{t.apiKey}</label>
            <textarea id="apiKey" name="apiKey" autocomplete="off" spellcheck={false} required />
            <button class="btn" type="submit">
              {t.staffSignIn}
            </button>
          </form>
        </section>
      </div>
    </FxPage>
  );
}

function Code(props: { page: PageContext; next: string; mobile: string; minutes: number; error?: string }) {
  const { page } = props;
  const t = page.t;
  return (
    <FxPage page={page} title={t.codeTitle}>
      <h1>{t.codeTitle}</h1>
      {props.error ? (
        <Failure error={props.error} />
      ) : (
        <p class="notice">{format(t.codeSent, { mobile: maskMobile(props.mobile), minutes: props.minutes })}</p>
      )}
      <section class="card">
        <form method="post" action="/factors/sign-in/verify" data-testid="fx-code-form">
          <input type="hidden" name="next" value={props.next} />
          <input type="hidden" name="mobile" value={props.mobile} />
          <label for="code">{t.code}</label>
          <input
            id="code"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            maxlength={6}
            required
          />
          <button class="btn" type="submit">
            {t.verify}
          </button>
        </form>
      </section>
    </FxPage>
  );
}

export function registerSignInRoutes(app: App): void {
  const forms = csrf();
  const minutes = (c: FxContext) => Math.round(c.get("auth").settings.otp.ttlSeconds / 60);

  const { path, when } = literalSegment("/factors", "sign-in");
  app.get(
    path,
    when((c) => c.html(<SignIn page={pageContext(c)} next={safeNext(c.req.query("next"))} />)),
  );

  app.post(
    `${path}/citizen`,
    when(forms, async (c) => {
      const form = await formOf(c);
      const next = safeNext(text(form, "next"));
      const mobile = text(form, "mobile");
      const page = pageContext(c);
      if (!MOBILE.test(mobile))
        return c.html(<SignIn page={page} next={next} mobile={mobile} error={page.t.badMobile} />, 400);
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
      const form = await formOf(c);
      const next = safeNext(text(form, "next"));
      const mobile = text(form, "mobile");
      const code = text(form, "code");
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
      const form = await formOf(c);
      const next = safeNext(text(form, "next"));
      const page = pageContext(c);
      try {
        const { token, session } = await c.get("auth").signInStaff(text(form, "apiKey"));
        setSessionCookie(c, token, session.expiresAt);
        return c.redirect(next, 303);
      } catch (e) {
        const { status, message } = signInError(c, e);
        return c.html(<SignIn page={page} next={next} error={message} />, status);
      }
    }),
  );
}

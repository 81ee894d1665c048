import { csrf } from "hono/csrf";
import { maskMobile } from "../../../core/kernel/mod.ts";
import { setSessionCookie } from "../../auth/session-cookie.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { literalSegment } from "../../pages/literal-segment.ts";
import { signInError } from "../../pages/sign-in-error.ts";
import { formOf, text } from "./form-once.tsx";
import { type MkContext, MODULE_ID } from "./mk-context.tsx";
import { safeNext } from "./mk-paths.ts";
import { MkCodePage, MkSignInPage } from "./sign-in-page.tsx";
import { commonText } from "./text-common.ts";

/**
 * Sign-in routes that return to the marketplace page the person came from (`next`, only our own
 * paths). Same services and limits as the shell's /sign-in: the one-time code is sent through
 * the region of the page (so the citizen acts in that region), staff paste their API key.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const CODE = /^\d{6}$/;

function regionOfNext(c: MkContext, next: string): string {
  const wanted = /^\/marketplace\/(\d{6})(\/|$|\?)/.exec(next)?.[1];
  const regions = [...c.get("platform").regions.values()];
  const withModule = regions.filter((r) => r.modules.includes(MODULE_ID));
  return (withModule.find((r) => r.code === wanted) ?? withModule[0] ?? regions[0])?.code ?? "";
}

export function registerSignInRoutes(app: App): void {
  const forms = csrf();
  const minutes = (c: MkContext) => Math.round(c.get("auth").settings.otp.ttlSeconds / 60);

  const { path, when } = literalSegment("/marketplace", "sign-in");
  app.get(
    path,
    when((c) => {
      const page = pageContext(c);
      return c.html(
        <MkSignInPage page={page} next={safeNext(c.req.query("next"))} hint={commonText(page.lang).signInFirst} />,
      );
    }),
  );

  app.post(
    `${path}/citizen`,
    when(forms, async (c) => {
      const form = await formOf(c);
      const next = safeNext(text(form, "next"));
      const mobile = text(form, "mobile");
      const page = pageContext(c);
      if (!MOBILE.test(mobile)) {
        return c.html(<MkSignInPage page={page} next={next} mobile={mobile} error={page.t.badMobile} />, 400);
      }
      try {
        await c.get("auth").otp.request({ mobile, regionCode: regionOfNext(c, next) });
      } catch (e) {
        const { status, message } = signInError(c, e);
        return c.html(<MkSignInPage page={page} next={next} mobile={mobile} error={message} />, status);
      }
      return c.html(
        <MkCodePage page={page} next={next} mobile={mobile} maskedMobile={maskMobile(mobile)} minutes={minutes(c)} />,
      );
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
        c.html(
          <MkCodePage
            page={page}
            next={next}
            mobile={mobile}
            maskedMobile={maskMobile(MOBILE.test(mobile) ? mobile : "00000000000")}
            minutes={minutes(c)}
            error={error}
          />,
          status,
        );
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
        return c.html(<MkSignInPage page={page} next={next} error={message} />, status);
      }
    }),
  );
}

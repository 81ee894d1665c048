import type { Context, MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { TooManyRequestsError } from "../../adapters/auth/too-many-requests.ts";
import { isDomainError, maskMobile, type Principal } from "../../core/kernel/mod.ts";
import { clearSessionCookie, presentedSessionToken, setSessionCookie } from "../auth/session-cookie.ts";
import type { App, AppEnv } from "../env.ts";
import { APP_CSS } from "./assets.ts";
import { CodePage } from "./code-page.tsx";
import { HomePage, type ModuleTitle } from "./home-page.tsx";
import { format } from "./i18n.ts";
import { IdentityPage } from "./identity-page.tsx";
import { pageContext } from "./layout.tsx";
import { signInError } from "./sign-in-error.ts";
import { SignInPage } from "./sign-in-page.tsx";

/**
 * The pages shell: stylesheet, home, sign-in (citizen one-time code, staff API key), sign-out.
 * Form posts are CSRF-checked (Origin / Sec-Fetch-Site must be this site) and every page carries
 * a strict Content-Security-Policy (no inline script or style).
 */
const MOBILE = /^1[3-9]\d{9}$/;
const CODE = /^\d{6}$/;
const CSP =
  "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function pageHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.headers.get("Content-Type")?.startsWith("text/html") && !c.res.headers.has("Content-Security-Policy")) {
      c.res.headers.set("Content-Security-Policy", CSP);
      c.res.headers.set("Cache-Control", "no-store");
    }
  };
}

function field(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  return typeof v === "string" ? v.trim() : "";
}

function regionList(c: Context<AppEnv>) {
  return [...c.get("platform").regions.values()];
}

/** The page-language message for an error of the real-name check. */
function identityError(c: Context<AppEnv>, e: unknown): { status: 403 | 422 | 429 | 503; message: string } {
  const { t } = pageContext(c);
  if (e instanceof TooManyRequestsError)
    return { status: 429, message: format(t.tooMany, { seconds: e.retryAfterSeconds }) };
  if (!isDomainError(e)) throw e;
  if (e.kind === "unavailable") return { status: 503, message: t.idUnavailable };
  if (e.kind === "forbidden")
    return { status: 403, message: e.field === "agentResidentId" ? t.idAgentFirst : t.idCitizenOnly };
  if (e.field === "mobile") return { status: 422, message: t.idNotOwnMobile };
  if (e.ruleId === "KRN-R06") return { status: 422, message: t.idNotMatched };
  return { status: 422, message: t.idInvalid };
}

/** The signed-in citizen, or undefined (the identity pages then send the visitor to sign in). */
function citizen(c: Context<AppEnv>): Principal | undefined {
  const p = c.get("principal");
  return p?.roles.includes("citizen") && p.subjectRef !== undefined ? p : undefined;
}

export function registerPageRoutes(app: App, titles: ReadonlyMap<string, ModuleTitle>): void {
  app.get("/assets/app.css", (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(APP_CSS, 200, { "Content-Type": "text/css; charset=utf-8" });
  });

  app.get("/", (c) => c.html(<HomePage page={pageContext(c)} regions={regionList(c)} titles={titles} />));

  app.get("/sign-in", (c) => c.html(<SignInPage page={pageContext(c)} regions={regionList(c)} />));

  const forms = csrf();

  app.post("/sign-in/citizen", forms, async (c) => {
    const body = await c.req.parseBody();
    const mobile = field(body, "mobile");
    const regions = regionList(c);
    const region = field(body, "region") || regions[0]?.code || "";
    const page = pageContext(c);
    if (!MOBILE.test(mobile) || !regions.some((r) => r.code === region)) {
      return c.html(
        <SignInPage page={page} regions={regions} error={page.t.badMobile} mobile={mobile} region={region} />,
        400,
      );
    }
    try {
      await c.get("auth").otp.request({ mobile, regionCode: region });
    } catch (e) {
      const { status, message } = signInError(c, e);
      return c.html(
        <SignInPage page={page} regions={regions} error={message} mobile={mobile} region={region} />,
        status,
      );
    }
    const minutes = Math.round(c.get("auth").settings.otp.ttlSeconds / 60);
    return c.html(<CodePage page={page} mobile={mobile} maskedMobile={maskMobile(mobile)} minutes={minutes} />);
  });

  app.post("/sign-in/citizen/verify", forms, async (c) => {
    const body = await c.req.parseBody();
    const mobile = field(body, "mobile");
    const code = field(body, "code");
    const page = pageContext(c);
    const minutes = Math.round(c.get("auth").settings.otp.ttlSeconds / 60);
    const again = (error: string, status: 400 | 401 | 429 | 503) =>
      c.html(
        <CodePage page={page} mobile={mobile} maskedMobile={maskMobile(mobile)} minutes={minutes} error={error} />,
        status,
      );
    if (!MOBILE.test(mobile)) return again(page.t.badMobile, 400);
    if (!CODE.test(code)) return again(page.t.badCode, 400);
    try {
      const { token, session } = await c.get("auth").otp.verify({ mobile, code });
      setSessionCookie(c, token, session.expiresAt);
      return c.redirect("/", 303);
    } catch (e) {
      const { status, message } = signInError(c, e);
      return again(message, status);
    }
  });

  app.post("/sign-in/staff", forms, async (c) => {
    const body = await c.req.parseBody();
    const page = pageContext(c);
    try {
      const { token, session } = await c.get("auth").signInStaff(field(body, "apiKey"));
      setSessionCookie(c, token, session.expiresAt);
      return c.redirect("/", 303);
    } catch (e) {
      const { status, message } = signInError(c, e);
      return c.html(<SignInPage page={page} regions={regionList(c)} error={message} />, status);
    }
  });

  const simulatedVerifier = (c: Context<AppEnv>) => {
    const region = c.get("session")?.regionCode;
    const details = region ? c.get("platform").regions.get(region)?.pluginDetails : undefined;
    return details?.some((d) => d.id.startsWith("identity-verifier") && d.kind === "simulator") ?? false;
  };

  app.get("/identity", async (c) => {
    const p = citizen(c);
    if (!p) return c.redirect("/sign-in", 303);
    const identities = await c.get("auth").identities.list(p);
    return c.html(<IdentityPage page={pageContext(c)} identities={identities} simulated={simulatedVerifier(c)} />);
  });

  for (const kind of ["person", "enterprise"] as const) {
    app.post(`/identity/${kind}`, forms, async (c) => {
      const p = citizen(c);
      if (!p) return c.redirect("/sign-in", 303);
      const body = await c.req.parseBody();
      const values = Object.fromEntries(
        ["name", "residentId", "mobile", "uscc", "enterpriseName", "agentResidentId"].map((k) => [k, field(body, k)]),
      );
      const auth = c.get("auth");
      const region = c.get("session")?.regionCode ?? [...c.get("platform").regions.keys()][0] ?? "";
      try {
        const done = await auth.identities.verify(
          p,
          region,
          kind === "person"
            ? { kind, name: values.name ?? "", residentId: values.residentId ?? "", mobile: values.mobile ?? "" }
            : {
                kind,
                uscc: values.uscc ?? "",
                enterpriseName: values.enterpriseName ?? "",
                agentResidentId: values.agentResidentId ?? "",
              },
        );
        const identities = await auth.identities.list(p);
        return c.html(
          <IdentityPage page={pageContext(c)} identities={identities} done={done} simulated={simulatedVerifier(c)} />,
        );
      } catch (e) {
        const { status, message } = identityError(c, e);
        const identities = await auth.identities.list(p);
        return c.html(
          <IdentityPage
            page={pageContext(c)}
            identities={identities}
            error={message}
            values={{ ...values, residentId: "", agentResidentId: "" }}
            simulated={simulatedVerifier(c)}
          />,
          status,
        );
      }
    });
  }

  app.post("/sign-out", forms, async (c) => {
    const token = presentedSessionToken(c);
    if (token) await c.get("auth").signOut(token);
    clearSessionCookie(c);
    return c.redirect("/", 303);
  });
}

import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env.ts";
import { SESSION_COOKIE } from "../middleware/authenticate.ts";

/** Sets the session cookie: HttpOnly, SameSite=Lax, whole site, until the session expires. */
export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - c.get("platform").clock.now().getTime()) / 1000));
  setCookie(c, SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: c.get("auth").settings.secureCookies,
    maxAge,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: c.get("auth").settings.secureCookies });
}

/** The session token the caller presented (bearer `fis_…` first, then the cookie). */
export function presentedSessionToken(c: Context<AppEnv>): string | undefined {
  const m = /^Bearer\s+(fis_\S+)\s*$/i.exec(c.req.header("Authorization") ?? "");
  if (m) return m[1];
  return getCookie(c, SESSION_COOKIE);
}

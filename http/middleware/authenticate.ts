import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { DomainError, type Principal, type Role, requireRole } from "../../core/kernel/mod.ts";
import type { AppEnv } from "../env.ts";

/** Name of the session cookie (HttpOnly, SameSite=Lax). */
export const SESSION_COOKIE = "fif_session";

/**
 * Resolves the caller for every request (KRN-R06): `Authorization: Bearer fif_…` (API key) or
 * `Bearer fis_…` (session token), else the session cookie. No credential → anonymous; a
 * credential that is unknown, expired or revoked → anonymous with `credentialsRejected`, which
 * `requireAuth` turns into a 401 (public routes still answer). /health and /assets/* skip it.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("principal", undefined);
    c.set("session", undefined);
    c.set("credentialsRejected", false);
    // Liveness and static assets never touch the database.
    if (c.req.path === "/health" || c.req.path.startsWith("/assets/")) return next();
    const header = c.req.header("Authorization");
    let credential: string | undefined;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (m) credential = m[1];
      else c.set("credentialsRejected", true);
    } else {
      credential = getCookie(c, SESSION_COOKIE);
    }
    if (credential) {
      const found = await c.get("auth").authenticate(credential);
      if (found) {
        c.set("principal", found.principal);
        c.set("session", found.session);
      } else {
        c.set("credentialsRejected", true);
      }
    }
    await next();
  };
}

function unauthenticated(c: Context<AppEnv>): DomainError {
  return new DomainError(
    c.get("credentialsRejected")
      ? "the credential is not valid: unknown, expired or revoked"
      : "sign in or send Authorization: Bearer <API key>",
    { ruleId: "KRN-R06", kind: "unauthenticated" },
  );
}

/** The signed-in caller; throws the 401 problem when there is none. */
export function principalOf(c: Context<AppEnv>): Principal {
  const p = c.get("principal");
  if (!p) throw unauthenticated(c);
  return p;
}

/**
 * Route middleware: the caller must be signed in and, when roles are given, hold one of them
 * (401 otherwise, 403 for a missing role).
 */
export function requireAuth(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = principalOf(c);
    if (roles.length > 0) requireRole(p, ...roles);
    await next();
  };
}

import type { Context } from "hono";
import { TooManyRequestsError } from "../../adapters/auth/too-many-requests.ts";
import { isDomainError } from "../../core/kernel/mod.ts";
import type { AppEnv } from "../env.ts";
import { format } from "./i18n.ts";
import { pageContext } from "./layout.tsx";

/**
 * The page-language message for an error of the sign-in services (one-time code, API key), as
 * every sign-in page shows it: 429 with the wait, 503 when the code could not be sent, 401 with
 * the attempts left. Anything else is not a sign-in refusal and is thrown on.
 */
export function signInError(c: Context<AppEnv>, e: unknown): { status: 401 | 429 | 503; message: string } {
  const { t } = pageContext(c);
  if (e instanceof TooManyRequestsError)
    return { status: 429, message: format(t.tooMany, { seconds: e.retryAfterSeconds }) };
  if (isDomainError(e) && e.kind === "unavailable") return { status: 503, message: t.sendFailed };
  if (isDomainError(e) && e.kind === "unauthenticated") {
    if (e.field === "apiKey") return { status: 401, message: t.badKey };
    const left = Number(e.detail?.attemptsLeft ?? 0);
    return { status: 401, message: left > 0 ? format(t.wrongCode, { n: left }) : t.codeGone };
  }
  throw e;
}

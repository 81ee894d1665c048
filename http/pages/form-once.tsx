import type { MiddlewareHandler } from "hono";
import type { Child } from "hono/jsx";
import { sha256HexOfBytes } from "../../adapters/auth/secrets.ts";
import type { AppEnv } from "../env.ts";
import { replayOf, runAndKeep } from "../middleware/keep-first-answer.ts";
import type { Lang } from "./i18n.ts";
import { type PageContext, pageContext } from "./layout.tsx";
import type { PageProblem } from "./page-problems.ts";

/**
 * KRN-R08 for browser forms. A browser cannot send an Idempotency-Key header, so every
 * state-changing form carries a single-use key in the hidden field `_once`, made when the form
 * is rendered. The same idempotency store as the API's `idempotent()` keeps the first answer:
 *   first submission           → runs; a success (2xx/3xx, normally the redirect to the result)
 *                                is kept; a refusal (4xx) or failure (5xx) wrote nothing and frees
 *                                the key, so the page echoing the form (maybe with personal data)
 *                                is never stored and a corrected retry runs the rules again;
 *   double click, resubmission → the kept answer again (`Idempotent-Replayed: true`), nothing runs twice;
 *   same key, other content    → 422 page (the form was already used: reload it);
 *   while the first still runs → 409 page;
 *   a body over the route's limit → 413 page (never a 500).
 * The scope is the principal + "page" + path, so keys never meet the API's. Each module mounts it
 * with its own error page and words.
 */
export const ONCE_FIELD = "_once";
const KEY_SHAPE = /^[\x21-\x7e]{8,255}$/;

export interface FormOnceTexts {
  readonly formExpired: string;
  readonly formReused: string;
  readonly formBusy: string;
  /** With `{mb}` for the route's limit. */
  readonly tooLarge: string;
}

export interface FormOnceOptions {
  /** For the log: "quickclaim", "factors", "marketplace". */
  readonly module: string;
  readonly ErrorPage: (props: { readonly page: PageContext; readonly problem: PageProblem }) => Child;
  readonly texts: (lang: Lang) => FormOnceTexts;
  /** The rule an over-large upload breaks (the module's upload rule, else KRN-R11). */
  readonly tooLargeRule: string;
}

const problem = (status: PageProblem["status"], message: string, ruleId: string): PageProblem => ({
  status,
  ruleId,
  message,
  field: undefined,
  fieldLabel: undefined,
});

export function formOnce(o: FormOnceOptions): MiddlewareHandler<AppEnv> {
  const { ErrorPage } = o;
  return async (c, next) => {
    const t = o.texts(c.get("lang") ?? "zh");
    const page = () => pageContext(c);
    const refuse = (status: PageProblem["status"], message: string, ruleId: string) =>
      c.html(<ErrorPage page={page()} problem={problem(status, message, ruleId)} />, status);
    let bytes: Uint8Array;
    let key: unknown;
    try {
      bytes = new Uint8Array(await c.req.arrayBuffer());
      key = (await c.req.parseBody())[ONCE_FIELD];
    } catch (e) {
      if (!c.get("bodyLimitExceeded")) throw e;
      const mb = Math.floor(c.get("bodyLimit") / (1024 * 1024));
      return refuse(413, t.tooLarge.replace("{mb}", String(mb)), o.tooLargeRule);
    }
    if (typeof key !== "string" || !KEY_SHAPE.test(key.trim())) return refuse(400, t.formExpired, "KRN-R08");
    const once = key.trim();
    const store = c.get("idempotency");
    const scope = `${c.get("principal")?.id ?? "anonymous"} page ${c.req.path}`;
    const begun = await store.begin(scope, once, sha256HexOfBytes(bytes));
    if (begun.kind === "mismatch") return refuse(422, t.formReused, "KRN-R08");
    if (begun.kind === "in_progress") return refuse(409, t.formBusy, "KRN-R08");
    if (begun.kind === "replay") return replayOf(begun);
    // Only a success is kept: a refusal echoes the form (maybe with personal data) and frees the key.
    await runAndKeep(c, next, { store, scope, key: once, keepBelow: 400, label: `${o.module} pages` });
  };
}

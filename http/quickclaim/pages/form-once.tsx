import type { Context, MiddlewareHandler } from "hono";
import { sha256HexOfBytes } from "../../../adapters/auth/secrets.ts";
import type { AppEnv } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { ErrorPage } from "./error-page.tsx";
import { localProblem } from "./page-errors.ts";
import { commonText } from "./text-common.ts";

/**
 * KRN-R08 for browser forms. A browser cannot send an Idempotency-Key header, so every
 * state-changing form carries a single-use key in the hidden field `_once`, made when the form
 * is rendered. The same idempotency store as the API's `idempotent()` keeps the first answer:
 *   first submission          → runs; a success (2xx/3xx, normally the redirect back to the case)
 *                               is kept; a refusal (4xx) or failure (5xx) wrote nothing and frees the
 *                               key, so the page echoing the form (maybe with personal data) is
 *                               never stored and a retry runs the rules again;
 *   double click, resubmission → the kept answer again (`Idempotent-Replayed: true`), nothing runs twice;
 *   same key, other content   → 422 page (the form was already used: reload it);
 *   while the first still runs → 409 page.
 * The scope is the principal + "page" + path, so keys never meet the API's.
 */
export const ONCE_FIELD = "_once";
const KEY_SHAPE = /^[\x21-\x7e]{8,255}$/;
const NOT_STORED = new Set(["set-cookie", "x-request-id", "date", "content-length", "connection", "transfer-encoding"]);

/** The parsed form of the request (multipart or urlencoded), read once and cached by hono. */
export async function formOf(c: Context<AppEnv>): Promise<Record<string, string | File>> {
  const body = await c.req.parseBody();
  const out: Record<string, string | File> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string" || v instanceof File) out[k] = v;
  }
  return out;
}

/** A text field of a parsed form, trimmed ("" when absent or a file). */
export function text(form: Record<string, string | File>, name: string): string {
  const v = form[name];
  return typeof v === "string" ? v.trim() : "";
}

export function formOnce(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const t = commonText(c.get("lang") ?? "zh");
    const page = () => pageContext(c);
    let form: Record<string, string | File>;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await c.req.arrayBuffer());
      form = await formOf(c);
    } catch (e) {
      if (!c.get("bodyLimitExceeded")) throw e;
      const mb = Math.floor(c.get("bodyLimit") / (1024 * 1024));
      return c.html(
        <ErrorPage page={page()} problem={localProblem(413, t.tooLarge.replace("{mb}", String(mb)), "QC-R02")} />,
        413,
      );
    }
    const key = text(form, ONCE_FIELD);
    if (!KEY_SHAPE.test(key)) {
      return c.html(<ErrorPage page={page()} problem={localProblem(400, t.formExpired, "KRN-R08")} />, 400);
    }
    const store = c.get("idempotency");
    const scope = `${c.get("principal")?.id ?? "anonymous"} page ${c.req.path}`;
    const begun = await store.begin(scope, key, sha256HexOfBytes(bytes));
    if (begun.kind === "mismatch") {
      return c.html(<ErrorPage page={page()} problem={localProblem(422, t.formReused, "KRN-R08")} />, 422);
    }
    if (begun.kind === "in_progress") {
      return c.html(<ErrorPage page={page()} problem={localProblem(409, t.formBusy, "KRN-R08")} />, 409);
    }
    if (begun.kind === "replay") {
      return new Response(begun.body, {
        status: begun.status,
        headers: { ...begun.headers, "Idempotent-Replayed": "true" },
      });
    }
    try {
      await next();
    } catch (e) {
      await store.abandon(scope, key);
      throw e;
    }
    const res = c.res;
    if (res.status >= 400) {
      await store.abandon(scope, key);
      return;
    }
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (!NOT_STORED.has(k)) headers[k] = v;
    });
    try {
      await store.complete(scope, key, { status: res.status, headers, body: await res.clone().text() });
    } catch (e) {
      c.get("logger").error("quickclaim pages: could not store a form answer", {
        requestId: c.get("requestId"),
        error: e,
      });
    }
  };
}

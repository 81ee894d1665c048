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
 *   first submission           → runs; a success (the redirect to the result) is kept; a refusal
 *                                (4xx: the form again with the message) wrote nothing and frees
 *                                the key, so a corrected retry runs the rules again;
 *   double click, resubmission → the kept answer again (`Idempotent-Replayed: true`);
 *   same key, other content    → 422 page (the form was already used: reload it);
 *   while the first still runs → 409 page.
 * The scope is the principal + "page" + path, so keys never meet the API's.
 */
export const ONCE_FIELD = "_once";
const KEY_SHAPE = /^[\x21-\x7e]{8,255}$/;
const NOT_STORED = new Set(["set-cookie", "x-request-id", "date", "content-length", "connection", "transfer-encoding"]);

export type Form = Readonly<Record<string, string | readonly string[]>>;

/** The parsed urlencoded or multipart form, read once (repeated names become lists; files left out). */
export async function formOf(c: Context<AppEnv>): Promise<Form> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

/** The non-empty files a multipart form sent under `name`. */
export async function filesOf(c: Context<AppEnv>, name: string): Promise<File[]> {
  const body = await c.req.parseBody({ all: true });
  const v = body[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all.filter((x): x is File => x instanceof File && x.size > 0);
}

/** A text field of a form, trimmed ("" when absent; the first when repeated). */
export function text(form: Form, name: string): string {
  const v = form[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === "string" ? s.trim() : "";
}

/** Every value of a repeated field (checkboxes), trimmed, empty ones dropped. */
export function texts(form: Form, name: string): string[] {
  const v = form[name];
  const all = Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
  return all.map((s) => s.trim()).filter((s) => s.length > 0);
}

export function formOnce(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const lang = c.get("lang") ?? "zh";
    const t = commonText(lang);
    const page = () => pageContext(c);
    let bytes: Uint8Array;
    let form: Form;
    try {
      bytes = new Uint8Array(await c.req.arrayBuffer());
      form = await formOf(c);
    } catch (e) {
      if (!c.get("bodyLimitExceeded")) throw e;
      const mb = Math.floor(c.get("bodyLimit") / (1024 * 1024));
      return c.html(
        <ErrorPage page={page()} problem={localProblem(413, t.tooLarge.replace("{mb}", String(mb)), "KRN-R11")} />,
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
      c.get("logger").error("factors pages: could not store a form answer", {
        requestId: c.get("requestId"),
        error: e,
      });
    }
  };
}

import type { Context, MiddlewareHandler } from "hono";
import { sha256HexOfBytes } from "../../../adapters/auth/secrets.ts";
import type { AppEnv } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { ErrorPage } from "./error-page.tsx";
import { localProblem } from "./page-errors.ts";
import { commonText } from "./text-common.ts";

/**
 * KRN-R08 for browser forms. A browser cannot send an Idempotency-Key header, so every
 * state-changing marketplace form carries a single-use key in the hidden field `_once`, made
 * when the form is rendered, and the API's idempotency store keeps the first answer:
 *   first submission           → runs; a success (2xx/3xx, normally a redirect) is kept; a refusal
 *                                (4xx, the form shown again with the message) wrote nothing and
 *                                frees the key, so a corrected resubmission runs the rules again;
 *   double click, resubmission → the kept answer again (`Idempotent-Replayed: true`);
 *   same key, other content    → 422 page (reload the form);
 *   while the first still runs → 409 page.
 * The scope is the principal + "page" + path, so keys never meet the API's.
 */
export const ONCE_FIELD = "_once";
const KEY_SHAPE = /^[\x21-\x7e]{8,255}$/;
const NOT_STORED = new Set(["set-cookie", "x-request-id", "date", "content-length", "connection", "transfer-encoding"]);

export type FormData = Readonly<Record<string, string | readonly string[]>>;

/** The parsed urlencoded form, every field as trimmed text; repeated fields (checkboxes) as lists. */
export async function formOf(c: Context<AppEnv>): Promise<FormData> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") out[k] = v.trim();
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string").map((x) => x.trim());
  }
  return out;
}

/** A text field ("" when absent; the first when repeated). */
export function text(form: FormData, name: string): string {
  const v = form[name];
  if (typeof v === "string") return v;
  return v?.[0] ?? "";
}

/** Every value of a repeated field (checkboxes). */
export function all(form: FormData, name: string): string[] {
  const v = form[name];
  if (v === undefined) return [];
  return typeof v === "string" ? [v] : [...v];
}

export function formOnce(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const t = commonText(c.get("lang") ?? "zh");
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const form = await formOf(c);
    const key = text(form, ONCE_FIELD);
    const page = () => pageContext(c);
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
      c.get("logger").error("marketplace pages: could not store a form answer", {
        requestId: c.get("requestId"),
        error: e,
      });
    }
  };
}

/** The hidden single-use key of a state-changing form. */
export function OnceField(props: { readonly value: string }) {
  return <input type="hidden" name={ONCE_FIELD} value={props.value} />;
}

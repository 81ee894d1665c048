import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import { formOnce as sharedFormOnce } from "../../pages/form-once.tsx";
import { ErrorPage } from "./error-page.tsx";
import { commonText } from "./text-common.ts";

/** The hidden field of a form's single-use key (http/pages/form-once.tsx). */
export { ONCE_FIELD } from "../../pages/form-once.tsx";

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

/** KRN-R08 for this module's browser forms: http/pages/form-once.tsx with its error page and words. */
export function formOnce(): MiddlewareHandler<AppEnv> {
  return sharedFormOnce({ module: "factors", ErrorPage, texts: commonText, tooLargeRule: "KRN-R11" });
}

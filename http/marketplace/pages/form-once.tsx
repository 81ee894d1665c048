import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import { ONCE_FIELD, formOnce as sharedFormOnce } from "../../pages/form-once.tsx";
import { ErrorPage } from "./error-page.tsx";
import { commonText } from "./text-common.ts";

/** The hidden field of a form's single-use key (http/pages/form-once.tsx). */
export { ONCE_FIELD };

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

/** KRN-R08 for this module's browser forms: http/pages/form-once.tsx with its error page and words. */
export function formOnce(): MiddlewareHandler<AppEnv> {
  return sharedFormOnce({ module: "marketplace", ErrorPage, texts: commonText, tooLargeRule: "KRN-R11" });
}

/** The hidden single-use key of a state-changing form. */
export function OnceField(props: { readonly value: string }) {
  return <input type="hidden" name={ONCE_FIELD} value={props.value} />;
}

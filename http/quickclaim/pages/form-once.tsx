import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import { formOnce as sharedFormOnce } from "../../pages/form-once.tsx";
import { ErrorPage } from "./error-page.tsx";
import { commonText } from "./text-common.ts";

/** The hidden field of a form's single-use key (http/pages/form-once.tsx). */
export { ONCE_FIELD } from "../../pages/form-once.tsx";

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

/** KRN-R08 for this module's browser forms: http/pages/form-once.tsx with its error page and words. */
export function formOnce(): MiddlewareHandler<AppEnv> {
  return sharedFormOnce({ module: "quickclaim", ErrorPage, texts: commonText, tooLargeRule: "QC-R02" });
}

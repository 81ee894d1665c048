import type { App } from "../../../../http/env.ts";

/** Page requests through app.request, as a browser would send them. */
const ORIGIN = "http://localhost";

/** GET a page as `token`'s holder (Bearer session token or API key). */
export function getPage(app: App, path: string, token?: string, lang?: "zh" | "en"): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (lang) headers.Cookie = `lang=${lang}`;
  return Promise.resolve(app.request(path, { headers }));
}

/** POST a urlencoded form from our own origin; repeated fields (checkboxes) as arrays. */
export function postForm(
  app: App,
  path: string,
  token: string | undefined,
  fields: Readonly<Record<string, string | readonly string[]>>,
): Promise<Response> {
  const headers: Record<string, string> = { Origin: ORIGIN };
  if (token) headers.Authorization = `Bearer ${token}`;
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "string") body.append(k, v);
    else for (const x of v) body.append(k, x);
  }
  return Promise.resolve(app.request(path, { method: "POST", headers, body }));
}

/** The single-use key of the (first) form in `html` that posts to `action`. */
export function onceFor(html: string, action: string): string {
  const at = html.indexOf(`action="${action}"`);
  if (at < 0) throw new Error(`no form posts to ${action}`);
  const form = html.slice(at, html.indexOf("</form>", at));
  const m = /name="_once" value="([^"]+)"/.exec(form);
  if (!m) throw new Error(`the form posting to ${action} has no _once field`);
  return m[1] as string;
}

/** Text content of the elements with `data-testid="…"` (rough, for assertions on rendered HTML). */
export function testIds(html: string, id: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`data-testid="${id}"[^>]*>([\\s\\S]*?)</`, "g");
  for (const m of html.matchAll(re)) out.push((m[1] ?? "").replace(/<[^>]+>/g, "").trim());
  return out;
}

import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env.ts";

/**
 * A tiny i18n helper. Pages are Chinese first (zh-CN) with an English switch: `?lang=en` (or
 * `?lang=zh`) changes the language and remembers it in the `lang` cookie.
 *
 * Each module keeps its own namespace of messages next to its pages:
 *   export const quickclaimText = defineMessages({ zh: { title: "快处快赔" }, en: { title: "Quick claims" } });
 *   const t = quickclaimText(c.get("lang")); t.title
 * Both languages must have the same keys (the type checker enforces it).
 */
export type Lang = "zh" | "en";
export const LANG_COOKIE = "lang";

export function isLang(v: unknown): v is Lang {
  return v === "zh" || v === "en";
}

export function defineMessages<K extends string>(messages: {
  readonly zh: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}): (lang: Lang) => Readonly<Record<K, string>> {
  return (lang) => messages[lang];
}

/** Replaces `{name}` placeholders: format("{n} 个地区", { n: 2 }). */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** The HTML `lang` attribute of a page language. */
export function htmlLang(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en";
}

/** Sets `c.var.lang` from `?lang=` (remembered for a year) or the cookie; default zh. */
export function language(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const asked = c.req.query("lang");
    if (isLang(asked)) {
      setCookie(c, LANG_COOKIE, asked, { path: "/", sameSite: "Lax", maxAge: 365 * 24 * 3600 });
      c.set("lang", asked);
    } else {
      const remembered = getCookie(c, LANG_COOKIE);
      c.set("lang", isLang(remembered) ? remembered : "zh");
    }
    await next();
  };
}

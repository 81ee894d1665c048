import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../env.ts";
import { format, htmlLang, type Lang } from "./i18n.ts";
import { type ShellText, shellText } from "./shell-messages.ts";

/** What every page needs to render the shell; built once per request by `pageContext(c)`. */
export interface PageContext {
  readonly lang: Lang;
  readonly t: ShellText;
  /** The header's sign-in state: a masked mobile or a staff label, or undefined. */
  readonly who: string | undefined;
  /** This page in the other language. */
  readonly switchHref: string;
  /** A citizen is signed in (the header links to 实名认证). */
  readonly citizen: boolean;
}

export function pageContext(c: Context<AppEnv>): PageContext {
  const lang = c.get("lang") ?? "zh";
  const url = new URL(c.req.url);
  url.searchParams.set("lang", lang === "zh" ? "en" : "zh");
  const principal = c.get("principal");
  const who = principal ? (c.get("session")?.label ?? principal.id) : undefined;
  const citizen = principal?.roles.includes("citizen") === true;
  return { lang, t: shellText(lang), who, switchHref: `${url.pathname}${url.search}`, citizen };
}

export function Layout(props: { readonly page: PageContext; readonly title?: string; readonly children?: Child }) {
  const { page } = props;
  const { t } = page;
  const title = props.title ? `${props.title} · ${t.siteName}` : t.siteName;
  return (
    <html lang={htmlLang(page.lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">
            {t.siteName}
          </a>
          <nav class="nav">
            <a href="/">{t.home}</a>
            <a href="/docs">{t.apiDocs}</a>
            <a href={page.switchHref} hreflang={page.lang === "zh" ? "en" : "zh-CN"} data-testid="lang-switch">
              {t.switchLanguage}
            </a>
            {page.who ? (
              <>
                {page.citizen ? (
                  <a href="/identity" data-testid="identity-link">
                    {t.identityLink}
                  </a>
                ) : null}
                <span class="who" data-testid="signed-in">
                  {format(t.signedInAs, { who: page.who })}
                </span>
                <form method="post" action="/sign-out">
                  <button type="submit">{t.signOut}</button>
                </form>
              </>
            ) : (
              <a href="/sign-in" data-testid="sign-in-link">
                {t.signIn}
              </a>
            )}
          </nav>
        </header>
        <main>{props.children}</main>
        <footer>{t.footer}</footer>
      </body>
    </html>
  );
}

import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { App, AppEnv } from "../env.ts";
import { type StaticAsset, scalarBundle, scalarVersion, staticAsset } from "./scalar-bundle.ts";

/**
 * /docs: the browsable API reference (Scalar) over /openapi.json, self-contained. The page, the
 * Scalar bundle (/docs/assets/scalar.js) and its start-up script (/docs/assets/docs.js) all come
 * from this server, so the reference works with no internet; the configuration turns off what
 * would call out (web fonts, telemetry, the hosted API client and AI agent). No inline script:
 * the configuration travels as a JSON data block, so the page's CSP is `script-src 'self'`.
 * Assets carry a version in their URL and are cached for a year (immutable), with an ETag.
 */
export interface DocsOptions {
  readonly title: string;
  /** Default "/openapi.json". */
  readonly specUrl?: string;
}

export const SCALAR_PATH = "/docs/assets/scalar.js";
export const DOCS_SCRIPT_PATH = "/docs/assets/docs.js";

const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Scalar's components set styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

const IMMUTABLE = "public, max-age=31536000, immutable";
const JS = "text/javascript; charset=utf-8";
const REFUSED = /;\s*q=0(?:\.0*)?\s*$/;

const DOCS_SCRIPT = `(function () {
  var config = JSON.parse(document.getElementById("api-reference-config").textContent);
  Scalar.createApiReference("#app", config);
})();
`;
const docsScriptVersion = createHash("sha256").update(DOCS_SCRIPT).digest("hex").slice(0, 12);
let docsScript: Promise<StaticAsset> | undefined;

/** JSON that is safe inside <script>: no `<`, `>` or `&` can close the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function docsPage(options: DocsOptions): string {
  const specUrl = options.specUrl ?? "/openapi.json";
  const config = {
    url: specUrl,
    withDefaultFonts: false,
    telemetry: false,
    hideClientButton: true,
    showDeveloperTools: "never",
    agent: { disabled: true },
    defaultOpenFirstTag: true,
  };
  const title = escapeHtml(`${options.title} — API`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
</head>
<body>
<noscript><p>${title}: the reference needs JavaScript. The API description itself is at <a href="${escapeHtml(specUrl)}">${escapeHtml(specUrl)}</a>.</p></noscript>
<div id="app"></div>
<script id="api-reference-config" type="application/json">${scriptJson(config)}</script>
<script src="${SCALAR_PATH}?v=${encodeURIComponent(scalarVersion())}"></script>
<script src="${DOCS_SCRIPT_PATH}?v=${docsScriptVersion}"></script>
</body>
</html>
`;
}

/** Does an Accept-Encoding header take gzip (listed, or `*`, and not with q=0)? */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(",")) {
    const coding = (part.split(";")[0] ?? "").trim().toLowerCase();
    if ((coding === "gzip" || coding === "*") && !REFUSED.test(part)) return true;
  }
  return false;
}

/** Answers with a static asset: 304 on a matching If-None-Match, gzip when the client takes it. */
function serveAsset(c: Context<AppEnv>, asset: StaticAsset, contentType: string): Response {
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "Cache-Control": IMMUTABLE,
    ETag: asset.etag,
    Vary: "Accept-Encoding",
  };
  const ifNoneMatch = c.req.header("If-None-Match");
  if (ifNoneMatch?.split(",").some((t) => t.trim().replace(/^W\//, "") === asset.etag)) {
    return c.body(null, 304, headers);
  }
  const gzipped = acceptsGzip(c.req.header("Accept-Encoding"));
  if (gzipped) headers["Content-Encoding"] = "gzip";
  return c.body(gzipped ? asset.gzip : asset.body, 200, headers);
}

export function registerDocsRoutes(app: App, options: DocsOptions): void {
  const html = docsPage(options);
  app.get("/docs", (c) => c.html(html, 200, { "Content-Security-Policy": DOCS_CSP, "Cache-Control": "no-cache" }));
  app.get(SCALAR_PATH, async (c) => serveAsset(c, await scalarBundle(), JS));
  app.get(DOCS_SCRIPT_PATH, async (c) => {
    docsScript ??= staticAsset(new TextEncoder().encode(DOCS_SCRIPT));
    return serveAsset(c, await docsScript, JS);
  });
}

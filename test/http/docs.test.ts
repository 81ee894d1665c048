import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsGzip, DOCS_SCRIPT_PATH, SCALAR_PATH } from "../../http/system/docs-routes.ts";
import { createTestApp, type TestApp } from "./support/test-app.ts";

/** Every src/href attribute value of a page. */
function linkedUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1] as string);
}

describe("/docs works with no internet: the API reference and its assets come from this server", () => {
  let t: TestApp;
  let html: string;
  let csp: string;
  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.app.request("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    html = await res.text();
    csp = res.headers.get("content-security-policy") ?? "";
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the page names no other host: every script and link is a path on this server or inline data", () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    const urls = linkedUrls(html);
    expect(urls.length).toBeGreaterThan(1);
    // Paths on this server, or inline data (the empty favicon that spares a request).
    for (const url of urls)
      expect((url.startsWith("/") && !url.startsWith("//")) || url.startsWith("data:")).toBe(true);
  });

  it("loads Scalar from /docs/assets/scalar.js and starts it without inline script", () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] as string);
    const withSrc = scripts.filter((a) => /\bsrc="/.test(a));
    const inline = scripts.filter((a) => !/\bsrc="/.test(a));
    expect(withSrc.map((a) => /src="([^"?]*)/.exec(a)?.[1])).toEqual([SCALAR_PATH, DOCS_SCRIPT_PATH]);
    // The only element without src is the JSON configuration, which a browser does not run.
    expect(inline).toEqual([' id="api-reference-config" type="application/json"']);
  });

  it("configures the reference over /openapi.json with fonts, telemetry and the hosted client off", () => {
    const json = /<script id="api-reference-config" type="application\/json">([^<]*)<\/script>/.exec(html)?.[1];
    const config = JSON.parse(json ?? "null") as Record<string, unknown>;
    expect(config).toMatchObject({
      url: "/openapi.json",
      withDefaultFonts: false,
      telemetry: false,
      hideClientButton: true,
      agent: { disabled: true },
    });
  });

  it("its Content-Security-Policy allows scripts and connections to this server only", () => {
    const directives = new Map(
      csp.split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(csp).not.toMatch(/https?:/);
  });

  it.each([[SCALAR_PATH], [DOCS_SCRIPT_PATH]])(
    "%s is JavaScript, cached for a year as immutable, with a strong ETag",
    async (path) => {
      const src = linkedUrls(html).find((u) => u.startsWith(path));
      expect(src).toMatch(/\?v=[\w.-]+$/);
      const res = await t.app.request(src as string);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("etag")).toMatch(/^"[\w-]{20,}"$/);
      expect(res.headers.get("content-encoding")).toBeNull();
      expect((await res.text()).length).toBeGreaterThan(100);
    },
  );

  it("the Scalar bundle is the standalone browser build that defines createApiReference", async () => {
    const body = await (await t.app.request(SCALAR_PATH)).text();
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(body).toContain("createApiReference");
  });

  it("sends the bundle gzipped to clients that take gzip, and 304 for a cached copy", async () => {
    const plain = new Uint8Array(await (await t.app.request(SCALAR_PATH)).arrayBuffer());
    const zipped = await t.app.request(SCALAR_PATH, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toBe("Accept-Encoding");
    const packed = new Uint8Array(await zipped.arrayBuffer());
    expect(packed.byteLength).toBeLessThan(plain.byteLength / 2);
    expect(Buffer.from(gunzipSync(packed)).equals(Buffer.from(plain))).toBe(true);

    const etag = zipped.headers.get("etag") as string;
    const again = await t.app.request(SCALAR_PATH, { headers: { "If-None-Match": `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const changed = await t.app.request(SCALAR_PATH, { headers: { "If-None-Match": '"something-else"' } });
    expect(changed.status).toBe(200);
  });

  it("asset requests carry the security headers and the request id like every other response", async () => {
    const res = await t.app.request(DOCS_SCRIPT_PATH);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("an unknown asset is a 404 problem", async () => {
    const res = await t.app.request("/docs/assets/nope.js");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it.each([
    ["gzip", true],
    ["gzip, deflate, br", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["*", true],
    ["GZIP", true],
    ["gzip;q=0", false],
    ["gzip; q=0.000", false],
    ["br, deflate", false],
    ["", false],
    [undefined, false],
  ])("Accept-Encoding %s takes gzip: %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

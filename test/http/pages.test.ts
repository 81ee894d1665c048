import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.ts";

describe("pages shell 页面框架 (zh-CN first, English switch)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      modules: [{ id: "quickclaim", title: { zh: "快处快赔", en: "Quick claims" }, registerApi() {} }],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the home page is Chinese, lists every configured region with its code and links each enabled module", async () => {
    const res = await t.app.request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("宁德市");
    expect(html).toContain("龙岩市");
    expect(html).toContain("350900");
    expect(html).toContain('href="/quickclaim?region=350900"');
    expect(html).toContain("快处快赔");
    expect(html).toContain('href="/factors?region=350900"');
    expect(html).toContain("农村生产要素流转融资");
    expect(html).toContain('href="/marketplace?region=350800"');
    expect(html).not.toContain('href="/marketplace?region=350900"');
    expect(html).toContain('name="viewport"');
  });

  it("?lang=en switches to English and remembers it in a cookie; ?lang=zh switches back", async () => {
    const en = await t.app.request("/?lang=en");
    const html = await en.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Ningde");
    expect(html).toContain("Quick claims");
    expect(html).toContain('href="/?lang=zh"');
    const cookie = en.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^lang=en/);
    const later = await (await t.app.request("/sign-in", { headers: { Cookie: "lang=en" } })).text();
    expect(later).toContain("Mobile number");
    const back = await (await t.app.request("/?lang=zh", { headers: { Cookie: "lang=en" } })).text();
    expect(back).toContain('<html lang="zh-CN">');
  });

  it("the sign-in page offers the citizen code form and the staff key form", async () => {
    const html = await (await t.app.request("/sign-in")).text();
    expect(html).toContain('action="/sign-in/citizen"');
    expect(html).toContain('action="/sign-in/staff"');
    expect(html).toContain('name="mobile"');
    expect(html).toContain('name="apiKey"');
    expect(html).toContain('<option value="350800"');
  });

  it("serves the stylesheet", async () => {
    const res = await t.app.request("/assets/app.css");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/css/);
    expect(await res.text()).toContain("@media");
  });

  it("one JSON log line per request with request id, method, path, status and duration", async () => {
    const res = await t.app.request("/?lang=en", { headers: { "X-Request-Id": "page-log-1" } });
    expect(res.headers.get("x-request-id")).toBe("page-log-1");
    const line = t.logs().find((l) => l.requestId === "page-log-1");
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/", status: 200 });
    expect(typeof line?.ms).toBe("number");
    expect(typeof line?.time).toBe("string");
  });

  it.each([["has spaces in it"], ["x".repeat(129)], ["<script>"]])(
    "an unsafe incoming request id (%s) is replaced",
    async (id) => {
      const res = await t.app.request("/health", { headers: { "X-Request-Id": id } });
      const echoed = res.headers.get("x-request-id");
      expect(echoed).not.toBe(id);
      expect(echoed).toMatch(/^req_[0-9A-Z]{26}$/);
    },
  );

  it("logs mask a mobile or ID number even when it is in the path", async () => {
    await t.app.request("/lookup/13800138000/350981196803121039", { headers: { "X-Request-Id": "c2-path" } });
    const line = t.logLines.find((l) => l.includes('"c2-path"')) ?? "";
    expect(line).toContain("138****8000");
    expect(line).not.toContain("13800138000");
    expect(line).not.toContain("350981196803121039");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKeyStore } from "../../adapters/auth/api-key-store.ts";
import { verifyAuditChain } from "../../adapters/platform/verify-audit-chain.ts";
import { createTestApp, jsonRequest, type TestApp } from "./support/test-app.ts";
import { newControl, testModule } from "./support/test-module.ts";
import { lastCode } from "./support/test-platform.ts";

describe("KRN-R06 机构 API 密钥 institution API keys and staff sign-in", () => {
  let t: TestApp;
  let store: ReturnType<typeof createApiKeyStore>;
  beforeAll(async () => {
    t = await createTestApp({ modules: [testModule(newControl())] });
    store = createApiKeyStore(t.database.db, t.clock, t.platform.ids);
  });
  afterAll(async () => {
    await t?.close();
  });

  const bearer = (key: string) => ({ headers: { Authorization: `Bearer ${key}` } });
  const form = (fields: Record<string, string>, origin = "http://localhost") => ({
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
  });

  it("a key is shown once and stored only as a hash with a short prefix", async () => {
    const { key, record } = await store.create({
      institutionId: "ccb-longyan",
      roles: ["institution_staff"],
      regionCodes: ["350800"],
    });
    expect(key).toMatch(/^fif_[A-Za-z0-9_-]{43}$/);
    expect(record.prefix).toBe(key.slice(0, 12));
    const row = await t.database.db
      .selectFrom("platform.api_keys")
      .selectAll()
      .where("id", "=", record.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(key);
    expect(row.roles).toEqual(["institution_staff"]);
    expect(row.region_codes).toEqual(["350800"]);
  });

  it("a valid key acts as its institution with its roles and regions", async () => {
    const { key, record } = await store.create({
      institutionId: "ccb-longyan",
      roles: ["institution_staff"],
      regionCodes: ["350800"],
      label: "建行龙岩",
    });
    const res = await t.app.request("/auth/me", bearer(key));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      via: "api-key",
      principal: {
        id: `inst:ccb-longyan/${record.id}`,
        roles: ["institution_staff"],
        institutionId: "ccb-longyan",
        regionCodes: ["350800"],
      },
    });
    const region = await t.app.request("/testing/regions/350800", bearer(key));
    expect(region.status).toBe(200);
    expect(await region.json()).toEqual({ code: "350800", name: "Longyan" });
  });

  it("another region looks exactly like a region that does not exist (404, not 403)", async () => {
    const { key } = await store.create({
      institutionId: "ccb-longyan",
      roles: ["institution_staff"],
      regionCodes: ["350800"],
    });
    const other = await t.app.request("/testing/regions/350900", bearer(key));
    const missing = await t.app.request("/testing/regions/350100", bearer(key));
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (b: Record<string, unknown>) => ({
      ...b,
      instance: undefined,
      requestId: undefined,
      detail: undefined,
    });
    expect(strip((await other.json()) as Record<string, unknown>)).toEqual(
      strip((await missing.json()) as Record<string, unknown>),
    );
  });

  it("a regulator of a prefecture reaches its region; a role the route does not allow is a 403", async () => {
    const { key } = await store.create({ roles: ["regulator"], regionCodes: ["350800"] });
    expect((await t.app.request("/testing/regions/350800", bearer(key))).status).toBe(200);
    const { key: police } = await store.create({ roles: ["police"], regionCodes: ["350800"] });
    const res = await t.app.request("/testing/regions/350800", bearer(police));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ type: "/problems/forbidden", ruleId: "KRN-R06" });
  });

  it("a revoked, unknown or malformed credential is a 401 on protected routes, while public routes still answer", async () => {
    const { key, record } = await store.create({
      institutionId: "cib-longyan",
      roles: ["institution_staff"],
      regionCodes: ["350800"],
    });
    expect((await t.app.request("/auth/me", bearer(key))).status).toBe(200);
    expect(await store.revoke(record.id, "test")).toBe(true);
    expect(await store.revoke(record.id, "test")).toBe(false);
    const revoked = await t.app.request("/auth/me", bearer(key));
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { detail: string }).detail).toContain("revoked");
    expect((await t.app.request("/auth/me", bearer(`fif_${"A".repeat(43)}`))).status).toBe(401);
    expect((await t.app.request("/auth/me", { headers: { Authorization: "Basic dXNlcjpwdw==" } })).status).toBe(401);
    const anonymous = await t.app.request("/auth/me");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await t.app.request("/health", bearer(key))).status).toBe(200);
  });

  it.each([
    [{ roles: [], regionCodes: ["350800"] }, "roles"],
    [{ roles: ["wizard"], regionCodes: ["350800"] }, "roles"],
    [{ roles: ["citizen"], regionCodes: ["350800"] }, "roles"],
    [{ roles: ["regulator"], regionCodes: ["3508"] }, "regionCodes"],
    [{ roles: ["institution_staff"], regionCodes: ["350800"] }, "institutionId"],
  ])("refuses to create a key %j (field %s)", async (input, field) => {
    await expect(store.create(input)).rejects.toMatchObject({ field, ruleId: "KRN-R06" });
  });

  it("staff sign in on the page by pasting a key; the session dies with the key", async () => {
    const { key, record } = await store.create({
      roles: ["regulator"],
      regionCodes: ["350900"],
      label: "宁德金融监管局",
    });
    const res = await t.app.request("http://localhost/sign-in/staff", form({ apiKey: key }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    const token = /fif_session=(fis_[^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
    expect(token).toBeDefined();
    const cookie = { headers: { Cookie: `fif_session=${token}` } };
    const me = await t.app.request("/auth/me", cookie);
    expect(await me.json()).toMatchObject({
      via: "session",
      principal: { id: `staff:${record.id}`, roles: ["regulator"] },
    });
    const home = await (await t.app.request("/", cookie)).text();
    expect(home).toContain("宁德金融监管局");

    await store.revoke(record.id, "test");
    expect((await t.app.request("/auth/me", cookie)).status).toBe(401);
  });

  it("a wrong key on the sign-in page shows the form again with an error (401)", async () => {
    const res = await t.app.request("http://localhost/sign-in/staff", form({ apiKey: "fif_wrong" }));
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("API 密钥无效或已被撤销");
  });

  it("a form posted from another site is refused (CSRF) as a 403 problem", async () => {
    const res = await t.app.request(
      "http://localhost/sign-in/staff",
      form({ apiKey: "fif_x" }, "https://evil.example"),
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("citizens sign in on the page with the code from the notifier and sign out again", async () => {
    const mobile = "13705931234";
    const asked = await t.app.request("http://localhost/sign-in/citizen", form({ mobile, region: "350800" }));
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("137****1234");
    const code = lastCode(t.notifiers.values(), mobile);
    const wrong = await t.app.request(
      "http://localhost/sign-in/citizen/verify",
      form({ mobile, code: code === "000000" ? "000001" : "000000" }),
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("还可尝试 4 次");
    const ok = await t.app.request("http://localhost/sign-in/citizen/verify", form({ mobile, code }));
    expect(ok.status).toBe(303);
    const token = /fif_session=(fis_[^;]+)/.exec(ok.headers.get("set-cookie") ?? "")?.[1];
    const home = await (await t.app.request("/", { headers: { Cookie: `fif_session=${token}` } })).text();
    expect(home).toContain("已登录：137****1234");
    const out = await t.app.request("http://localhost/sign-out", {
      ...form({}),
      headers: { ...form({}).headers, Cookie: `fif_session=${token}` },
    });
    expect(out.status).toBe(303);
    expect((await t.app.request("/auth/me", { headers: { Cookie: `fif_session=${token}` } })).status).toBe(401);
  });

  it("every key creation, sign-in and revocation is audited in the key's home region", async () => {
    const rows = await t.database.db.selectFrom("platform.audit_log").select(["action", "region_code"]).execute();
    const actions = new Set(rows.map((r) => `${r.action}@${r.region_code}`));
    expect(actions.has("auth.api_key.create@350800")).toBe(true);
    expect(actions.has("auth.api_key.revoke@350800")).toBe(true);
    expect(actions.has("auth.sign_in@350900")).toBe(true);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    expect(t.logLines.join("\n")).not.toMatch(/fif_[A-Za-z0-9_-]{43}/);
  });

  it("the OTP JSON route and the page share one rate limit per mobile", async () => {
    const mobile = "13705939999";
    expect((await t.app.request("/auth/otp", jsonRequest("POST", { mobile }))).status).toBe(202);
    const page = await t.app.request("http://localhost/sign-in/citizen", form({ mobile }));
    expect(page.status).toBe(429);
  });
});

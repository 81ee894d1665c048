import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../adapters/platform/verify-audit-chain.ts";
import { createTestApp, jsonRequest, type TestApp } from "./support/test-app.ts";
import { lastCode } from "./support/test-platform.ts";

/** A fresh mobile number per test, so rate limits of one test do not touch another. */
let n = 0;
function nextMobile(): string {
  n += 1;
  return `1390593${String(1000 + n).padStart(4, "0")}`;
}

describe("KRN-R06 市民验证码登录 citizen sign-in with a one-time code (C3 per KRN-R04)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const ask = (mobile: string, region?: string) =>
    t.app.request("/auth/otp", jsonRequest("POST", region ? { mobile, region } : { mobile }));
  const verify = (mobile: string, code: string) =>
    t.app.request("/auth/otp/verify", jsonRequest("POST", { mobile, code }));
  const codeFor = (mobile: string) => lastCode(t.notifiers.values(), mobile);
  const otpRows = (mobile: string) =>
    t.database.db
      .selectFrom("platform.citizen_otp")
      .selectAll()
      .where("mobile_ref", "=", t.blindIndexer.index("mobile", mobile))
      .execute();

  it("sends a 6-digit code through the region's notifier and stores only a keyed hash of it", async () => {
    const mobile = nextMobile();
    const res = await ask(mobile);
    expect(res.status).toBe(202);
    const { expiresAt } = (await res.json()) as { expiresAt: string };
    expect(new Date(expiresAt).getTime() - t.clock.now().getTime()).toBe(5 * 60 * 1000);
    const code = codeFor(mobile);
    expect(code).toMatch(/^\d{6}$/);
    expect(t.notifiers.get("350900")?.sent.at(-1)?.purpose).toBe("sign-in");
    const rows = await otpRows(mobile);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(mobile);
    expect(rows[0]?.code_hash).not.toContain(code);
    expect(rows[0]?.code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("exchanges the right code for a session (JSON token and HttpOnly SameSite=Lax cookie), once only", async () => {
    const mobile = nextMobile();
    await ask(mobile);
    const code = codeFor(mobile);
    const res = await verify(mobile, code);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      token: string;
      principal: { id: string; roles: string[]; regionCodes: string[] };
    };
    expect(body.token).toMatch(/^fis_/);
    const ref = t.blindIndexer.index("mobile", mobile);
    expect(body.principal).toEqual({ id: `citizen:${ref}`, roles: ["citizen"], regionCodes: ["350900", "350800"] });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`fif_session=${body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await otpRows(mobile)).toHaveLength(0);

    const again = await verify(mobile, code);
    expect(again.status).toBe(401);

    const viaBearer = await t.app.request("/auth/me", { headers: { Authorization: `Bearer ${body.token}` } });
    expect(viaBearer.status).toBe(200);
    expect(await viaBearer.json()).toMatchObject({
      via: "session",
      principal: { id: `citizen:${ref}`, roles: ["citizen"] },
    });
    const viaCookie = await t.app.request("/auth/me", { headers: { Cookie: `fif_session=${body.token}` } });
    expect(viaCookie.status).toBe(200);
  });

  it("allows 5 wrong guesses, counting down, then destroys the code", async () => {
    const mobile = nextMobile();
    await ask(mobile);
    const code = codeFor(mobile);
    const wrong = code === "000000" ? "111111" : "000000";
    for (const left of [4, 3, 2, 1, 0]) {
      const res = await verify(mobile, wrong);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ field: "code", attemptsLeft: left, ruleId: "KRN-R06" });
    }
    expect(await otpRows(mobile)).toHaveLength(0);
    expect((await verify(mobile, code)).status).toBe(401);
  });

  it("refuses a code after its 5 minutes", async () => {
    const mobile = nextMobile();
    await ask(mobile);
    const code = codeFor(mobile);
    t.clock.advance(5 * 60 * 1000 + 1);
    const res = await verify(mobile, code);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toContain("expired");
    expect(await otpRows(mobile)).toHaveLength(0);
  });

  it("no expired code is kept: the next request by anyone, or the housekeeping purge, deletes it", async () => {
    const first = nextMobile();
    const second = nextMobile();
    await ask(first);
    await ask(second);
    t.clock.advance(5 * 60 * 1000 + 1);
    await ask(nextMobile());
    expect(await otpRows(first)).toHaveLength(0);
    expect(await otpRows(second)).toHaveLength(0);
    const third = nextMobile();
    await ask(third);
    t.clock.advance(5 * 60 * 1000 + 1);
    expect((await t.auth.purgeExpired()).codes).toBeGreaterThanOrEqual(1);
    expect(await otpRows(third)).toHaveLength(0);
  });

  it("rate-limits codes per mobile: one a minute, five an hour (429 with Retry-After)", async () => {
    const mobile = nextMobile();
    expect((await ask(mobile)).status).toBe(202);
    const soon = await ask(mobile);
    expect(soon.status).toBe(429);
    expect(soon.headers.get("retry-after")).toBe("60");
    expect(await soon.json()).toMatchObject({ type: "/problems/too-many-requests", field: "mobile" });
    for (let i = 2; i <= 5; i++) {
      t.clock.advance(61 * 1000);
      expect((await ask(mobile)).status).toBe(202);
    }
    t.clock.advance(61 * 1000);
    const sixth = await ask(mobile);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(60);
    t.clock.advance(3600 * 1000);
    expect((await ask(mobile)).status).toBe(202);
  });

  it("uses the chosen region's notifier, and refuses a region that is not configured", async () => {
    const mobile = nextMobile();
    expect((await ask(mobile, "350800")).status).toBe(202);
    expect(t.notifiers.get("350800")?.sent.at(-1)?.mobile).toBe(mobile);
    const res = await ask(nextMobile(), "350100");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ field: "region" });
  });

  it("answers 503 and keeps no code when the notifier fails", async () => {
    const mobile = nextMobile();
    const notifier = t.notifiers.get("350900");
    if (!notifier) throw new Error("no notifier");
    notifier.failing = true;
    try {
      const res = await ask(mobile);
      expect(res.status).toBe(503);
      expect(await otpRows(mobile)).toHaveLength(0);
    } finally {
      notifier.failing = false;
    }
  });

  it("refuses a malformed mobile or an unknown field before anything is sent", async () => {
    const before = t.notifiers.get("350900")?.sent.length;
    const bad = await ask("12345");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "mobile" });
    const extra = await t.app.request("/auth/otp", jsonRequest("POST", { mobile: nextMobile(), name: "x" }));
    expect(extra.status).toBe(400);
    expect(t.notifiers.get("350900")?.sent.length).toBe(before);
  });

  it("logout ends the session", async () => {
    const mobile = nextMobile();
    await ask(mobile);
    const { token } = (await (await verify(mobile, codeFor(mobile))).json()) as { token: string };
    const out = await t.app.request("/auth/logout", { method: "POST", headers: { Authorization: `Bearer ${token}` } });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/fif_session=;/);
    const me = await t.app.request("/auth/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
    expect(me.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("audits every issue, check and sign-out in an unbroken chain, and logs neither mobiles nor codes", async () => {
    const actions = await t.database.db
      .selectFrom("platform.audit_log")
      .select(["action", "outcome"])
      .where("action", "like", "auth.%")
      .execute();
    const seen = new Set(actions.map((a) => `${a.action}:${a.outcome}`));
    for (const a of ["auth.otp.issue:ok", "auth.otp.verify:ok", "auth.otp.verify:denied", "auth.sign_out:ok"]) {
      expect(seen.has(a)).toBe(true);
    }
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    const all = t.logLines.join("\n");
    for (let i = 1; i <= n; i++) expect(all).not.toContain(`1390593${String(1000 + i).padStart(4, "0")}`);
    const codes = [...t.notifiers.values()].flatMap((x) => x.sent).map((m) => /(\d{6})/.exec(m.text)?.[1] ?? "");
    for (const code of codes) expect(all).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`));
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthService, createAuthService } from "../../adapters/auth/auth-service.ts";
import { DEFAULT_AUTH_SETTINGS } from "../../adapters/auth/auth-settings.ts";
import { EnvelopeFieldCipher } from "../../adapters/crypto/envelope-field-cipher.ts";
import { loadKeyring } from "../../adapters/crypto/keyring.ts";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { verifyAuditChain } from "../../adapters/platform/verify-audit-chain.ts";
import type { IdentityCheck, IdentityVerifier } from "../../core/kernel/mod.ts";
import { createApp } from "../../http/app.ts";
import { notifierResolver } from "../../http/auth/auth-wiring.ts";
import type { App } from "../../http/env.ts";
import { SimulatedIdentityVerifier } from "../../plugins/identity-verifier-sim/simulated-identity-verifier.ts";
import { createTestApp, jsonRequest, type TestApp } from "./support/test-app.ts";
import { lastCode } from "./support/test-platform.ts";

const ZHANG = { name: "张师傅", residentId: "350802198801153019", mobile: "13859012345" };
const SHOP = { uscc: "92350802MA31XK5R2X", enterpriseName: "新罗区张师傅便利店" };

/** The simulator, with a switch to make it stop answering. */
class SwitchableVerifier implements IdentityVerifier {
  down = false;
  readonly inner = new SimulatedIdentityVerifier({
    people: [ZHANG],
    enterprises: [{ uscc: SHOP.uscc, name: SHOP.enterpriseName, agents: [ZHANG.residentId] }],
    unlisted: "mismatch",
  });
  verifyPerson(q: { name: string; residentId: string; mobile: string }): Promise<IdentityCheck> {
    if (this.down) return Promise.reject(new Error("connect ECONNREFUSED"));
    return this.inner.verifyPerson(q);
  }
  verifyEnterpriseAgent(q: {
    uscc: string;
    enterpriseName: string;
    agentName: string;
    agentResidentId: string;
  }): Promise<IdentityCheck> {
    if (this.down) return Promise.reject(new Error("connect ECONNREFUSED"));
    return this.inner.verifyEnterpriseAgent(q);
  }
}

describe("KRN-R06 实名认证 a citizen account proves the IDs it may speak for", () => {
  let t: TestApp;
  const verifier = new SwitchableVerifier();
  let key = 0;
  const idem = () => ({ "Idempotency-Key": `idv-${++key}` });

  let app: App;
  let auth: AuthService;
  beforeAll(async () => {
    t = await createTestApp();
    const cipher = new EnvelopeFieldCipher(loadKeyring({}));
    // The app under test, with the simulator as the region's verifier and a real field cipher.
    auth = createAuthService({
      db: t.platform.database.db,
      clock: t.clock,
      ids: t.platform.ids,
      blindIndexer: t.blindIndexer,
      notifierFor: notifierResolver(t.platform),
      cipher,
      identityVerifierFor: () => verifier,
      citizenRegions: () => [...t.platform.regions.keys()],
      settings: DEFAULT_AUTH_SETTINGS,
    });
    app = createApp(t.platform, { env: {}, modules: [], auth, logger: createJsonLogger({ write: () => {} }) });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function signIn(mobile: string): Promise<string> {
    t.clock.advance(2 * 60_000); // past the resend interval of the one-time codes
    await app.request("/auth/otp", jsonRequest("POST", { mobile, region: "350800" }));
    const res = await app.request(
      "/auth/otp/verify",
      jsonRequest("POST", { mobile, code: lastCode(t.notifiers.values(), mobile) }),
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  }
  const as = (token: string, headers: Record<string, string> = {}) => ({
    Authorization: `Bearer ${token}`,
    ...headers,
  });
  const post = (token: string, body: unknown, headers: Record<string, string> = idem()) =>
    app.request("/auth/identities", jsonRequest("POST", body, as(token, headers)));
  const principalOf = async (token: string) => {
    const session = await auth.sessions.resolve(token);
    return session?.principal;
  };

  it("a matching name, resident ID and own mobile link the ID to the account and its live session at once", async () => {
    const token = await signIn(ZHANG.mobile);
    expect((await principalOf(token))?.identities).toBeUndefined();
    const res = await post(token, { kind: "person", ...ZHANG });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { idKind: string; idMasked: string; name: string; reference: string };
    expect(body).toMatchObject({ idKind: "resident-id", name: "张师傅" });
    expect(body.idMasked).not.toContain("198801153");
    expect(body.reference).toMatch(/^SIM-P-/);
    const index = t.blindIndexer.index("resident-id", ZHANG.residentId);
    expect((await principalOf(token))?.identities).toEqual([index]);

    const stored = await t.database.db.selectFrom("platform.citizen_identities").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(ZHANG.residentId); // sealed, C2

    const listed = await app.request("/auth/identities", { headers: as(token) });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it("a new sign-in of the same mobile carries the proved identities", async () => {
    const token = await signIn(ZHANG.mobile);
    expect((await principalOf(token))?.identities).toEqual([t.blindIndexer.index("resident-id", ZHANG.residentId)]);
  });

  it("an enterprise is proved by its verified representative, and then both IDs are on the session", async () => {
    const token = await signIn(ZHANG.mobile);
    const res = await post(token, { kind: "enterprise", ...SHOP, agentResidentId: ZHANG.residentId });
    expect(res.status).toBe(201);
    expect((await principalOf(token))?.identities).toEqual(
      [t.blindIndexer.index("resident-id", ZHANG.residentId), t.blindIndexer.index("uscc", SHOP.uscc)].sort(),
    );
  });

  const own = (mobile: string) => ({ kind: "person", ...ZHANG, mobile });
  it.each([
    ["someone else's mobile is refused before any check", "13859010000", { kind: "person", ...ZHANG }, 422, "mobile"],
    [
      "a wrong name does not match the registry",
      "13859010001",
      { ...own("13859010001"), name: "李四" },
      422,
      "residentId",
    ],
    [
      "an invalid resident ID is refused with its rule",
      "13859010002",
      { ...own("13859010002"), residentId: "350802198801153010" },
      422,
      "residentId",
    ],
    [
      "an enterprise needs its agent proved on this account first",
      "13859010003",
      { kind: "enterprise", ...SHOP, agentResidentId: ZHANG.residentId },
      403,
      "agentResidentId",
    ],
  ])("%s", async (_title, mobile, claim, status, field) => {
    const token = await signIn(mobile);
    const res = await post(token, claim);
    expect(res.status).toBe(status);
    const problem = (await res.json()) as { ruleId: string; field?: string };
    expect(problem.ruleId).toMatch(/^KRN-(R06|ID)/);
    expect(problem.field).toBe(field);
    expect((await principalOf(token))?.identities).toBeUndefined();
  });

  it("five mismatches a day, then 429 until tomorrow; each mismatch is audited", async () => {
    const mobile = "13859010009";
    const token = await signIn(mobile);
    for (let i = 0; i < 5; i++) {
      const res = await post(token, { kind: "person", ...ZHANG, name: `王${"五六七八九"[i]}`, mobile });
      expect(res.status).toBe(422);
    }
    const res = await post(token, { kind: "person", ...ZHANG, mobile });
    expect(res.status).toBe(429);
    const denied = await t.database.db
      .selectFrom("platform.audit_log")
      .select("outcome")
      .where("action", "=", "auth.identity.verify")
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(5);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("an unreachable verifier stores nothing and answers 503", async () => {
    const token = await signIn("13859010010");
    verifier.down = true;
    try {
      const res = await post(token, { kind: "person", ...ZHANG, mobile: "13859010010" });
      expect(res.status).toBe(503);
    } finally {
      verifier.down = false;
    }
    const rows = await t.database.db
      .selectFrom("platform.citizen_identities")
      .select("subject_ref")
      .where("subject_ref", "=", t.blindIndexer.index("mobile", "13859010010"))
      .execute();
    expect(rows).toHaveLength(0);
  });

  it("needs a citizen session and an Idempotency-Key", async () => {
    const anonymous = await app.request("/auth/identities", jsonRequest("POST", { kind: "person", ...ZHANG }));
    expect(anonymous.status).toBe(401);
    const token = await signIn(ZHANG.mobile);
    const noKey = await post(token, { kind: "person", ...ZHANG }, {});
    expect(noKey.status).toBe(400);
  });
});

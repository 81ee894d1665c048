import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHEN, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { type Actors, actors, driveApi, ok, R } from "./support/api-flow.ts";
import { writtenRows } from "./support/counts.ts";
import { createQuickClaimTestApp, type QuickClaimTestApp } from "./support/quickclaim-test-app.ts";

describe("快处快赔 API object-level isolation (KRN-R06): someone else's case looks exactly like a missing one", () => {
  let t: QuickClaimTestApp;
  let a: Actors;
  let stranger: Record<string, string>;
  let otherAdjuster: Record<string, string>;
  let fuanPolice: Record<string, string>;
  let longyanRegulator: Record<string, string>;
  beforeAll(async () => {
    t = await createQuickClaimTestApp();
    a = await actors(t);
    stranger = await t.citizenHeaders("13700000000");
    otherAdjuster = await t.staffHeaders({
      roles: ["adjuster"],
      regionCodes: ["350900"],
      institutionId: "cpic-ningde",
    });
    fuanPolice = await t.staffHeaders({
      roles: ["police"],
      regionCodes: ["350981"],
      institutionId: "fuan-traffic-police",
    });
    longyanRegulator = await t.staffHeaders({ roles: ["regulator"], regionCodes: ["350800"] });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function notFound(res: Promise<Response>) {
    const r = await res;
    const body = (await r.json()) as { status: number; ruleId: string; detail: string };
    expect([r.status, body.ruleId]).toEqual([404, "KRN-R06"]);
    return body.detail;
  }

  it("a citizen who is no party, an adjuster of an uninvolved insurer and an officer of another county get 404", async () => {
    const { caseId } = await driveApi(t, a, "evidence");
    const missing = await notFound(t.get(`${R}/cases/qccase_does_not_exist`, stranger));
    expect(await notFound(t.get(`${R}/cases/${caseId}`, stranger))).toBe(missing);
    expect(await notFound(t.get(`${R}/cases/${caseId}`, otherAdjuster))).toBe(missing);
    expect(await notFound(t.get(`${R}/cases/${caseId}`, fuanPolice))).toBe(missing);
    const before = await writtenRows(t.platform.database.db);
    await notFound(
      t.post(
        `${R}/cases/${caseId}/determination`,
        { form: "rear_end", faultPartyId: "B", facts: "福安民警越权认定" },
        fuanPolice,
      ),
    );
    await notFound(
      t.post(
        `${R}/cases/${caseId}/parties/A/items`,
        {
          plate: CHEN.plate,
          driverName: "x",
          driverLicenceNo: "x",
          vehicleLicenceNo: "x",
          insurerId: "x",
          compulsoryPolicyNo: "x",
          mobile: "x",
        },
        stranger,
      ),
    );
    expect(await writtenRows(t.platform.database.db)).toEqual(before);
    const queue = await ok(t.get(`${R}/police/queue`, fuanPolice));
    expect(queue.cases.map((c: { caseId: string }) => c.caseId)).not.toContain(caseId);
  });

  it("a party cannot pay, see or claim for the other party; the other insurer's adjuster cannot assess", async () => {
    const { caseId, claims } = await driveApi(t, a, "claimed");
    await notFound(t.post(`${R}/claims/${claims.B}/payment`, {}, a.chen));
    const chenView = await ok(t.get(`${R}/cases/${caseId}`, a.chen));
    expect(chenView.claims.map((c: { partyId: string }) => c.partyId)).toEqual(["A"]);
    const other = chenView.parties.find((p: { id: string }) => p.id === "B");
    expect([other.mobile, other.items.driverLicenceNo]).toEqual(["138****6789", "3****************7"]);
    await notFound(
      t.post(
        `${R}/cases/${caseId}/assessment`,
        {
          losses: [
            { partyId: "A", vehicleYuan: "1" },
            { partyId: "B", vehicleYuan: "1" },
          ],
        },
        otherAdjuster,
      ),
    );
    const officerView = await ok(t.get(`${R}/cases/${caseId}`, a.police));
    expect(JSON.stringify(officerView)).not.toContain(WU.card);
    expect(JSON.stringify(officerView)).not.toContain(CHEN.residentId);
  });

  it("a region the caller does not act in, or one without the module, is 404; staff roles are enforced", async () => {
    await notFound(t.get(`${R}/figures?from=2026-03-01&to=2026-03-31`, longyanRegulator));
    await notFound(t.get(`/api/quickclaim/350800/figures?from=2026-03-01&to=2026-03-31`, longyanRegulator));
    const asCitizen = await t.get(`${R}/police/queue`, a.chen);
    expect(asCitizen.status).toBe(403);
    const anonymous = await t.app.request(`${R}/cases/mine`);
    expect(anonymous.status).toBe(401);
    const mine = await ok(t.get(`${R}/cases/mine`, stranger));
    expect(mine.cases).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHEN, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { driveOnPlatform } from "../adapters/support/drive.ts";
import { createPageApp, getPage, onceFor, type PageApp, postForm } from "./support/page-app.ts";

/** When a case leaves remote handling (QC-R01, disputes, the officer's call), the pages say why and where to go. */
describe("快处快赔 pages when a case goes offline", () => {
  let t: PageApp;
  let chen: string;
  let wu: string;
  let police: string;
  let adjuster: string;
  const R = "/quickclaim/350900";
  const stateOf = async (caseId: string) => t.deps.uow.run((tx) => tx.cases.get(caseId));

  beforeAll(async () => {
    t = await createPageApp();
    chen = await t.citizenToken(CHEN.mobile);
    wu = await t.citizenToken(WU.mobile);
    police = await t.staffKey(["police"], ["350982"], "fuding-traffic-police");
    adjuster = await t.staffKey(["adjuster"], ["350900"], "pingan-ningde");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("an assessed loss of 6,000 yuan crosses the QC-R01 property cap: the adjuster is told, the case goes offline, signatures stay", async () => {
    const { caseId } = await driveOnPlatform(t, "claimed");
    const path = `${R}/adjuster/cases/${caseId}`;
    const html = await (await getPage(t.app, path, adjuster)).text();
    const res = await postForm(t.app, `${path}/assess`, adjuster, {
      _once: onceFor(html, `${path}/assess`),
      vehicle_A: "5200",
      vehicle_B: "800",
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('data-rule="QC-R01"');
    expect(page).toContain("财产损失合计");
    expect(page).toContain('data-status="OFFLINE"');
    expect(page).not.toContain('data-testid="assess-form"');
    const c = await stateOf(caseId);
    expect(c?.status).toBe("OFFLINE");
    expect(c?.signatures.filter((s) => !s.voided && s.decision === "agree")).toHaveLength(2);
    const claims = await t.deps.uow.run((tx) => tx.claims.listByCase(caseId));
    expect(claims.every((cl) => cl.status === "WITHDRAWN")).toBe(true);
    expect(t.gateway.transfers()).toEqual([]);

    const party = await (await getPage(t.app, `${R}/cases/${caseId}`, chen)).text();
    expect(party).toContain('data-testid="offline"');
    expect(party).toContain("福鼎快处快赔服务中心");
    expect(party).toContain("宁德市福鼎市");
    expect(party).not.toContain('data-testid="steps"');
  });

  it("a party who disputes the letter sends the case to offline handling (QC-R04)", async () => {
    const { caseId } = await driveOnPlatform(t, "determined");
    const path = `${R}/cases/${caseId}`;
    const page = await (await getPage(t.app, path, wu)).text();
    const hash = /name="letterHash" value="([0-9a-f]{64})"/.exec(page)?.[1] as string;
    const res = await postForm(t.app, `${path}/sign`, wu, {
      _once: onceFor(page, `${path}/sign`, 'value="dispute"'),
      letterHash: hash,
      decision: "dispute",
      disputeReason: "A车急刹，不应由我方负全部责任",
    });
    expect(res.status).toBe(303);
    expect((await stateOf(caseId))?.status).toBe("DISPUTED");
    const chenPage = await (await getPage(t.app, path, chen)).text();
    expect(chenPage).toContain('data-status="DISPUTED"');
    expect(chenPage).toContain("当事方对认定有异议");
    const letter = await (await getPage(t.app, `${path}/letter`, chen)).text();
    expect(letter).toContain("A车急刹，不应由我方负全部责任");
  });

  it("the officer may send a case offline with a reason; findings of drink-driving do it at determination (QC-R01)", async () => {
    const first = (await driveOnPlatform(t, "evidence")).caseId;
    const p1 = `${R}/police/cases/${first}`;
    const html1 = await (await getPage(t.app, p1, police)).text();
    const moved = await postForm(t.app, `${p1}/offline`, police, {
      _once: onceFor(html1, `${p1}/offline`),
      reason: "当事人要求现场处理",
    });
    expect(moved.status).toBe(303);
    expect(moved.headers.get("location")).toBe(`${p1}?done=offline`);
    expect((await stateOf(first))?.offline?.reasons).toEqual(["当事人要求现场处理"]);

    const second = (await driveOnPlatform(t, "evidence")).caseId;
    const p2 = `${R}/police/cases/${second}`;
    const html2 = await (await getPage(t.app, p2, police)).text();
    const res = await postForm(t.app, `${p2}/determine`, police, {
      _once: onceFor(html2, `${p2}/determine`),
      form: "rear_end",
      faultPartyId: "B",
      facts: "B车追尾A车，B车驾驶人有酒气。",
      vehiclesMovable: "on",
      suspectedDrinkDriving: "on",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${p2}?done=offline`);
    const c = await stateOf(second);
    expect(c?.status).toBe("OFFLINE");
    expect(c?.letter).toBeNull();
    expect(c?.offline?.ruleId).toBe("QC-R01");
  });

  it("a preview without an accident form is refused by QC-R03, nothing issued", async () => {
    const { caseId } = await driveOnPlatform(t, "evidence");
    const path = `${R}/police/cases/${caseId}`;
    const res = await postForm(t.app, `${path}/preview`, police, { form: "flying", facts: "x" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('data-rule="QC-R03"');
    expect((await stateOf(caseId))?.status).toBe("EVIDENCE_SUBMITTED");
  });

  it("a form posted from another site is refused (CSRF) and changes nothing", async () => {
    const { caseId } = await driveOnPlatform(t, "evidence");
    const path = `${R}/police/cases/${caseId}/offline`;
    const res = await t.app.request(path, {
      method: "POST",
      headers: { Origin: "https://evil.example", Authorization: `Bearer ${police}` },
      body: new URLSearchParams({ _once: "form_csrf_attempt_1", reason: "forged" }),
    });
    expect(res.status).toBe(403);
    expect((await stateOf(caseId))?.status).toBe("EVIDENCE_SUBMITTED");
  });
});

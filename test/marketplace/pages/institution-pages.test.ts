import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "../../../core/marketplace/testing/test-world.ts";
import { type BoardScenario, seedBoardScenario } from "./support/board-scenario.ts";
import { createMarketplacePageApp, type MarketplacePageApp } from "./support/marketplace-page-app.ts";
import { getPage, onceFor, postForm } from "./support/page-requests.ts";

const QUEUE = "/marketplace/350800/institution";
const rowsIn = (html: string) =>
  [...html.matchAll(/data-testid="application-row" data-application="([^"]+)"/g)].map((m) => m[1]);

/**
 * The institution desk and the application page for staff (MKT-R04/R05/R08/R09): its own queue
 * only, outcome backflow step by step with refusals by rule, the pushed data it may read, and
 * 码上贷 codes.
 */
describe("marketplace pages: institution desk", () => {
  let t: MarketplacePageApp;
  let s: BoardScenario;
  let cib: string;
  let lyrcb: string;
  let tea: string;

  beforeAll(async () => {
    t = await createMarketplacePageApp();
    s = await seedBoardScenario(t);
    cib = await t.staffKey(["institution_staff"], "inst_cib");
    lyrcb = await t.staffKey(["institution_staff"], "inst_lyrcb");
    tea = await t.citizenToken(people.teaCo.mobile);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("shows 兴业 its own counts and open queue, oldest first, and nothing of other institutions", async () => {
    const res = await getPage(t.app, QUEUE, cib);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/data-testid="queue-institution">兴业银行龙岩分行</);
    expect(html).toContain('data-testid="count-pending" data-count="2"');
    expect(html).toContain('data-testid="count-overdue-for-contact" data-count="1"');
    expect(html).toContain('data-testid="count-long-unfinished" data-count="1"');
    expect(rowsIn(html)).toEqual([
      s.longUnfinished.application.id,
      s.overdue.application.id,
      s.pendingCib.application.id,
    ]);
    expect(html).not.toContain(s.pendingLyrcb.application.id);
    expect(html).toContain("须在提交后第 2 个工作日结束前完成对接，第 15 个工作日结束前办结");
  });

  it.each([
    ["overdue-for-contact", () => [s.overdue.application.id]],
    ["long-unfinished", () => [s.longUnfinished.application.id]],
    ["pending", () => [s.overdue.application.id, s.pendingCib.application.id]],
  ])("lists the %s column", async (column, expected) => {
    const html = await (await getPage(t.app, `${QUEUE}?column=${column}`, cib)).text();
    expect(rowsIn(html)).toEqual(expected());
  });

  it("keeps another institution's application out of reach: not found, as if it did not exist (MKT-R09)", async () => {
    const res = await getPage(t.app, `/marketplace/350800/applications/${s.pendingLyrcb.application.id}`, cib);
    expect(res.status).toBe(404);
    const push = await getPage(t.app, `/marketplace/350800/pushes/${s.overdue.push.id}`, lyrcb);
    expect(push.status).toBe(404);
  });

  it("refuses the desk to a citizen and sends a visitor to sign in", async () => {
    expect((await getPage(t.app, QUEUE, tea)).status).toBe(403);
    const anon = await getPage(t.app, QUEUE);
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toBe(`/marketplace/sign-in?next=${encodeURIComponent(QUEUE)}`);
  });

  it("works the overdue application: contact, a refused and a good approval, a refused and a good disbursement", async () => {
    const id = s.overdue.application.id;
    const path = `/marketplace/350800/applications/${id}`;
    const action = `${path}/outcome`;
    const step = async (fieldsOf: (once: string) => Record<string, string>) => {
      const html = await (await getPage(t.app, path, cib)).text();
      return postForm(t.app, action, cib, fieldsOf(onceFor(html, action)));
    };
    const view = await (await getPage(t.app, path, cib)).text();
    expect(view).toContain("龙岩闽西茶业有限公司");
    expect(view).toContain(people.teaCo.mobile); // the addressed institution must be able to call back
    expect(view).toContain("已逾期未对接");
    expect(view).toContain('data-testid="outcome-contact"');

    const contacted = await step((once) => ({ _once: once, event: "contact", institutionReference: "CIB-2026-0301" }));
    expect(contacted.status).toBe(303);
    const after = await (await getPage(t.app, path, cib)).text();
    expect(after).toContain('data-state="CONTACTED"');
    expect(after).not.toContain('data-testid="outcome-contact"');

    const badRate = await step((once) => ({
      _once: once,
      event: "approve",
      amount: "800000",
      rate: "4,5",
      term: "12",
    }));
    expect(badRate.status).toBe(422);
    expect(await badRate.text()).toContain("年利率请填写百分数");
    const outside = await step((once) => ({
      _once: once,
      event: "approve",
      amount: "800000",
      rate: "3.00",
      term: "12",
    }));
    expect(outside.status).toBe(422);
    expect(await outside.text()).toContain('data-rule="MKT-LIFECYCLE"');

    const approved = await step((once) => ({
      _once: once,
      event: "approve",
      amount: "800000",
      rate: "4.50",
      term: "12",
    }));
    expect(approved.status).toBe(303);
    const tooMuch = await step((once) => ({ _once: once, event: "disburse", amount: "800000.01" }));
    expect(tooMuch.status).toBe(422);
    expect(await tooMuch.text()).toContain("the disbursed amount is above the approved amount");
    const paid = await step((once) => ({ _once: once, event: "disburse", amount: "800000" }));
    expect(paid.status).toBe(303);
    const done = await (await getPage(t.app, path, cib)).text();
    expect(done).toContain('data-state="DISBURSED"');
    expect(done).toContain("800,000 元");
    expect(done).toContain("4.50%");
    expect(done).not.toContain('data-testid="outcome-forms"');
    const app = await t.deps.uow.run((tx) => tx.applications.get(id));
    expect(app?.amountGranted).toBe(80_000_000);
    expect(app?.amountDisbursed).toBe(80_000_000);
  });

  it("lets the recipient read the pushed data, checked against its hash, and the applicant withdraw an open application", async () => {
    const pushPath = `/marketplace/350800/pushes/${s.pendingCib.push.id}`;
    const read = await getPage(t.app, pushPath, cib);
    expect(read.status).toBe(200);
    const html = await read.text();
    expect(html).toContain(s.pendingCib.push.contentHash);
    expect(html).toContain("纳税信用等级");

    const appPath = `/marketplace/350800/applications/${s.pendingCib.application.id}`;
    const mine = await (await getPage(t.app, appPath, tea)).text();
    const withdrawAction = `${appPath}/withdraw`;
    const res = await postForm(t.app, withdrawAction, tea, {
      _once: onceFor(mine, withdrawAction),
      reason: "已从他行获得贷款",
    });
    expect(res.status).toBe(303);
    expect(await (await getPage(t.app, appPath, tea)).text()).toContain('data-state="WITHDRAWN"');
    // Staff cannot withdraw for the applicant.
    const staffTry = await postForm(t.app, withdrawAction, cib, { _once: "staff-once-0001" });
    expect(staffTry.status).toBe(403);
  });

  it("issues a 码上贷 code for its own product and shows it as an SVG QR code with its counts", async () => {
    const html = await (await getPage(t.app, QUEUE, cib)).text();
    const action = "/marketplace/350800/institution/apply-codes";
    expect(html).toContain('<option value="prd_cib_xingshan">兴闪贷</option>');
    expect(html).not.toContain('value="prd_ccb_kuaidai"');
    const res = await postForm(t.app, action, cib, {
      _once: onceFor(html, action),
      productId: "prd_cib_xingshan",
      branchId: "inst_cib_changting",
      managerId: "",
      validDays: "30",
    });
    expect(res.status).toBe(303);
    const desk = await (await getPage(t.app, res.headers.get("location") as string, cib)).text();
    expect(desk).toMatch(/<svg class="mk-qr" role="img"/);
    expect(desk).toContain("已扫码 0 次，带来申请 0 笔。");
    expect(desk).toMatch(/href="http:\/\/localhost\/marketplace\/350800\/qr\/q1\.[^"]+"/);

    const foreign = await postForm(t.app, action, cib, {
      _once: onceFor(html, action).replace(/.$/, "x"),
      productId: "prd_ccb_kuaidai",
    });
    expect(foreign.status).toBe(404);
    const tooLong = await postForm(t.app, action, cib, {
      _once: `${onceFor(html, action)}-2`,
      productId: "prd_cib_xingshan",
      validDays: "9999",
    });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toContain('data-rule="MKT-R08"');
  });
});

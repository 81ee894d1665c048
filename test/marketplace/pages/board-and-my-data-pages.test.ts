import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "../../../core/marketplace/testing/test-world.ts";
import { type BoardScenario, seedBoardScenario } from "./support/board-scenario.ts";
import { createMarketplacePageApp, type MarketplacePageApp } from "./support/marketplace-page-app.ts";
import { getPage, onceFor, postForm } from "./support/page-requests.ts";

const BOARD = "/marketplace/350800/board";
const MY_DATA = "/marketplace/350800/my-data";
const reportRows = (html: string) =>
  [...html.matchAll(/data-testid="report-row" data-institution="([^"]+)"/g)].map((m) => m[1]);

/** The regulator's board (MKT-R04/R05/R09) and the citizen's "my data" (MKT-R01/R03). */
describe("marketplace pages: report board and my data", () => {
  let t: MarketplacePageApp;
  let s: BoardScenario;
  let regulator: string;
  let cib: string;
  let tea: string;
  let zhang: string;

  beforeAll(async () => {
    t = await createMarketplacePageApp();
    s = await seedBoardScenario(t);
    regulator = await t.staffKey(["regulator"]);
    cib = await t.staffKey(["institution_staff"], "inst_cib");
    tea = await t.citizenToken(people.teaCo.mobile);
    zhang = await t.citizenToken(people.zhang.mobile);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("shows the regulator every institution, worst first, with the chart and the totals", async () => {
    const res = await getPage(t.app, BOARD, regulator);
    expect(res.status).toBe(200);
    const html = await res.text();
    const rows = reportRows(html);
    expect(rows.slice(0, 2)).toEqual(["inst_cib", "inst_lyrcb"]);
    expect(rows).toContain("inst_ccb");
    expect(html).toMatch(/<svg class="mk-chart"[^>]*data-testid="report-chart"/);
    expect(html).toContain('data-testid="count-overdue-for-contact" data-count="1"');
    expect(html).toContain("超过 2 个工作日");
    expect(html).toContain('data-testid="snapshot-form"');
  });

  it("lists the applications behind a count, for one institution or all", async () => {
    const one = await (await getPage(t.app, `${BOARD}?column=long-unfinished&institution=inst_cib`, regulator)).text();
    expect(one).toContain('data-testid="board-list"');
    expect(one).toContain(s.longUnfinished.application.id);
    expect(one).not.toContain(`data-application="${s.overdue.application.id}"`);
    const all = await (await getPage(t.app, `${BOARD}?column=pending`, regulator)).text();
    for (const a of [s.overdue, s.pendingCib, s.pendingLyrcb])
      expect(all).toContain(`data-application="${a.application.id}"`);
  });

  it("opens an application from a list for the regulator with the contact masked and no action (KRN-R04)", async () => {
    const res = await getPage(t.app, `/marketplace/350800/applications/${s.overdue.application.id}`, regulator);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("龙岩闽西茶业有限公司");
    expect(html).toContain("139****1234");
    expect(html).not.toContain(people.teaCo.mobile);
    expect(html).not.toContain('data-testid="outcome-forms"');
    expect(html).not.toContain('data-testid="withdraw-form"');
    expect(html).toContain("已逾期未对接");
  });

  it("shows institution staff only their own row, and no notice form", async () => {
    const html = await (await getPage(t.app, BOARD, cib)).text();
    expect(reportRows(html)).toEqual(["inst_cib"]);
    expect(html).not.toContain("龙岩农村商业银行");
    expect(html).not.toContain('data-testid="snapshot-form"');
    const listed = await (await getPage(t.app, `${BOARD}?column=pending&institution=inst_lyrcb`, cib)).text();
    expect(listed).not.toContain(s.pendingLyrcb.application.id);
  });

  it("refuses the board to citizens and a notice to institution staff", async () => {
    expect((await getPage(t.app, BOARD, tea)).status).toBe(403);
    const res = await postForm(t.app, `${BOARD}/snapshots`, cib, { _once: "staff-snapshot-1", label: "2026-03" });
    expect(res.status).toBe(403);
  });

  it("reports the figures by group and explains a bad date in place", async () => {
    const html = await (await getPage(t.app, `${BOARD}?groupBy=special-action`, regulator)).text();
    const approved = s.instant.application.state === "APPROVED";
    expect(html).toContain(`data-testid="fig-financings" data-value="${approved ? 1 : 0}"`);
    if (approved) {
      expect(html).toContain('data-key="small-shop"');
      expect(html).toContain("小店经济");
    }
    const bad = await getPage(t.app, `${BOARD}?from=2026-02-30`, regulator);
    expect(bad.status).toBe(200);
    const page = await bad.text();
    expect(page).toContain('data-testid="problem"');
    expect(page).toContain('data-testid="report-table"');
  });

  it("answers a form over the body limit with a 413 page naming KRN-R11, not a 500, and takes nothing", async () => {
    const res = await postForm(t.app, `${BOARD}/snapshots`, regulator, {
      _once: "oversize-snapshot-1",
      label: "x".repeat(1_200_000),
    });
    expect(res.status).toBe(413);
    const page = await res.text();
    expect(page).toContain('data-rule="KRN-R11"');
    expect(page).toContain("1 MB");
    const board = await (await getPage(t.app, BOARD, regulator)).text();
    expect(board).not.toContain("x".repeat(100));
  });

  it("takes a periodic notice once however often the form is sent, and refuses an empty label", async () => {
    const html = await (await getPage(t.app, BOARD, regulator)).text();
    const action = `${BOARD}/snapshots`;
    const form = { _once: onceFor(html, action), label: "2026-W10" };
    const first = await postForm(t.app, action, regulator, form);
    const again = await postForm(t.app, action, regulator, form);
    expect(first.status).toBe(303);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const after = await (await getPage(t.app, BOARD, regulator)).text();
    expect(after.match(/data-testid="snapshot" data-label="2026-W10"/g)).toHaveLength(1);
    const empty = await postForm(t.app, action, regulator, { _once: `${form._once}-b`, label: "" });
    expect(empty.status).toBe(422);
  });

  it("lists a citizen's consents and pushes with who received what, and only theirs", async () => {
    const html = await (await getPage(t.app, MY_DATA, tea)).text();
    const consents = [...html.matchAll(/data-testid="consent" data-consent="([^"]+)" data-status="(\w+)"/g)];
    expect(consents).toHaveLength(3);
    expect(consents.every((m) => m[2] === "ACTIVE")).toBe(true);
    expect(html).toMatch(/data-testid="push-recipient">兴业银行龙岩分行</);
    expect(html).toMatch(/data-testid="push-recipient">龙岩农村商业银行</);
    expect(html).not.toContain(s.instant.push.id);
    expect(html).toContain("登记注册信息");
  });

  it("revokes a consent at once, refuses to revoke it twice or someone else's, and keeps the push log", async () => {
    const html = await (await getPage(t.app, MY_DATA, tea)).text();
    const consentId = s.pendingLyrcb.application.consentId;
    const action = `${MY_DATA}/consents/${consentId}/revoke`;
    const once = onceFor(html, action);
    const foreign = await postForm(t.app, action, zhang, { _once: once });
    expect(foreign.status).toBe(404);
    const res = await postForm(t.app, action, tea, { _once: once });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${MY_DATA}?revoked=1`);
    const after = await (await getPage(t.app, `${MY_DATA}?revoked=1`, tea)).text();
    expect(after).toContain('data-testid="revoked-notice"');
    expect(after).toContain(`data-consent="${consentId}" data-status="REVOKED"`);
    expect(after).toContain(s.pendingLyrcb.push.id);
    const twice = await postForm(t.app, action, tea, { _once: `${once}-2` });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('data-rule="MKT-R01"');
  });

  it("sends a visitor to sign in and refuses staff", async () => {
    const anon = await getPage(t.app, MY_DATA);
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toBe(`/marketplace/sign-in?next=${encodeURIComponent(MY_DATA)}`);
    expect((await getPage(t.app, MY_DATA, cib)).status).toBe(403);
  });
});

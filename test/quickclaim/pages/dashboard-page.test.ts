import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptClaim,
  assessLoss,
  determineLiability,
  getFigures,
  openClaim,
  payClaim,
  signLetter,
  submitSurvey,
} from "../../../core/quickclaim/mod.ts";
import { claimInput } from "../../../core/quickclaim/testing/drive-case.ts";
import { CHEN, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { driveOnPlatform } from "../adapters/support/drive.ts";
import { createPageApp, getPage, onceFor, type PageApp, postForm } from "./support/page-app.ts";

const MIN = 60_000;

/** QC-R08 dashboard: KPI tiles, server-drawn SVG charts and the table agree with the figures. */
describe("快处快赔 regulator dashboard (QC-R08)", () => {
  let t: PageApp;
  let regulator: string;
  let adjuster: string;
  let paidCase = "";

  beforeAll(async () => {
    t = await createPageApp();
    regulator = await t.staffKey(["regulator"], ["350900"]);
    adjuster = await t.staffKey(["adjuster"], ["350900"], "pingan-ningde");
    const { deps } = t;
    const chen = t.citizen(CHEN.mobile);
    const wu = t.citizen(WU.mobile);
    // One case handled remotely: determined 12 minutes after the report, paid 15 minutes after the claim.
    paidCase = (await driveOnPlatform(t, "evidence")).caseId;
    t.clock.advance(12 * MIN);
    const det = await determineLiability(
      deps,
      { caseId: paidCase, form: "rear_end", faultPartyId: "B", facts: "B车追尾A车，跟车距离不足。" },
      t.officer,
    );
    const letterHash = det.letter?.contentHash as string;
    await signLetter(deps, { caseId: paidCase, letterHash, decision: "agree" }, chen);
    await signLetter(deps, { caseId: paidCase, letterHash, decision: "agree" }, wu);
    const { claimId } = await openClaim(deps, claimInput(paidCase, CHEN), chen);
    t.clock.advance(5 * MIN);
    await assessLoss(
      deps,
      {
        caseId: paidCase,
        losses: [
          { partyId: "A", vehicleFen: 320_000 },
          { partyId: "B", vehicleFen: 0 },
        ],
      },
      t.adjuster(WU.insurerId),
    );
    await acceptClaim(deps, { claimId }, t.system);
    t.clock.advance(10 * MIN);
    await payClaim(deps, { claimId }, t.system);
    await submitSurvey(deps, { caseId: paidCase, satisfied: true, suggestion: "希望夜间也能在线认定" }, chen);
    // One case reported but never handled remotely.
    await driveOnPlatform(t, "reported");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows the KPI tiles computed by QC-R08 for the prefecture", async () => {
    const res = await getPage(t.app, "/quickclaim/350900/dashboard?from=2026-01-01&to=2026-03-31", regulator);
    expect(res.status).toBe(200);
    const html = await res.text();
    const [total] = await getFigures(
      t.deps,
      { regionCode: "350900", from: "2026-01-01", to: "2026-03-31", groupBy: "region" },
      t.regulator,
    );
    expect(total?.accidents).toBe(2);
    expect(total?.remoteShareBp).toBe(5000);
    expect(html).toMatch(/data-testid="kpi-accidents"><span>事故总数<\/span><b>2 件<\/b>/);
    expect(html).toMatch(/data-testid="kpi-remote"><span>在线处理占比<\/span><b>50\.00%<\/b>/);
    // medians come from the figures rollup's one-minute buckets: the page says so
    expect(total?.handling.medianPrecisionSeconds).toBe(60);
    expect(html).toContain('data-testid="median-note">中位数按一分钟分档计算，精确到分钟；平均、最快精确到秒。');
    expect(html).toContain("<b>12 分 0 秒</b>");
    expect(html).toContain("<b>15 分 0 秒</b>");
    expect(html).toMatch(
      /data-testid="kpi-satisfaction"><span>回访满意率<\/span><b>100\.00%<\/b><span>回访 1 次<\/span>/,
    );
    expect(html).toContain("希望夜间也能在线认定");
  });

  it("draws four SVG charts on the server, with bars scaled to the figures", async () => {
    const html = await (
      await getPage(t.app, "/quickclaim/350900/dashboard?from=2026-01-01&to=2026-03-31&groupBy=county", regulator)
    ).text();
    for (const id of ["chart-remote", "chart-handling", "chart-payout", "chart-quality"]) {
      expect(html).toMatch(new RegExp(`<svg class="qc-chart"[^>]*data-testid="${id}"`));
    }
    expect(html).not.toContain("<script>");
    expect(html).not.toMatch(/ style="/);
    // 福鼎's remote share is 50 %: half of the 244-unit bar area.
    const remote = html.slice(html.indexOf('data-testid="chart-remote"'), html.indexOf('data-testid="chart-handling"'));
    expect(remote).toContain('data-group="福鼎市"');
    expect(remote).toMatch(/<rect x="0" y="\d+" width="122" height="16"[^>]*data-value="5000"/);
    expect(html).toMatch(/<tr data-key="350982"><td>福鼎市<\/td><td class="num">2<\/td><td class="num">50\.00%<\/td>/);
  });

  it("filters by county and refuses a period that ends before it starts (QC-R08)", async () => {
    const county = await (
      await getPage(t.app, "/quickclaim/350900/dashboard?area=350981&from=2026-01-01&to=2026-03-31", regulator)
    ).text();
    expect(county).toContain('<option value="350981" selected="">');
    expect(county).toMatch(/<b>0 件<\/b>/);
    const bad = await getPage(t.app, "/quickclaim/350900/dashboard?from=2026-03-31&to=2026-01-01", regulator);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('data-rule="QC-R08"');
  });

  it("is for regulators: an adjuster gets 403, a visitor is sent to sign in", async () => {
    expect((await getPage(t.app, "/quickclaim/350900/dashboard", adjuster)).status).toBe(403);
    const anon = await getPage(t.app, "/quickclaim/350900/dashboard");
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toContain("/quickclaim/sign-in?next=");
  });

  it("the paid party sees the payout and can answer the follow-up only once", async () => {
    const chen = await t.citizenToken(CHEN.mobile);
    const page = await (await getPage(t.app, `/quickclaim/350900/cases/${paidCase}`, chen)).text();
    expect(page).toContain('data-claim-status="PAID"');
    const again = await postForm(t.app, `/quickclaim/350900/cases/${paidCase}/survey`, chen, {
      _once: onceFor(page, `/quickclaim/350900/cases/${paidCase}/survey`),
      satisfied: "no",
      suggestion: "再来一次",
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('data-rule="QC-R08"');
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, base } from "./support/forms.ts";
import { createPageApp, getPage, NINGDE, type PageApp, RURAL_BANK } from "./support/page-app.ts";
import { type Mortgaged, mortgagedBundle } from "./support/scenarios.ts";

const HUANG_MOBILE = "13905930002";
/** The fen amount of the element with `testid` (its data-fen attribute). */
function fenOf(html: string, testid: string): number {
  const tag = new RegExp(`<[^>]*data-testid="${testid}"[^>]*>`).exec(html)?.[0] ?? "";
  const m = /data-fen="(\d+)"/.exec(tag);
  if (!m) throw new Error(`no amount with data-testid ${testid}`);
  return Number(m[1]);
}

/** What one party pays, from the loss-sharing table. */
function partOf(html: string, party: string): number {
  const table = html.slice(html.indexOf('data-testid="loss-parts"'));
  const m = new RegExp(`data-party="${party}"[\\s\\S]*?data-fen="(\\d+)"`).exec(table);
  if (!m) throw new Error(`no part for ${party}`);
  return Number(m[1]);
}

/**
 * 黄先生 in 霞浦 through the pages: servicing reports an overdue run after the typhoon, default
 * before 90 days is refused (FAC-R08), the raft bundle is bought out by 福宁海投, the proceeds are
 * applied by priority (FAC-R07) and the shortfall is shared 40/20/20/20 to the fen (FAC-R09).
 */
describe("loan and disposal pages: 黄先生's default, buy-out and loss sharing", () => {
  let t: PageApp;
  let bank: string;
  let loan: Mortgaged;
  let loanPage: string;
  let value = 0;
  let offer = 0;

  beforeAll(async () => {
    // After the typhoon the appraiser prices rafts and rights at 60 % of the demo prices.
    t = await createPageApp(undefined, { "factors-appraiser-sim": { marketBp: 6000 } });
    const { "fish-raft-farming": product = "" } = await t.offerDemoProducts(["fish-raft-farming"]);
    bank = await t.staffKey(["institution_staff"], RURAL_BANK);
    const huang = await t.principal(await t.citizenToken(HUANG_MOBILE), HUANG_MOBILE);
    loan = await mortgagedBundle(
      t,
      huang,
      await t.principal(bank),
      ["huang-sea", "huang-raft", "huang-aqua"],
      product,
      130_000_00,
    );
    loanPage = `${base}/loans/${loan.loanId}`;
  }, 60_000);
  afterAll(() => t?.close());

  it("the bank reports the overdue run; reporting default at 61 days is refused naming FAC-R08", async () => {
    t.clock.set("2026-06-15T02:00:00Z");
    const res = await act(t, bank, loanPage, `${loanPage}/servicing`, {
      outstandingPrincipal: "130000.00",
      interestArrears: "3000.00",
      overdueSince: "2026-06-01",
    });
    expect(res.status).toBe(303);
    t.clock.set("2026-08-01T02:00:00Z");
    const early = await act(t, bank, loanPage, `${loanPage}/default`);
    expect(early.status).toBe(409);
    const html = await early.text();
    expect(html).toContain('data-rule="FAC-R08"');
    expect(html).toContain('data-status="OVERDUE"');
  });

  it("at 120 days the default is reported, the bank has the bundle re-appraised, and 福宁海投 buys it out at 75 %", async () => {
    t.clock.set("2026-09-29T02:00:00Z");
    expect((await act(t, bank, loanPage, `${loanPage}/default`)).status).toBe(303);
    const factorPage = `${base}/factors/${loan.factorIds[0]}`;
    const appraised = await act(t, bank, factorPage, `${factorPage}/value`, {
      condition: "good",
      requestAppraisal: "yes",
    });
    expect(appraised.status).toBe(303);
    expect(await (await getPage(t.app, factorPage, bank)).text()).toContain("评估机构评估");
    const page = await (await getPage(t.app, loanPage, bank)).text();
    expect(page).toContain('data-status="DEFAULTED"');
    expect(page).toContain('value="buy_out"');
    const started = await act(t, bank, loanPage, `${loanPage}/dispose`, { channel: "buy_out" });
    expect(started.status).toBe(303);
    const disposalPage = started.headers.get("Location") ?? "";
    const d = await (await getPage(t.app, disposalPage, bank)).text();
    expect(d).toContain("福宁海投");
    value = fenOf(d, "valuation-value");
    offer = fenOf(d, "buy-out-offer");
    expect(offer).toBe(Math.floor((value * 3) / 4));
    const done = await act(t, bank, disposalPage, `${disposalPage}/complete`, { costs: "1000.00" });
    expect(done.status).toBe(303);
    const after = await (await getPage(t.app, disposalPage, bank)).text();
    expect(after).toContain('data-testid="waterfall"');
    expect(after).toContain('data-step="costs"');
    expect(after).toContain('data-fen="300000"'); // interest arrears first (FAC-R07)
  });

  it("the loss is shared 40/20/20/20 to the fen, the parts adding up to the loss", async () => {
    const res = await act(t, bank, loanPage, `${loanPage}/allocate-loss`);
    expect(res.status).toBe(303);
    const html = await (await getPage(t.app, loanPage, bank)).text();
    expect(html).toContain('data-status="CLOSED_WITH_LOSS"');
    const loss = fenOf(html, "loss-total");
    expect(loss).toBe(130_000_00 + 3_000_00 - (offer - 1_000_00));
    const parts = ["bank", "guarantor", "insurer", "governmentFund"].map((p) => partOf(html, p));
    expect(parts.reduce((s, x) => s + x, 0)).toBe(loss);
    const [bankPart, guarantor, insurer, fund] = parts as [number, number, number, number];
    expect(Math.abs(guarantor - (loss * 2) / 5)).toBeLessThan(1);
    for (const p of [bankPart, insurer, fund]) expect(Math.abs(p - loss / 5)).toBeLessThan(1);
    expect(html).toContain('data-testid="loss-chart"');
    const citizen = await getPage(t.app, loanPage, await t.citizenToken("13905930009"));
    expect(citizen.status).toBe(404);
  });

  it("the dashboard shows the disposal and the losses by party", async () => {
    const regulator = await t.staffKey(["regulator"], undefined, [NINGDE]);
    const html = await (await getPage(t.app, `${base}/dashboard?from=2026-01-01&to=2026-12-31`, regulator)).text();
    expect(html).toContain('data-kpi="disposals"');
    expect(html).toContain('data-testid="chart-losses"');
    expect(html).toMatch(/data-bar="guarantor" data-value="\d+"/);
  });

  it("the 霞浦 finance bureau's fund page lists the fund's claim, the county's cap usage and the CSV exports", async () => {
    const fund = partOf(await (await getPage(t.app, loanPage, bank)).text(), "governmentFund");
    expect(fund).toBeGreaterThan(0);
    const xiapu = await t.staffKey(["regulator"], undefined, ["350921"]);
    const res = await getPage(t.app, `${base}/fund?year=2026`, xiapu);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("风险补偿资金台账");
    expect(html).toContain(`data-loan="${loan.loanId}"`);
    const row = html.slice(html.indexOf('data-county="350921"'));
    expect(row).toMatch(/未设上限[\s\S]*?data-testid="used">([\d,.]+)</);
    const used = /data-testid="used">([\d,.]+)</.exec(row)?.[1] ?? "";
    expect(Number(used.replaceAll(",", "")) * 100).toBe(fund);
    expect(html).toContain(`/api/factors/350900/fund-ledger/claims.csv?year=2026`);
    expect(html).not.toContain('data-county="350981"');
    const citizen = await getPage(t.app, `${base}/fund?year=2026`, await t.citizenToken("13905930019"));
    expect(citizen.status).toBe(403);
  });
});

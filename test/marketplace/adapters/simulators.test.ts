import { describe, expect, it } from "vitest";
import { FixedClock } from "../../../adapters/platform/fixed-clock.ts";
import type { CreditDataRecord, LenderDecisionRequest } from "../../../core/marketplace/mod.ts";
import { longyanCreditDataCatalogue } from "../../../core/marketplace/mod.ts";
import { demoLoanCounts } from "../../../plugins/marketplace-credit-data-sim/manifest.ts";
import { SimulatedCreditDataSource } from "../../../plugins/marketplace-credit-data-sim/simulated-credit-data-source.ts";
import { SimulatedRealEstateRegistry } from "../../../plugins/marketplace-estate-registry-sim/simulated-real-estate-registry.ts";
import { score } from "../../../plugins/marketplace-lender-sim/scorecard.ts";
import { SimulatedLenderGateway } from "../../../plugins/marketplace-lender-sim/simulated-lender-gateway.ts";

const source = new SimulatedCreditDataSource({
  latencyMs: 0,
  loanCategories: ["finance.loan-records"],
  loanCounts: demoLoanCounts,
  catalogue: longyanCreditDataCatalogue,
});
const shop = { idKind: "uscc" as const, idNumber: "92350802MA31XK5R2X" };
const person = { idKind: "resident-id" as const, idNumber: "350802198801153019" };
const period = { from: "2024-03-02", to: "2026-03-02" };
const ask = (subject: typeof shop | typeof person, categories: string[], p = period) =>
  source.fetch({ regionCode: "350800", subject, categories, period: p, purpose: "test" });

describe("SIMULATOR public-credit data platform (17 departments / 44 categories)", () => {
  it("the same subject always gets the same data; another subject gets other data", async () => {
    const cats = longyanCreditDataCatalogue.categories.map((c) => c.code);
    expect(await ask(shop, cats)).toEqual(await ask(shop, cats));
    const other = await ask({ idKind: "uscc", idNumber: "91350800MA2YQ3LF3C" }, ["tax.paid"]);
    expect(other).not.toEqual(await ask(shop, ["tax.paid"]));
  });

  it("answers only the asked subject, the asked categories and dates inside the period", async () => {
    const records = await ask(shop, ["tax.paid", "unionpay.acquiring-flow", "court.judgments", "tax.credit-grade"]);
    expect(records.length).toBeGreaterThan(40);
    for (const r of records) {
      expect(r.subjectId).toBe(shop.idNumber);
      expect(["tax.paid", "unionpay.acquiring-flow", "court.judgments", "tax.credit-grade"]).toContain(r.category);
      expect(r.observedOn >= period.from && r.observedOn <= period.to).toBe(true);
    }
  });

  it("a monthly category has one record per month ended in the period (24 for the last 24 months)", async () => {
    const flow = await ask(shop, ["unionpay.acquiring-flow"]);
    expect(flow.map((r) => r.observedOn)).toEqual([
      ...["03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map(
        (m) => `2024-${m}-${m === "04" || m === "06" || m === "09" || m === "11" ? "30" : "31"}`,
      ),
      ...["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map(
        (m) => `2025-${m}-${lastDay(2025, Number(m))}`,
      ),
      "2026-01-31",
      "2026-02-28",
    ]);
    for (const r of flow) expect(Number.isSafeInteger(r.fields.turnoverFen)).toBe(true);
  });

  it("events do not depend on the period asked: a shorter period returns the same events inside it", async () => {
    const long = await ask(shop, ["court.judgments", "agri.subsidies", "credit.commitments"], {
      from: "2016-01-01",
      to: "2026-03-02",
    });
    const short = await ask(shop, ["court.judgments", "agri.subsidies", "credit.commitments"], {
      from: "2022-01-01",
      to: "2024-12-31",
    });
    expect(short).toEqual(
      long.filter((r: CreditDataRecord) => r.observedOn >= "2022-01-01" && r.observedOn <= "2024-12-31"),
    );
  });

  it("an organisation-only category returns nothing for a resident ID", async () => {
    expect(await ask(person, ["unionpay.acquiring-flow", "tax.credit-grade"])).toEqual([]);
  });

  it.each([
    ["张师傅's shop has never borrowed (a first loan)", shop, 0],
    ["张师傅 has never borrowed", person, 0],
    ["龙岩闽西茶业 has two loans", { idKind: "uscc" as const, idNumber: "91350800MA2YQ3LF3C" }, 2],
  ])("MKT-R07 loan records: %s", async (_title, subject, n) => {
    const loans = await ask(subject, ["finance.loan-records"], { from: "1900-01-01", to: "2026-03-02" });
    expect(loans.length).toBe(n);
    for (const l of loans) expect(l.fields.amountFen).toBeGreaterThan(0);
  });
});

function lastDay(y: number, m: number): string {
  return String(new Date(Date.UTC(y, m, 0)).getUTCDate());
}

const request = (records: CreditDataRecord[], over: Partial<LenderDecisionRequest> = {}): LenderDecisionRequest => ({
  applicationId: "app_sim_1",
  regionCode: "350800",
  institutionId: "inst_ccb",
  productId: "prd_ccb_zhihui",
  applicant: { ...shop, name: "新罗区张师傅便利店" },
  amountRequested: 50_000_00,
  termMonths: 12,
  firstLoan: true,
  push: { pushId: "push_1", contentHash: "0".repeat(64), categories: [], dataPeriod: period, records },
  ...over,
});
const rec = (category: string, fields: CreditDataRecord["fields"], observedOn = "2026-01-31"): CreditDataRecord => ({
  category,
  subjectId: shop.idNumber,
  observedOn,
  fields,
});
const lender = (over: Partial<ConstructorParameters<typeof SimulatedLenderGateway>[0]> = {}) =>
  new SimulatedLenderGateway({
    latencyMs: 0,
    institutions: "*",
    hangingInstitutions: [],
    rateBp: { A: 385, B: 435, C: 520 },
    grantPercent: { A: 100, B: 70, C: 40 },
    ...over,
  });
const options = () => ({ signal: new AbortController().signal, budgetMs: 5000 });

describe("SIMULATOR direct-connect bank decisions (scorecard)", () => {
  it.each([
    [
      "a strong shop (tax grade A, large flow, social insurance paid) gets grade A: all it asked at 3.85 %",
      [
        rec("tax.credit-grade", { grade: "A" }),
        rec("unionpay.acquiring-flow", { turnoverFen: 20_000_000 }),
        rec("social.insurance-paid", { arrears: false }),
      ],
      { decision: "approved", amountGranted: 50_000_00, rateBp: 385 },
    ],
    [
      "an average shop gets grade B: 70 % at 4.35 %",
      [rec("tax.credit-grade", { grade: "B" }), rec("social.insurance-paid", { arrears: false })],
      { decision: "approved", amountGranted: 35_000_00, rateBp: 435 },
    ],
    [
      "a dishonest-debtor listing is rejected outright",
      [rec("tax.credit-grade", { grade: "A" }), rec("court.dishonest", { listed: true })],
      { decision: "rejected" },
    ],
    [
      "a weak score (grade D, enforcement) is rejected",
      [rec("tax.credit-grade", { grade: "D" }), rec("court.enforcement", { open: true })],
      { decision: "rejected" },
    ],
    ["no usable data is referred to a credit officer", [], { decision: "referred" }],
  ])("%s", async (_title, records, expected) => {
    expect(await lender().requestDecision(request(records), options())).toMatchObject(expected);
  });

  it("the same application always gets the same answer and reference (a retry is one request)", async () => {
    const records = [rec("tax.credit-grade", { grade: "B" })];
    const a = await lender().requestDecision(request(records), options());
    expect(await lender().requestDecision(request(records), options())).toEqual(a);
    expect(a.reference).toMatch(/^SIM-inst_ccb-[0-9A-F]{12}$/);
  });

  it("a hanging bank never answers and gives up when the core's signal aborts", async () => {
    const ctl = new AbortController();
    const pending = lender({ hangingInstitutions: ["inst_ccb"] }).requestDecision(request([]), {
      signal: ctl.signal,
      budgetMs: 50,
    });
    ctl.abort();
    await expect(pending).rejects.toThrow("cancelled");
  });

  it("a slow bank's wait is cut short by the abort", async () => {
    const ctl = new AbortController();
    const started = Date.now();
    const pending = lender({ latencyMs: 10_000 }).requestDecision(request([]), { signal: ctl.signal, budgetMs: 50 });
    setTimeout(() => ctl.abort(), 20);
    await expect(pending).rejects.toThrow("cancelled");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("an institution the simulator does not serve fails (the core falls back to the manual queue)", async () => {
    await expect(lender({ institutions: ["inst_abc"] }).requestDecision(request([]), options())).rejects.toThrow(
      "no direct connection",
    );
  });

  it("the scorecard adds its points as documented", () => {
    expect(score([rec("tax.credit-grade", { grade: "M" })], false)).toEqual({ kind: "grade", grade: "C", score: 600 });
    expect(score([rec("tax.credit-grade", { grade: "M" })], true)).toEqual({ kind: "grade", grade: "C", score: 610 });
  });
});

describe("SIMULATOR real-estate registry", () => {
  const clock = new FixedClock("2026-03-02T02:00:00.000Z");
  const registry = new SimulatedRealEstateRegistry(
    { processingMs: 60_000, refuseWhenTitleContains: ["查封"], placeName: "龙岩市" },
    clock,
  );
  const submission = (title: string, id = "mreg_1") => ({
    registrationId: id,
    regionCode: "350800",
    institutionId: "inst_ccb",
    branchId: "inst_ccb_xinluo",
    titleCertificateNo: title,
    address: "新罗区",
    securedAmount: 100_000_00,
    mortgagor: shop,
  });

  it("files once per registration, answers pending, then registered with a certificate number", async () => {
    const { registryRef } = await registry.submit(submission("闽(2023)龙岩市不动产权第0007788号"));
    expect(await registry.submit(submission("闽(2023)龙岩市不动产权第0007788号"))).toEqual({ registryRef });
    expect(await registry.status(registryRef)).toEqual({ state: "pending" });
    clock.advance(60_000);
    const done = await registry.status(registryRef);
    expect(done).toMatchObject({ state: "registered", registeredAt: new Date("2026-03-02T02:01:00.000Z") });
    expect(done.state === "registered" && done.registrationCertificateNo).toMatch(
      /^闽\(2026\)龙岩市不动产证明第\d{7}号$/,
    );
  });

  it("refuses a seized property, and the answer survives a restart of the simulator", async () => {
    const { registryRef } = await registry.submit(submission("闽(2020)龙岩市不动产权第0000001号(查封)", "mreg_2"));
    const restarted = new SimulatedRealEstateRegistry(
      { processingMs: 60_000, refuseWhenTitleContains: ["查封"], placeName: "龙岩市" },
      clock,
    );
    expect(await restarted.status(registryRef)).toMatchObject({ state: "refused" });
    await expect(restarted.status("REG-nonsense")).rejects.toThrow("knows no filing");
  });
});

import { describe, expect, it } from "vitest";
import { asyncRefusalOf } from "../testing/errors.ts";
import { apply, useCases } from "../testing/flows.ts";
import { products } from "../testing/test-catalogue.ts";
import { createTestWorld, people, principals } from "../testing/test-world.ts";

async function demoMorning() {
  const world = await createTestWorld(); // Monday 2 March 2026, 10:00 in 龙岩
  const uc = useCases(world);
  const tea = await apply(uc, principals.teaCo, people.teaCo, products.xingshan); // 兴业, by hand
  const zhang = await apply(uc, principals.zhang, people.zhang, products.kuaidai, [
    "tax.paid",
    "unionpay.acquiring-flow",
  ]); // 建行, instant
  return { world, uc, tea: tea.application, zhang: zhang.application };
}

describe("银行机构对接实时通报 the regulator's live board", () => {
  it("the tea company left waiting three working days shows 兴业 as overdue for contact (demo story)", async () => {
    const { world, uc, tea } = await demoMorning();
    world.clock.set("2026-03-05T09:00:00Z"); // Thursday
    const board = await uc.getInstitutionReport.execute({ column: "overdue-for-contact" }, principals.regulator);
    expect(board.report.rows[0]).toMatchObject({ institutionId: "inst_cib", pending: 1, overdueForContact: 1 });
    expect(board.institutionNames.inst_cib?.zh).toBe("兴业银行龙岩分行");
    expect(board.list?.items.map((a) => a.id)).toEqual([tea.id]);
    expect(board.list?.items[0]?.contactMobile).toBe("139****1234");
    expect(board.report.rows.find((r) => r.institutionId === "inst_ccb")).toMatchObject({
      pending: 0,
      overdueForContact: 0,
    });
  });

  it("before Wednesday 24:00 the same application is pending but not overdue", async () => {
    const { world, uc } = await demoMorning();
    world.clock.set("2026-03-04T15:59:59Z");
    const board = await uc.getInstitutionReport.execute({}, principals.regulator);
    expect(board.report.totals).toMatchObject({ pending: 1, overdueForContact: 0 });
  });

  it("an institution sees only its own row and queue, whatever it asks for", async () => {
    const { uc } = await demoMorning();
    const own = await uc.getInstitutionReport.execute(
      { column: "open", institutionId: "inst_cib" },
      principals.ccbStaff,
    );
    expect(own.report.rows.map((r) => r.institutionId)).toEqual(["inst_ccb"]);
    expect(own.list?.items).toHaveLength(0);
  });

  it.each([
    ["a citizen", principals.zhang],
    ["宁德's regulator", principals.ningdeRegulator],
  ])("%s cannot read the board", async (_title, who) => {
    const { uc } = await demoMorning();
    expect(await asyncRefusalOf(uc.getInstitutionReport.execute({}, who))).toMatchObject({
      rule: "MKT-R09",
      kind: "forbidden",
    });
  });

  it("a notice (定期通报) freezes the board; later changes do not alter it", async () => {
    const { world, uc, tea } = await demoMorning();
    world.clock.set("2026-03-05T09:00:00Z");
    const notice = await uc.takeReportSnapshot.execute({ label: "2026-03 第1期" }, principals.regulator);
    expect(notice.report.totals.overdueForContact).toBe(1);
    await uc.recordApplicationOutcome.execute({ applicationId: tea.id, event: "contact" }, principals.cibStaff);
    const [stored] = await uc.takeReportSnapshot.list({}, principals.cibStaff);
    expect(stored?.report.totals.overdueForContact).toBe(1);
    expect(world.store.outbox.find((e) => e.type === "marketplace.report.snapshot-taken")?.payload).toMatchObject({
      label: "2026-03 第1期",
    });
    expect(await asyncRefusalOf(uc.takeReportSnapshot.execute({ label: "x" }, principals.cibStaff))).toMatchObject({
      kind: "forbidden",
    });
  });

  it("figures: 张师傅's instant approval counts as a financing and a first-loan borrower under 小店经济", async () => {
    const { uc } = await demoMorning();
    const byAction = await uc.getFigures.execute({ groupBy: "special-action" }, principals.regulator);
    expect(byAction.total).toMatchObject({
      financings: 1,
      firstLoanBorrowers: 1,
      amountGranted: 10_000_000,
      averagePerFinancing: 10_000_000,
    });
    expect(byAction.groups.map((g) => g.key)).toEqual(["first-loan", "small-shop"]);
    const cibOnly = await uc.getFigures.execute({}, principals.cibStaff);
    expect(cibOnly.total.financings).toBe(0);
    expect(await asyncRefusalOf(uc.getFigures.execute({ from: "2026-02-30" }, principals.regulator))).toMatchObject({
      rule: "KRN-R03",
      field: "from",
    });
  });
});

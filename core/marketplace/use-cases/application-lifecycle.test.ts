import { describe, expect, it } from "vitest";
import { asyncRefusalOf } from "../testing/errors.ts";
import { apply, footprint, useCases } from "../testing/flows.ts";
import { products } from "../testing/test-catalogue.ts";
import { createTestWorld, people, principals } from "../testing/test-world.ts";

async function teaApplication() {
  const world = await createTestWorld();
  const uc = useCases(world);
  const { application } = await apply(uc, principals.teaCo, people.teaCo, products.xingshan);
  return { world, uc, id: application.id };
}

describe("数据回流 outcome backflow and the applicant's own actions", () => {
  it("兴业 contacts, approves and disburses; each step is audited and announced", async () => {
    const { world, uc, id } = await teaApplication();
    world.clock.advanceMs(3_600_000);
    await uc.recordApplicationOutcome.execute({ applicationId: id, event: "contact" }, principals.cibStaff);
    const approved = await uc.recordApplicationOutcome.execute(
      { applicationId: id, event: "approve", amountGranted: 50_000_000, rateBp: 450, grantedTermMonths: 12 },
      principals.cibStaff,
    );
    expect(approved).toMatchObject({ state: "APPROVED", amountGranted: 50_000_000, rateBp: 450 });
    const disbursed = await uc.recordApplicationOutcome.execute(
      { applicationId: id, event: "disburse", amountDisbursed: 50_000_000 },
      principals.cibStaff,
    );
    expect(disbursed.state).toBe("DISBURSED");
    expect(world.store.outbox.slice(-3).map((e) => e.type)).toEqual([
      "marketplace.application.contacted",
      "marketplace.application.approved",
      "marketplace.application.disbursed",
    ]);
    expect(world.store.audit.slice(-3).map((e) => e.actor)).toEqual(["inst:cib/u1", "inst:cib/u1", "inst:cib/u1"]);
  });

  it("the addressed bank sees the contact mobile in full; a regulator sees it masked", async () => {
    const { uc, id } = await teaApplication();
    expect(
      (await uc.getApplication.execute({ applicationId: id }, principals.cibStaff)).application.contactMobile,
    ).toBe("13906901234");
    expect(
      (await uc.getApplication.execute({ applicationId: id }, principals.regulator)).application.contactMobile,
    ).toBe("139****1234");
  });

  it.each([
    ["another bank reads it", "getApplication", {}, principals.ccbStaff, "MKT-R09", "not_found"],
    [
      "another bank records an outcome",
      "recordApplicationOutcome",
      { event: "contact" },
      principals.ccbStaff,
      "MKT-R09",
      "not_found",
    ],
    ["another citizen withdraws it", "withdrawApplication", {}, principals.stranger, "MKT-R09", "not_found"],
    [
      "an approval above the product's maximum",
      "recordApplicationOutcome",
      { event: "approve", amountGranted: 500_000_001, rateBp: 450, grantedTermMonths: 12 },
      principals.cibStaff,
      "MKT-LIFECYCLE",
      "validation",
    ],
    [
      "a disbursement before approval",
      "recordApplicationOutcome",
      { event: "disburse", amountDisbursed: 1 },
      principals.cibStaff,
      "MKT-LIFECYCLE",
      "conflict",
    ],
    [
      "a rejection without a reason",
      "recordApplicationOutcome",
      { event: "reject" },
      principals.cibStaff,
      "MKT-LIFECYCLE",
      "validation",
    ],
    [
      "an unknown event",
      "recordApplicationOutcome",
      { event: "celebrate" },
      principals.cibStaff,
      "MKT-LIFECYCLE",
      "validation",
    ],
  ] as const)("refuses when %s, changing nothing", async (_title, useCase, extra, who, rule, kind) => {
    const { world, uc, id } = await teaApplication();
    const before = footprint(world);
    const call = (uc[useCase] as { execute(i: unknown, p: unknown): Promise<unknown> }).execute(
      { applicationId: id, ...extra },
      who,
    );
    expect(await asyncRefusalOf(call)).toMatchObject({ rule, kind });
    expect(footprint(world)).toEqual(before);
  });

  it("a disbursement above the approved amount is refused", async () => {
    const { uc, id } = await teaApplication();
    await uc.recordApplicationOutcome.execute(
      { applicationId: id, event: "approve", amountGranted: 20_000_000, rateBp: 450, grantedTermMonths: 12 },
      principals.cibStaff,
    );
    expect(
      await asyncRefusalOf(
        uc.recordApplicationOutcome.execute(
          { applicationId: id, event: "disburse", amountDisbursed: 20_000_001 },
          principals.cibStaff,
        ),
      ),
    ).toMatchObject({ rule: "MKT-LIFECYCLE", field: "amountDisbursed" });
  });

  it("the applicant withdraws an open application; withdrawing a concluded one is a conflict naming the lifecycle", async () => {
    const { world, uc, id } = await teaApplication();
    const withdrawn = await uc.withdrawApplication.execute(
      { applicationId: id, reason: "found other funding" },
      principals.teaCo,
    );
    expect(withdrawn.state).toBe("WITHDRAWN");
    const before = footprint(world);
    expect(await asyncRefusalOf(uc.withdrawApplication.execute({ applicationId: id }, principals.teaCo))).toMatchObject(
      {
        rule: "MKT-LIFECYCLE",
        kind: "conflict",
      },
    );
    expect(footprint(world)).toEqual(before);
  });

  it("the applicant declines an approved offer through the bank; it is then no financing", async () => {
    const { uc, id } = await teaApplication();
    await uc.recordApplicationOutcome.execute(
      { applicationId: id, event: "approve", amountGranted: 20_000_000, rateBp: 450, grantedTermMonths: 12 },
      principals.cibStaff,
    );
    await uc.recordApplicationOutcome.execute({ applicationId: id, event: "decline" }, principals.cibStaff);
    expect((await uc.getFigures.execute({}, principals.regulator)).total.financings).toBe(0);
  });
});

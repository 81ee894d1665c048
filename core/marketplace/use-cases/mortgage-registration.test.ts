import { describe, expect, it } from "vitest";
import { asyncRefusalOf } from "../testing/errors.ts";
import { apply, useCases } from "../testing/flows.ts";
import { products } from "../testing/test-catalogue.ts";
import { createTestWorld, people, principals } from "../testing/test-world.ts";

const house = products.houseLoan;

async function approvedMortgage() {
  const world = await createTestWorld();
  const uc = useCases(world);
  const { application } = await apply(uc, principals.teaCo, people.teaCo, house, undefined, { amount: 100_000_000 });
  await uc.recordApplicationOutcome.execute(
    { applicationId: application.id, event: "approve", amountGranted: 80_000_000, rateBp: 420, grantedTermMonths: 60 },
    principals.lyrcbStaff,
  );
  return { world, uc, applicationId: application.id };
}

const property = { titleCertificateNo: "闽(2024)龙岩市不动产权第0012345号", address: "龙岩市新罗区龙岩大道 1 号" };

describe("抵押登记云办理 online mortgage registration", () => {
  it("requested by the lender, signed at its branch, submitted to the registry, registered — no trip to the registry", async () => {
    const { world, uc, applicationId } = await approvedMortgage();
    const reg = await uc.requestMortgageRegistration.execute(
      { applicationId, ...property, securedAmount: 80_000_000 },
      principals.lyrcbStaff,
    );
    expect(reg.state).toBe("REQUESTED");
    const signed = await uc.signMortgageAtBranch.execute(
      { registrationId: reg.id, branchId: "inst_lyrcb_xinluo" },
      principals.lyrcbStaff,
    );
    expect(signed).toMatchObject({ state: "SIGNED_AT_BRANCH", branchId: "inst_lyrcb_xinluo" });
    const submitted = await uc.submitMortgageRegistration.submit({ registrationId: reg.id }, principals.admin);
    expect(submitted).toMatchObject({ state: "SUBMITTED", registryRef: `REG-${reg.id}`, attempts: 1 });
    expect(world.registry.submissions[0]).toMatchObject({
      branchId: "inst_lyrcb_xinluo",
      mortgagor: { idNumber: people.teaCo.idNumber },
    });
    expect(await uc.submitMortgageRegistration.sync({ registrationId: reg.id }, principals.admin)).toMatchObject({
      state: "SUBMITTED",
    });
    world.registry.statusByRef.set(`REG-${reg.id}`, {
      state: "registered",
      registrationCertificateNo: "闽(2026)龙岩市不动产证明第0000001号",
      registeredAt: new Date("2026-03-03T08:00:00Z"),
    });
    const done = await uc.submitMortgageRegistration.sync({ registrationId: reg.id }, principals.lyrcbStaff);
    expect(done).toMatchObject({
      state: "REGISTERED",
      registrationCertificateNo: "闽(2026)龙岩市不动产证明第0000001号",
    });
    const view = await uc.getApplication.execute({ applicationId }, principals.teaCo);
    expect(view.mortgageRegistration?.state).toBe("REGISTERED");
  });

  it("a registry that does not answer leaves the registration waiting, visibly, and it can be retried", async () => {
    const { world, uc, applicationId } = await approvedMortgage();
    const reg = await uc.requestMortgageRegistration.execute(
      { applicationId, ...property, securedAmount: 80_000_000 },
      principals.lyrcbStaff,
    );
    await uc.signMortgageAtBranch.execute(
      { registrationId: reg.id, branchId: "inst_lyrcb_xinluo" },
      principals.lyrcbStaff,
    );
    world.registry.failWith = new Error("registry down");
    const waiting = await uc.submitMortgageRegistration.submit({ registrationId: reg.id }, principals.admin);
    expect(waiting).toMatchObject({ state: "SIGNED_AT_BRANCH", attempts: 1, lastError: "registry down" });
    world.registry.failWith = undefined;
    expect(await uc.submitMortgageRegistration.submit({ registrationId: reg.id }, principals.admin)).toMatchObject({
      state: "SUBMITTED",
      attempts: 2,
      lastError: null,
    });
  });

  it("refuses a registration for a credit (not mortgage) product", async () => {
    const { uc } = await approvedMortgage();
    const { application } = await apply(uc, principals.teaCo, people.teaCo, products.xingshan);
    await uc.recordApplicationOutcome.execute(
      {
        applicationId: application.id,
        event: "approve",
        amountGranted: 20_000_000,
        rateBp: 450,
        grantedTermMonths: 12,
      },
      principals.cibStaff,
    );
    const input = { applicationId: application.id, ...property, securedAmount: 10_000_000 };
    expect(await asyncRefusalOf(uc.requestMortgageRegistration.execute(input, principals.cibStaff))).toMatchObject({
      rule: "MKT-MORTGAGE",
      field: "applicationId",
    });
  });

  it("refuses a secured amount above the approved amount", async () => {
    const { uc, applicationId } = await approvedMortgage();
    const input = { applicationId, ...property, securedAmount: 80_000_001 };
    expect(await asyncRefusalOf(uc.requestMortgageRegistration.execute(input, principals.lyrcbStaff))).toMatchObject({
      rule: "MKT-MORTGAGE",
      field: "securedAmount",
    });
  });

  it("another bank cannot open a registration for the application (not found)", async () => {
    const { uc, applicationId } = await approvedMortgage();
    const input = { applicationId, ...property, securedAmount: 10_000_000 };
    expect(await asyncRefusalOf(uc.requestMortgageRegistration.execute(input, principals.cibStaff))).toMatchObject({
      rule: "MKT-R09",
      kind: "not_found",
    });
  });

  it("submitting before the borrower signed, or registering twice for one application, is a conflict", async () => {
    const { uc, applicationId } = await approvedMortgage();
    const reg = await uc.requestMortgageRegistration.execute(
      { applicationId, ...property, securedAmount: 80_000_000 },
      principals.lyrcbStaff,
    );
    expect(
      await asyncRefusalOf(uc.submitMortgageRegistration.submit({ registrationId: reg.id }, principals.admin)),
    ).toMatchObject({
      rule: "MKT-MORTGAGE",
      kind: "conflict",
    });
    expect(
      await asyncRefusalOf(
        uc.requestMortgageRegistration.execute({ applicationId, ...property, securedAmount: 1 }, principals.lyrcbStaff),
      ),
    ).toMatchObject({ rule: "MKT-MORTGAGE", kind: "conflict" });
  });
});

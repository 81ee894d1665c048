import { describe, expect, it } from "vitest";
import type { CreditDataRecord } from "../domain/credit-data.ts";
import type { DataNeed } from "../domain/product.ts";
import { asyncRefusalOf } from "../testing/errors.ts";
import { useCases } from "../testing/flows.ts";
import { createTestWorld, proved } from "../testing/test-world.ts";

/**
 * Machinery credit (农机云贷) reuses the marketplace's consent and minimisation: one consent
 * naming the bank, purpose, categories and expiry; its own data fetcher (the subsidy system);
 * the push in the same log the subject reads and revokes from.
 */
const WANG = { idKind: "resident-id" as const, idNumber: "350821199007024029" };
const needs: DataNeed[] = [
  {
    category: "agri.machinery-subsidy",
    purpose: "农机购置补贴，评分卡 / subsidy records for the scorecard",
    required: true,
  },
  { category: "finance.loan-records", purpose: "现有贷款 / current loans", required: false },
];
const purpose = {
  module: "machinery-credit",
  kind: "credit-line-application",
  ref: "mcl_app_1",
  text: "申请 农机云贷",
};
const wang = {
  id: "citizen:wang",
  roles: ["citizen" as const],
  regionCodes: ["350800"],
  subjectRef: "acct_wang",
  identities: proved(WANG),
};

const subsidySystem = async (req: {
  subject: { idNumber: string };
  period: { to: string };
}): Promise<CreditDataRecord[]> => [
  {
    category: "agri.machinery-subsidy",
    subjectId: req.subject.idNumber,
    observedOn: "2024-04-15",
    fields: { machine: "插秧机", price: 3_800_000 },
  },
  {
    category: "agri.machinery-subsidy",
    subjectId: req.subject.idNumber,
    observedOn: "2025-05-20",
    fields: { machine: "植保无人机", price: 5_600_000 },
  },
  { category: "agri.land-contract", subjectId: req.subject.idNumber, observedOn: "2025-01-01", fields: { leak: true } },
];

describe("MKT-R01..R03 reused by another module (machinery credit)", () => {
  it("a consent for the bank and purpose, then a release through the module's own fetcher, logged for the subject", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const consent = await uc.grantDataConsent.execute(
      { recipientInstitutionId: "inst_ccb", purpose, subject: WANG, categories: ["agri.machinery-subsidy"] },
      wang,
      { needs },
    );
    const { push, content } = await uc.releaseData.execute(
      {
        consentId: consent.id,
        subject: WANG,
        recipientInstitutionId: "inst_ccb",
        purpose,
        needs,
        applicationId: "mcl_app_1",
      },
      wang,
      subsidySystem,
    );
    expect(push.categories).toEqual(["agri.machinery-subsidy"]);
    expect(content.records.map((r) => r.fields.machine)).toEqual(["插秧机", "植保无人机"]);
    const mine = await uc.listMyData.execute({}, wang);
    expect(mine.pushes.map((p) => [p.purpose.module, p.recipientName.zh])).toEqual([
      ["machinery-credit", "中国建设银行龙岩分行"],
    ]);
    expect(world.creditData.calls).toHaveLength(0);
  });

  it("a consent cannot name a category the module does not need", async () => {
    const world = await createTestWorld();
    const refusal = await asyncRefusalOf(
      useCases(world).grantDataConsent.execute(
        {
          recipientInstitutionId: "inst_ccb",
          purpose,
          subject: WANG,
          categories: ["agri.machinery-subsidy", "court.judgments"],
        },
        wang,
        { needs },
      ),
    );
    expect(refusal).toMatchObject({ rule: "MKT-R02", field: "categories" });
  });

  it("a consent for an unknown recipient is refused", async () => {
    const world = await createTestWorld();
    const refusal = await asyncRefusalOf(
      useCases(world).grantDataConsent.execute(
        { recipientInstitutionId: "inst_nowhere", purpose, subject: WANG, categories: ["agri.machinery-subsidy"] },
        wang,
        { needs },
      ),
    );
    expect(refusal).toMatchObject({ rule: "MKT-R01", kind: "not_found", field: "recipientInstitutionId" });
  });

  it("a release to another bank than consented is refused and nothing is fetched or logged", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const consent = await uc.grantDataConsent.execute(
      { recipientInstitutionId: "inst_ccb", purpose, subject: WANG, categories: ["agri.machinery-subsidy"] },
      wang,
      { needs },
    );
    let fetched = 0;
    const refusal = await asyncRefusalOf(
      uc.releaseData.execute(
        { consentId: consent.id, subject: WANG, recipientInstitutionId: "inst_abc", purpose, needs },
        wang,
        async () => {
          fetched++;
          return [];
        },
      ),
    );
    expect(refusal).toMatchObject({ rule: "MKT-R01", field: "consentId" });
    expect(fetched).toBe(0);
    expect(world.store.state.pushes.size).toBe(0);
  });
});

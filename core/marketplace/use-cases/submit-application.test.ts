import { describe, expect, it } from "vitest";
import { asyncRefusalOf } from "../testing/errors.ts";
import { applicationInput, apply, consentTo, footprint, useCases } from "../testing/flows.ts";
import { products } from "../testing/test-catalogue.ts";
import { createTestWorld, people, principals } from "../testing/test-world.ts";

describe("申请 submit an application (MKT-R01..R07 together)", () => {
  it("张师傅 consents to tax, UnionPay flow and social insurance only and gets an instant 小店经济 decision, his first loan", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const consented = ["tax.paid", "unionpay.acquiring-flow", "social.insurance-paid"];
    const result = await apply(uc, principals.zhang, people.zhang, products.kuaidai, consented);

    expect(result.application.state).toBe("APPROVED");
    expect(result.application.firstLoan).toBe(true);
    expect(result.application.amountGranted).toBe(10_000_000);
    expect(result.application.instantDecision?.outcome).toBe("approved");
    expect(result.push.categories).toEqual([...consented].sort());
    const sent = world.lenders.calls[0];
    expect(sent?.push.categories).toEqual([...consented].sort());
    expect(new Set(sent?.push.records.map((r) => r.category))).toEqual(new Set(consented));
    expect(sent?.applicant.idNumber).toBe(people.zhang.idNumber);
  });

  it("兴业 兴闪贷 is worked by hand: the tea company's application waits SUBMITTED with its contact deadline", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const { application, push } = await apply(uc, principals.teaCo, people.teaCo, products.xingshan);
    expect(application.state).toBe("SUBMITTED");
    expect(application.contactDueAt.toISOString()).toBe("2026-03-04T16:00:00.000Z");
    expect(application.concludeDueAt.toISOString()).toBe("2026-03-23T16:00:00.000Z");
    expect(application.source).toBe("web");
    expect(world.lenders.calls).toHaveLength(0);
    const stored = world.store.state.pushes.get(push.id);
    expect(stored).toMatchObject({
      consentId: application.consentId,
      recipientInstitutionId: "inst_cib",
      applicationId: application.id,
    });
    expect(stored?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the application, push log, audit entries and outbox events are written together", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    await apply(uc, principals.teaCo, people.teaCo, products.xingshan);
    expect(world.store.audit.map((a) => a.action)).toEqual([
      "marketplace.consent.grant",
      "marketplace.data.push",
      "marketplace.application.submit",
    ]);
    expect(world.store.outbox.map((e) => e.type)).toEqual([
      "marketplace.consent.granted",
      "marketplace.data.pushed",
      "marketplace.application.submitted",
    ]);
    const text = JSON.stringify([world.store.audit, world.store.outbox]);
    expect(text).not.toContain(people.teaCo.idNumber);
    expect(text).not.toContain(people.teaCo.mobile);
  });

  it("an applicant with a loan record is not a first-loan applicant (MKT-R07)", async () => {
    const world = await createTestWorld();
    world.creditData.loansBySubject.set(people.teaCo.idNumber, 2);
    const { application } = await apply(useCases(world), principals.teaCo, people.teaCo, products.xingshan);
    expect(application.firstLoan).toBe(false);
  });

  it("a careless data source's extra records (other subject, other category, outside the period) never reach the bank", async () => {
    const world = await createTestWorld();
    world.creditData.leaky = true;
    const consented = ["tax.paid", "unionpay.acquiring-flow"];
    await apply(useCases(world), principals.zhang, people.zhang, products.kuaidai, consented);
    const records = world.lenders.calls[0]?.push.records ?? [];
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r.subjectId).toBe(people.zhang.idNumber);
      expect(consented).toContain(r.category);
      expect(r.observedOn >= "2024-03-02" && r.observedOn <= "2026-03-02").toBe(true);
    }
  });

  it("a consent revoked while the data was being fetched stops the push: nothing is written", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const consent = await consentTo(uc, principals.teaCo, people.teaCo, products.xingshan);
    const before = footprint(world);
    const fetch = world.creditData.fetch.bind(world.creditData);
    let revoked = false;
    world.creditData.fetch = async (req) => {
      if (!revoked) {
        revoked = true;
        await uc.revokeConsent.execute({ consentId: consent.id }, principals.teaCo);
      }
      return fetch(req);
    };
    const refusal = await asyncRefusalOf(
      uc.submitApplication.execute(applicationInput(people.teaCo, products.xingshan, consent.id), principals.teaCo),
    );
    expect(refusal).toMatchObject({ rule: "MKT-R01", field: "consentId" });
    const after = footprint(world);
    expect(after.pushes).toEqual(before.pushes);
    expect(after.applications).toEqual(before.applications);
  });

  it("a failure at commit leaves no application, no push, no audit entry and no event", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const consent = await consentTo(uc, principals.teaCo, people.teaCo, products.xingshan);
    const before = footprint(world);
    // the data is fetched just before the one writing transaction: make that transaction fail
    const fetch = world.creditData.fetch.bind(world.creditData);
    world.creditData.fetch = async (req) => {
      world.store.failNextCommit = new Error("disk full");
      return fetch(req);
    };
    const submit = uc.submitApplication.execute(
      applicationInput(people.teaCo, products.xingshan, consent.id),
      principals.teaCo,
    );
    await expect(submit).rejects.toThrow("disk full");
    expect(footprint(world)).toEqual(before);
  });

  it("a data source that does not answer refuses the application with a 503 naming KRN-R10, writing nothing", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const consent = await consentTo(uc, principals.teaCo, people.teaCo, products.xingshan);
    world.creditData.failWith = new Error("timeout");
    const before = footprint(world);
    const refusal = await asyncRefusalOf(
      uc.submitApplication.execute(applicationInput(people.teaCo, products.xingshan, consent.id), principals.teaCo),
    );
    expect(refusal).toMatchObject({ rule: "KRN-R10", kind: "unavailable" });
    expect(footprint(world)).toEqual(before);
  });
});

import { describe, expect, it } from "vitest";
import { linHolder, onRegistry } from "../testing/scenarios.ts";
import { demoIds, factorsTestbed, demoPrincipals as who } from "../testing/testbed.ts";
import { activateFactor } from "./activate-factor.ts";
import { confirmFactor } from "./confirm-factor.ts";
import { getFactorHistory } from "./get-factor-history.ts";
import { lodgeObjection } from "./lodge-objection.ts";
import { type RegisterFactorInput, registerFactor } from "./register-factor.ts";
import { resolveObjection } from "./resolve-objection.ts";
import { submitFactor } from "./submit-factor.ts";

const house: RegisterFactorInput = {
  countyCode: "350921",
  typeCode: "A07",
  holder: { kind: "person", idNumber: demoIds.huang, name: "黄先生" },
  title: "农村住房",
  location: "霞浦县三沙镇",
  quantity: "120",
  certificateNo: "闽(2020)霞浦县不动产权第0012345号",
};
const orchard: RegisterFactorInput = {
  countyCode: "350981",
  typeCode: "A02",
  holder: linHolder,
  title: "果园大棚",
  location: "福安市穆阳镇 果园 3 号棚",
  quantity: "800",
};

describe("FAC-R01 确权 / FAC-R02 公示: registration to an active factor", () => {
  it("a house confirmed by the real-estate registry is publicised for 7 days, then becomes active", async () => {
    const tb = factorsTestbed();
    onRegistry(tb, house, demoIds.huang, {
      encumbrances: [{ creditor: "某小贷公司", amount: 20_000_00, recordedOn: "2024-05-01" }],
    });
    const draft = await registerFactor(tb.deps, who.huang, house);
    expect(draft.status).toBe("DRAFT");
    const submitted = await submitFactor(tb.deps, who.huang, { factorId: draft.id });
    expect(submitted.outcome).toBe("publicised");
    expect(submitted.factor.status).toBe("PUBLICISED");
    expect(submitted.factor.noticeClosesOn).toBe("2026-03-09");
    expect(submitted.factor.offPlatformClaims).toEqual([expect.objectContaining({ amount: 20_000_00 })]);
    expect(tb.registry.queries[0]?.registryKind).toBe("real_estate");

    await expect(activateFactor(tb.deps, who.huang, { factorId: draft.id })).rejects.toMatchObject({
      ruleId: "FAC-R02",
    });
    tb.clock.advanceDays(8);
    const active = await activateFactor(tb.deps, who.huang, { factorId: draft.id });
    expect(active.status).toBe("ACTIVE");

    const history = await getFactorHistory(tb.deps, who.huang, { factorId: draft.id });
    expect(history.events.map((e) => e.kind)).toEqual([
      "registered",
      "submitted",
      "confirmed",
      "publicised",
      "activated",
    ]);
    expect(history.events.every((e) => e.actor === who.huang.id && e.at.length === 24)).toBe(true);
    expect(tb.store.state.audit.length).toBeGreaterThanOrEqual(5);
    expect(tb.store.state.outbox.map((e) => e.type)).toContain("factors.factor.publicised");
  });

  it("no ID number, ciphertext or blind index leaves the core", async () => {
    const tb = factorsTestbed();
    const draft = await registerFactor(tb.deps, who.huang, house);
    const text = JSON.stringify(draft);
    expect(text).not.toContain(demoIds.huang);
    expect(text).not.toContain("enc:");
    expect(text).not.toContain("bi:");
    expect(text).not.toContain(who.huang.subjectRef);
    expect(JSON.stringify(tb.store.state.audit)).not.toContain(demoIds.huang);
  });

  it("a holder the registry does not record refuses the submission: 422 naming FAC-R01, nothing written", async () => {
    const tb = factorsTestbed();
    onRegistry(tb, house, demoIds.chen);
    const draft = await registerFactor(tb.deps, who.huang, house);
    const before = tb.snapshot();
    await expect(submitFactor(tb.deps, who.huang, { factorId: draft.id })).rejects.toMatchObject({
      ruleId: "FAC-R01",
      field: "holder",
      kind: "validation",
    });
    expect(tb.snapshot()).toBe(before);
  });

  it("Fu'an's orchard greenhouse (无证) is confirmed by the agriculture bureau, which may take its time", async () => {
    const tb = factorsTestbed();
    tb.registry.records.set(orchard.location, { status: "pending" });
    const draft = await registerFactor(tb.deps, who.lin, orchard);
    const first = await submitFactor(tb.deps, who.lin, { factorId: draft.id });
    expect(first.outcome).toBe("awaiting_department");
    expect(first.factor.status).toBe("SUBMITTED");
    expect(tb.registry.queries[0]).toMatchObject({ registryKind: "department", departmentId: "fuan-agri" });

    onRegistry(tb, orchard, demoIds.lin);
    const later = await confirmFactor(tb.deps, who.fuanOfficial, { factorId: draft.id });
    expect(later.outcome).toBe("publicised");
  });

  it("a registry that does not answer leaves the factor visibly waiting; a later mismatch rejects it on record", async () => {
    const tb = factorsTestbed();
    tb.registry.down = true;
    const draft = await registerFactor(tb.deps, who.huang, house);
    expect((await submitFactor(tb.deps, who.huang, { factorId: draft.id })).outcome).toBe("awaiting_registry");
    tb.registry.down = false;
    onRegistry(tb, house, demoIds.chen);
    const r = await confirmFactor(tb.deps, who.admin, { factorId: draft.id });
    expect(r.outcome).toBe("rejected");
    const history = await getFactorHistory(tb.deps, who.admin, { factorId: draft.id });
    expect(history.events.at(-1)).toMatchObject({
      kind: "rejected",
      ruleId: "FAC-R01",
      data: { reason: "holder_mismatch" },
    });
  });

  it("an objection during notice disputes the factor until the county decides; dismissed after notice, it becomes active", async () => {
    const tb = factorsTestbed();
    onRegistry(tb, house, demoIds.huang);
    const draft = await registerFactor(tb.deps, who.huang, house);
    await submitFactor(tb.deps, who.huang, { factorId: draft.id });
    const { objection, factor } = await lodgeObjection(tb.deps, who.chen, {
      factorId: draft.id,
      grounds: "该房屋为家庭共有",
    });
    expect(factor.status).toBe("DISPUTED");
    await expect(activateFactor(tb.deps, who.huang, { factorId: draft.id })).rejects.toMatchObject({
      ruleId: "FAC-R02",
    });
    tb.clock.advanceDays(10);
    await expect(lodgeObjection(tb.deps, who.chen, { factorId: draft.id, grounds: "again" })).rejects.toMatchObject({
      ruleId: "FAC-R02",
      kind: "conflict",
    });
    await expect(
      resolveObjection(tb.deps, who.chen, {
        factorId: draft.id,
        objectionId: objection.id,
        decision: "dismissed",
        reason: "x",
      }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    const decided = await resolveObjection(tb.deps, who.regulator, {
      factorId: draft.id,
      objectionId: objection.id,
      decision: "dismissed",
      reason: "共有人已书面同意",
    });
    expect(decided.factor.status).toBe("ACTIVE");
  });

  it("an upheld objection rejects the factor", async () => {
    const tb = factorsTestbed();
    onRegistry(tb, house, demoIds.huang);
    const draft = await registerFactor(tb.deps, who.huang, house);
    await submitFactor(tb.deps, who.huang, { factorId: draft.id });
    const { objection } = await lodgeObjection(tb.deps, who.chen, { factorId: draft.id, grounds: "权属争议" });
    const r = await resolveObjection(tb.deps, who.regulator, {
      factorId: draft.id,
      objectionId: objection.id,
      decision: "upheld",
      reason: "权属争议属实",
    });
    expect(r.factor.status).toBe("REJECTED");
  });

  it.each([
    [
      "a resident ID failing its check digit",
      { holder: { ...house.holder, idNumber: "350921198204205031" } },
      "KRN-ID",
      "holder.idNumber",
    ],
    ["a county outside Ningde", { countyCode: "350802" }, "FAC-R01", "countyCode"],
    ["a type not in the catalogue", { typeCode: "A99" }, "FAC-R01", "typeCode"],
    ["a certified type without its certificate number", { certificateNo: null }, "FAC-R01", "certificateNo"],
    ["a fish raft without its sea-area site", { typeCode: "A01", siteRef: null }, "FAC-R03", "siteRef"],
    ["a quantity that is not a number", { quantity: "十二" }, "FAC-R04", "quantity"],
    ["an unknown field type", { title: 42 }, "KRN-R11", "title"],
  ])("registration with %s is refused, naming the rule and field", async (_t, change, ruleId, field) => {
    const tb = factorsTestbed();
    const before = tb.snapshot();
    await expect(registerFactor(tb.deps, who.huang, { ...house, ...change })).rejects.toMatchObject({ ruleId, field });
    expect(tb.snapshot()).toBe(before);
  });

  it.each([
    ["a citizen who has not done 实名认证", { ...who.huang, identities: [] }],
    ["a citizen who proved another person (陈姐 registering 黄先生's house)", who.chen],
  ])("%s may not register someone's factor: 403 FAC-R01 on holder.idNumber, nothing written", async (_t, p) => {
    const tb = factorsTestbed();
    const before = tb.snapshot();
    await expect(registerFactor(tb.deps, p, house)).rejects.toMatchObject({
      ruleId: "FAC-R01",
      kind: "forbidden",
      field: "holder.idNumber",
    });
    expect(tb.snapshot()).toBe(before);
  });

  it("a bank acting for a holder it checked registers the factor without 实名认证 of its own", async () => {
    const tb = factorsTestbed();
    await expect(registerFactor(tb.deps, who.ruralBank, house)).resolves.toMatchObject({ status: "DRAFT" });
  });

  it("someone else's draft reads as not found", async () => {
    const tb = factorsTestbed();
    const draft = await registerFactor(tb.deps, who.huang, house);
    await expect(submitFactor(tb.deps, who.chen, { factorId: draft.id })).rejects.toMatchObject({ kind: "not_found" });
    await expect(getFactorHistory(tb.deps, who.ruralBank, { factorId: draft.id })).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(getFactorHistory(tb.deps, who.regulator, { factorId: draft.id })).resolves.toBeTruthy();
  });
});

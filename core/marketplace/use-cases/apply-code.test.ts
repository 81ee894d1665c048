import { describe, expect, it } from "vitest";
import { asyncRefusalOf } from "../testing/errors.ts";
import { apply, footprint, useCases } from "../testing/flows.ts";
import { products } from "../testing/test-catalogue.ts";
import { createTestWorld, people, principals } from "../testing/test-world.ts";

describe("MKT-R08 码上贷 QR codes, end to end", () => {
  it("张师傅 scans the code in his shop: the scan and the application are counted, the branch and manager carried over", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const { code, token } = await uc.issueApplyCode.execute(
      { productId: products.kuaidai.id, branchId: "inst_ccb_xinluo", managerId: "mgr-007" },
      principals.ccbStaff,
    );
    expect(code.expiresAt.toISOString()).toBe("2026-05-31T16:00:00.000Z");
    const prefill = await uc.scanApplyCode.execute({ token });
    expect(prefill).toMatchObject({
      productId: products.kuaidai.id,
      branchId: "inst_ccb_xinluo",
      managerId: "mgr-007",
    });
    const { application } = await apply(uc, principals.zhang, people.zhang, products.kuaidai, undefined, {
      applyCodeToken: token,
    });
    expect(application).toMatchObject({
      source: "qr",
      applyCodeId: code.id,
      branchId: "inst_ccb_xinluo",
      managerId: "mgr-007",
    });
    expect(await uc.manageApplyCode.get({ applyCodeId: code.id }, principals.ccbStaff)).toMatchObject({
      scans: 1,
      applications: 1,
    });
  });

  it.each([
    ["a tampered signature", (t: string) => `${t.slice(0, -1)}${t.endsWith("0") ? "1" : "0"}`, "tampered"],
    [
      "a stretched expiry",
      (t: string) => t.replace(/\.(\d+)\.(k1_[0-9a-f]+)$/, (_m, s, sig) => `.${Number(s) + 86_400}.${sig}`),
      "tampered",
    ],
    ["a different product", (t: string) => t.replace("prd_ccb_kuaidai", "prd_abc_xinglin"), "tampered"],
  ])("a code with %s is refused and counts nothing", async (_title, tamper, words) => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const { token } = await uc.issueApplyCode.execute({ productId: products.kuaidai.id }, principals.ccbStaff);
    const before = footprint(world);
    const refusal = await asyncRefusalOf(uc.scanApplyCode.execute({ token: tamper(token) }));
    expect(refusal).toMatchObject({ rule: "MKT-R08", field: "token" });
    expect(refusal?.message).toContain(words);
    expect(footprint(world)).toEqual(before);
  });

  it("an expired code is refused; a withdrawn code is refused", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const a = await uc.issueApplyCode.execute({ productId: products.kuaidai.id, validDays: 1 }, principals.ccbStaff);
    const b = await uc.issueApplyCode.execute({ productId: products.kuaidai.id }, principals.ccbStaff);
    await uc.manageApplyCode.withdraw({ applyCodeId: b.code.id }, principals.ccbStaff);
    expect((await asyncRefusalOf(uc.scanApplyCode.execute({ token: b.token })))?.message).toContain("withdrawn");
    world.clock.advanceMs(2 * 86_400_000);
    expect((await asyncRefusalOf(uc.scanApplyCode.execute({ token: a.token })))?.message).toContain("expired");
  });

  it("a code signed with another key is refused", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const { token } = await uc.issueApplyCode.execute({ productId: products.kuaidai.id }, principals.ccbStaff);
    (world.signer as { key: string }).key = "rotated-away";
    expect(await asyncRefusalOf(uc.scanApplyCode.execute({ token }))).toMatchObject({ rule: "MKT-R08" });
  });

  it.each([
    ["another bank's product", { productId: products.xingshan.id }, "MKT-R09", "not_found"],
    [
      "a branch of another bank",
      { productId: products.kuaidai.id, branchId: "inst_cib_xinluo" },
      "MKT-R08",
      "validation",
    ],
    [
      "a validity above the pack's maximum",
      { productId: products.kuaidai.id, validDays: 400 },
      "MKT-R08",
      "validation",
    ],
    ["a manager code with a dot", { productId: products.kuaidai.id, managerId: "mgr.7" }, "MKT-R08", "validation"],
  ])("a bank cannot issue a code for %s", async (_title, input, rule, kind) => {
    const world = await createTestWorld();
    expect(await asyncRefusalOf(useCases(world).issueApplyCode.execute(input, principals.ccbStaff))).toMatchObject({
      rule,
      kind,
    });
  });
});

import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { factorsPolicySchema } from "./policy.ts";
import { ningdeFactorsPolicy } from "./policy-defaults.ts";

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function firstIssue(pack: unknown): { path: string | null; message: string } | null {
  const r = v.safeParse(factorsPolicySchema, pack);
  if (r.success) return null;
  const issue = r.issues[0];
  return { path: v.getDotPath(issue), message: issue.message };
}

describe("KRN-R12 宁德 factors policy pack", () => {
  it("the Ningde default pack passes its schema", () => {
    expect(firstIssue(ningdeFactorsPolicy)).toBe(null);
  });

  it("holds 4 categories and 23 factor types (seed: 4大类23个品类)", () => {
    const types = Object.entries(ningdeFactorsPolicy.catalogue);
    expect(types.length).toBe(23);
    expect(new Set(types.map(([, t]) => t.category))).toEqual(new Set(["A", "R", "I", "L"]));
    expect(types.filter(([, t]) => t.category === "A").length).toBe(8);
    expect(types.filter(([, t]) => t.category === "R").length).toBe(8);
    expect(types.filter(([, t]) => t.category === "I").length).toBe(4);
    expect(types.filter(([, t]) => t.category === "L").length).toBe(3);
  });

  it("has Ningde's 9 counties, 6 of them with a collection company, among them 霞浦 福宁海投 and 屏南 八百", () => {
    const counties = ningdeFactorsPolicy.counties;
    expect(Object.keys(counties).sort()).toEqual(
      ["350902", "350921", "350922", "350923", "350924", "350925", "350926", "350981", "350982"].sort(),
    );
    const withCompany = Object.entries(counties).filter(([, c]) => c.collectionCompany[0]?.value !== null);
    expect(withCompany.length).toBe(6);
    expect(counties["350921"]?.collectionCompany[0]?.value?.name.zh).toBe("霞浦县福宁海投公司");
    expect(counties["350923"]?.collectionCompany[0]?.value?.name.zh).toBe("屏南县八百公司");
  });

  it("names the departments that confirm Fu'an's eight non-standard (无证) types", () => {
    const depts = ningdeFactorsPolicy.counties["350981"]?.confirmingDepartments ?? {};
    expect(Object.keys(depts).length).toBe(8);
    expect(depts.A02?.[0]?.value.name.zh).toBe("福安市农业农村局");
    expect(depts.R07?.[0]?.value.name.zh).toBe("福安市海洋与渔业局");
  });

  it("every default value names its source document", () => {
    const sources: string[] = [];
    JSON.stringify(ningdeFactorsPolicy, (key, value) => {
      if (key === "source") sources.push(value as string);
      return value;
    });
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.every((s) => s.length > 10)).toBe(true);
  });

  it.each([
    {
      title: "sharing ratios that add to 90 %",
      edit: (p: any) => {
        p.riskSharing.defaultAgreement[0].value.sharesBp.bank = 1000;
      },
      path: "riskSharing.defaultAgreement.0.value.sharesBp",
      message: "sharing ratios must add up to 100 %",
    },
    {
      title: "an LTV above 100 %",
      edit: (p: any) => {
        p.catalogue.A01.ltvBp[0].value = 10500;
      },
      path: "catalogue.A01.ltvBp.0.value",
      message: "0–100 %",
    },
    {
      title: "a negative cap",
      edit: (p: any) => {
        p.riskSharing.defaultAgreement[0].value.perLoanCapsFen.guarantor = -1;
      },
      path: "riskSharing.defaultAgreement.0.value.perLoanCapsFen.guarantor",
      message: "must not be negative",
    },
    {
      title: "a collateral type without an LTV",
      edit: (p: any) => {
        delete p.catalogue.A06.ltvBp;
      },
      path: "catalogue.A06.ltvBp",
      message: "needs a loan-to-value",
    },
    {
      title: "a bundle member type missing from the catalogue",
      edit: (p: any) => {
        p.marineBundle.memberTypes[0].value = ["R04", "A01", "R09"];
      },
      path: "marineBundle.memberTypes",
      message: "R09",
    },
    {
      title: "a value without its source",
      edit: (p: any) => {
        p.publicNotice.days[0].source = "";
      },
      path: "publicNotice.days.0.source",
      message: "source",
    },
    {
      title: "a labour-quality type made collateral",
      edit: (p: any) => {
        p.catalogue.L01.collateral = true;
      },
      path: "catalogue.L01.ltvBp",
      message: "needs a loan-to-value",
    },
  ])("refuses a pack with $title, naming the parameter", ({ edit, path, message }) => {
    const pack = clone(ningdeFactorsPolicy);
    edit(pack);
    const issue = firstIssue(pack);
    expect(issue?.path).toBe(path);
    expect(issue?.message).toContain(message);
  });

  it("refuses any sharing agreement whose ratios do not add to 100 %", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 4, maxLength: 4 }), ([b, g, i, f]) => {
        const pack = clone(ningdeFactorsPolicy) as any;
        pack.riskSharing.defaultAgreement[0].value.sharesBp = { bank: b, guarantor: g, insurer: i, governmentFund: f };
        const ok = firstIssue(pack) === null;
        return ok === ((b ?? 0) + (g ?? 0) + (i ?? 0) + (f ?? 0) === 10000);
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CreditDataRecord } from "../domain/credit-data.ts";
import type { DataNeed } from "../domain/product.ts";
import { refusalOf } from "../testing/errors.ts";
import { assertConsentWithinNeeds, minimisedCategories, minimiseRecords } from "./minimisation.ts";

const kuaidai: DataNeed[] = [
  { category: "tax.paid", purpose: "limit", required: true },
  { category: "unionpay.acquiring-flow", purpose: "turnover", required: true },
  { category: "social.insurance-paid", purpose: "staffing", required: false },
  { category: "tax.credit-grade", purpose: "grade", required: false },
  { category: "court.enforcement", purpose: "exclusion", required: false },
];

const CATEGORIES = [
  "tax.paid",
  "unionpay.acquiring-flow",
  "social.insurance-paid",
  "tax.credit-grade",
  "court.enforcement",
  "court.dishonest",
  "water.usage",
];

describe("MKT-R02 最小化 minimisation", () => {
  it.each([
    [
      "张师傅 consents to tax, UnionPay flow and social insurance only: exactly those three are pushed",
      ["tax.paid", "unionpay.acquiring-flow", "social.insurance-paid"],
      ["tax.paid", "unionpay.acquiring-flow", "social.insurance-paid"],
    ],
    [
      "consenting to the required ones only pushes only those",
      ["unionpay.acquiring-flow", "tax.paid"],
      ["tax.paid", "unionpay.acquiring-flow"],
    ],
    [
      "a consented category the product does not declare is not pushed",
      ["tax.paid", "unionpay.acquiring-flow", "water.usage"],
      ["tax.paid", "unionpay.acquiring-flow"],
    ],
  ])("%s", (_title, consented, pushed) => {
    expect(minimisedCategories(kuaidai, consented)).toEqual(pushed);
  });

  it("a consent that omits a required category fails, naming the category, rather than pushing a partial set", () => {
    const refusal = refusalOf(() =>
      minimisedCategories(kuaidai, ["tax.paid", "social.insurance-paid"], (c) =>
        c === "unionpay.acquiring-flow" ? "银联收单流水" : c,
      ),
    );
    expect(refusal).toMatchObject({ rule: "MKT-R02", field: "categories" });
    expect(refusal?.message).toContain("银联收单流水");
    expect(refusal?.message).toContain("unionpay.acquiring-flow");
  });

  it.each([
    ["no category at all", []],
    ["a category the product does not use", ["tax.paid", "water.usage"]],
    ["the same category twice", ["tax.paid", "tax.paid"]],
  ])("a consent screen cannot ask for %s", (_title, categories) => {
    expect(refusalOf(() => assertConsentWithinNeeds(kuaidai, categories))).toMatchObject({
      rule: "MKT-R02",
      field: "categories",
    });
  });

  const scope = {
    subjectId: "350802198801153019",
    categories: ["tax.paid"],
    period: { from: "2024-03-02", to: "2026-03-02" },
  };
  const rec = (category: string, subjectId: string, observedOn: string): CreditDataRecord => ({
    category,
    subjectId,
    observedOn,
    fields: {},
  });

  it.each([
    [
      "a record of the subject, of a pushed category, inside the period is kept",
      rec("tax.paid", scope.subjectId, "2025-06-30"),
      true,
    ],
    ["a record on the first day of the period is kept", rec("tax.paid", scope.subjectId, "2024-03-02"), true],
    ["a record on the last day of the period is kept", rec("tax.paid", scope.subjectId, "2026-03-02"), true],
    ["a record from the day before the period is dropped", rec("tax.paid", scope.subjectId, "2024-03-01"), false],
    ["a record from after the period is dropped", rec("tax.paid", scope.subjectId, "2026-03-03"), false],
    ["a record of another subject is dropped", rec("tax.paid", "92350802MA31XK5R2X", "2025-06-30"), false],
    ["a record of a category not pushed is dropped", rec("court.dishonest", scope.subjectId, "2025-06-30"), false],
    ["a record with a malformed date is dropped", rec("tax.paid", scope.subjectId, "2025-13-40"), false],
  ])("%s", (_title, record, kept) => {
    expect(minimiseRecords([record], scope)).toEqual(kept ? [record] : []);
  });

  const date = fc
    .integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));
  const subject = fc.constantFrom("350802198801153019", "92350802MA31XK5R2X", "91350800MA2YQ3LF3C");
  const record = fc.record({
    category: fc.constantFrom(...CATEGORIES),
    subjectId: subject,
    observedOn: fc.oneof(date, fc.constantFrom("", "2025-02-30", "garbage")),
    fields: fc.constant({}),
  });
  const consentedSet = fc.subarray(CATEGORIES);
  const period = fc.tuple(date, date).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));

  it("property: the pushed categories are never more than the consent, nor than the product declares", () => {
    fc.assert(
      fc.property(consentedSet, (consented) => {
        let pushed: string[];
        try {
          pushed = minimisedCategories(kuaidai, consented);
        } catch {
          return kuaidai.some((n) => n.required && !consented.includes(n.category));
        }
        return (
          pushed.length <= consented.length &&
          pushed.every((c) => consented.includes(c) && kuaidai.some((n) => n.category === c)) &&
          kuaidai.every((n) => !n.required || pushed.includes(n.category))
        );
      }),
    );
  });

  it("property: whatever a data source returns, the pushed records are only the subject's, of consented categories, inside the consented period", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), consentedSet, subject, period, (records, consented, who, p) => {
        const pushable = consented.filter((c) => kuaidai.some((n) => n.category === c));
        const kept = minimiseRecords(records, { subjectId: who, categories: pushable, period: p });
        const expected = records.filter(
          (r) =>
            r.subjectId === who &&
            pushable.includes(r.category) &&
            r.observedOn >= p.from &&
            r.observedOn <= p.to &&
            /^\d{4}-\d{2}-\d{2}$/.test(r.observedOn) &&
            !Number.isNaN(Date.parse(r.observedOn)) &&
            new Date(r.observedOn).toISOString().slice(0, 10) === r.observedOn,
        );
        return (
          kept.length <= records.length &&
          kept.every(
            (r) =>
              r.subjectId === who && consented.includes(r.category) && r.observedOn >= p.from && r.observedOn <= p.to,
          ) &&
          kept.length === expected.length
        );
      }),
    );
  });
});

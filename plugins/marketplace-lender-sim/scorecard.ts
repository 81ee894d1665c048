import type { CreditDataRecord } from "../../core/marketplace/mod.ts";

/**
 * The simulated bank's scorecard (a plain points table, as a credit officer would read it). It
 * reads only what was pushed — minimised data — plus the first-loan flag:
 *
 * | evidence                                     | points                    |
 * | -------------------------------------------- | ------------------------- |
 * | base                                         | 600                       |
 * | latest tax credit grade A / B / M / C / D    | +60 / +30 / 0 / −60 / −150 |
 * | average monthly tax paid ≥ 1,000 yuan        | +30 (≥ 10,000: +50)        |
 * | average monthly UnionPay turnover ≥ 30,000   | +40 (≥ 100,000: +60)       |
 * | social insurance paid every month, no arrears| +20                        |
 * | utility bills paid late more than twice      | −30                        |
 * | open enforcement case / abnormal-list entry  | −80 / −50                  |
 * | first loan (首贷 support)                     | +10                        |
 *
 * A dishonest-debtor or serious-dishonesty listing rejects outright; no usable evidence at all
 * refers the application to a person. Score ≥ 680 is grade A, ≥ 620 B, ≥ 560 C, else rejected.
 */
export type Grade = "A" | "B" | "C";

export type ScoreOutcome =
  | { readonly kind: "grade"; readonly grade: Grade; readonly score: number }
  | { readonly kind: "reject"; readonly reason: string; readonly score: number }
  | { readonly kind: "refer"; readonly reason: string };

const GRADE_POINTS: Readonly<Record<string, number>> = { A: 60, B: 30, M: 0, C: -60, D: -150 };

function of(records: readonly CreditDataRecord[], category: string): CreditDataRecord[] {
  return records.filter((r) => r.category === category);
}

function monthlyAverage(records: readonly CreditDataRecord[], field: string): number | undefined {
  const values = records.map((r) => r.fields[field]).filter((x): x is number => typeof x === "number");
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}

export function score(records: readonly CreditDataRecord[], firstLoan: boolean): ScoreOutcome {
  if (of(records, "court.dishonest").length > 0) {
    return { kind: "reject", reason: "失信被执行人 listed as a dishonest judgment debtor", score: 0 };
  }
  if (of(records, "credit.serious-dishonesty").length > 0) {
    return { kind: "reject", reason: "严重失信主体 listed as seriously dishonest", score: 0 };
  }
  if (records.length === 0) return { kind: "refer", reason: "no usable data; referred to a credit officer" };
  let points = 600;
  const grades = of(records, "tax.credit-grade").sort((a, b) => (a.observedOn < b.observedOn ? 1 : -1));
  const latest = grades[0]?.fields.grade;
  if (typeof latest === "string") points += GRADE_POINTS[latest] ?? 0;
  const tax = monthlyAverage(of(records, "tax.paid"), "vatFen");
  if (tax !== undefined) points += tax >= 1_000_000 ? 50 : tax >= 100_000 ? 30 : 0;
  const flow = monthlyAverage(of(records, "unionpay.acquiring-flow"), "turnoverFen");
  if (flow !== undefined) points += flow >= 10_000_000 ? 60 : flow >= 3_000_000 ? 40 : 0;
  const social = of(records, "social.insurance-paid");
  if (social.length > 0 && social.every((r) => r.fields.arrears === false)) points += 20;
  const late = records.filter((r) => typeof r.fields.daysLate === "number" && r.fields.daysLate > 0).length;
  if (late > 2) points -= 30;
  if (of(records, "court.enforcement").length > 0) points -= 80;
  if (of(records, "market.abnormal-list").length > 0) points -= 50;
  if (firstLoan) points += 10;
  if (points >= 680) return { kind: "grade", grade: "A", score: points };
  if (points >= 620) return { kind: "grade", grade: "B", score: points };
  if (points >= 560) return { kind: "grade", grade: "C", score: points };
  return { kind: "reject", reason: `综合评分不足 score ${points} below 560`, score: points };
}

import type { CreditDataValue } from "../../core/marketplace/mod.ts";
import type { Seeded } from "./seeded.ts";

/**
 * What the simulated data-aggregation platform returns for each category of the 龙岩 catalogue:
 * how often a record is observed (each month, each year, once as a current status, or a few
 * events) and its fields. Money is in fen, as everywhere in the platform. A subject's "size"
 * (0.2–5, drawn once per subject) scales amounts so one subject's categories tell one story.
 */
export type Frequency = "monthly" | "yearly" | "status" | "events";

export interface FieldContext {
  /** The observation date (YYYY-MM-DD). */
  readonly on: string;
  /** 0.2–5: the subject's business size. */
  readonly size: number;
  readonly organisation: boolean;
}

export interface CategorySim {
  readonly frequency: Frequency;
  /** For "events": the most events in the period, and the chance of having any. */
  readonly events?: { readonly max: number; readonly chance: number };
  fields(r: Seeded, c: FieldContext): Record<string, CreditDataValue>;
}

const fen = (yuan: number) => Math.round(yuan * 100);
const grade = (r: Seeded, grades: readonly string[], weights: readonly number[]) => {
  let x = r.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < grades.length; i++) {
    x -= weights[i] as number;
    if (x < 0) return grades[i] as string;
  }
  return grades[grades.length - 1] as string;
};
const monthOf = (c: FieldContext) => c.on.slice(0, 7);
const events = (max: number, chance: number) => ({ frequency: "events" as const, events: { max, chance } });
const bill = (unitYuan: number, unit: string, base: number): CategorySim => ({
  frequency: "monthly",
  fields: (r, c) => ({
    month: monthOf(c),
    [unit]: Math.round(base * c.size * (0.7 + 0.6 * r.next())),
    billFen: fen(base * c.size * unitYuan * (0.7 + 0.6 * r.next())),
    daysLate: r.chance(0.05) ? r.int(1, 30) : 0,
  }),
});
const usage = (unit: string, base: number): CategorySim => ({
  frequency: "monthly",
  fields: (r, c) => ({ month: monthOf(c), [unit]: Math.round(base * c.size * (0.7 + 0.6 * r.next())) }),
});
const contributions = (base: number): CategorySim => ({
  frequency: "monthly",
  fields: (r, c) => ({
    month: monthOf(c),
    contributionFen: fen(base * (c.organisation ? c.size * 6 : 1) * (0.9 + 0.2 * r.next())),
    arrears: r.chance(0.03),
  }),
});
const headcount = (): CategorySim => ({
  frequency: "monthly",
  fields: (r, c) => ({ month: monthOf(c), headcount: Math.max(1, Math.round(c.size * 6 + r.int(-1, 1))) }),
});

export const categorySims: Readonly<Record<string, CategorySim>> = {
  "market.registration": {
    frequency: "status",
    fields: (r, c) => ({
      entityType: c.organisation ? r.pick(["有限责任公司", "个体工商户", "农民专业合作社"]) : "自然人",
      registeredCapitalFen: fen(Math.round(c.size * 200_000)),
      foundedOn: `${r.int(2005, 2022)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
      status: "存续",
    }),
  },
  "market.annual-report": {
    frequency: "yearly",
    fields: (r, c) => ({
      year: Number(c.on.slice(0, 4)),
      revenueFen: fen(c.size * 1_200_000 * (0.8 + 0.4 * r.next())),
      assetsFen: fen(c.size * 900_000 * (0.8 + 0.4 * r.next())),
      employees: Math.max(1, Math.round(c.size * 6)),
    }),
  },
  "market.abnormal-list": { ...events(1, 0.04), fields: () => ({ reason: "未按规定报送年度报告" }) },
  "market.penalty": { ...events(2, 0.08), fields: (r) => ({ cause: "广告违法", amountFen: fen(r.int(1, 50) * 1000) }) },
  "market.equity-pledge": {
    ...events(1, 0.05),
    fields: (r, c) => ({ amountFen: fen(c.size * r.int(5, 50) * 10_000) }),
  },
  "tax.credit-grade": {
    frequency: "yearly",
    fields: (r, c) => ({
      year: Number(c.on.slice(0, 4)),
      grade: grade(r, ["A", "B", "M", "C", "D"], [30, 40, 20, 8, 2]),
    }),
  },
  "tax.paid": {
    frequency: "monthly",
    fields: (r, c) => ({
      month: monthOf(c),
      vatFen: fen(c.size * 3_000 * (0.6 + 0.8 * r.next())),
      incomeTaxFen: fen(c.size * 800 * (0.5 + r.next())),
    }),
  },
  "tax.invoiced-sales": {
    frequency: "monthly",
    fields: (r, c) => ({ month: monthOf(c), salesFen: fen(c.size * 90_000 * (0.6 + 0.8 * r.next())) }),
  },
  "tax.arrears": { ...events(1, 0.05), fields: (r, c) => ({ amountFen: fen(c.size * r.int(1, 20) * 1000) }) },
  "social.insurance-paid": contributions(1_100),
  "social.insured-headcount": headcount(),
  "social.startup-support": {
    ...events(1, 0.15),
    fields: (r) => ({ kind: "创业补贴", amountFen: fen(r.int(1, 10) * 1000) }),
  },
  "fund.contributions": contributions(600),
  "fund.arrears": { ...events(1, 0.03), fields: (r, c) => ({ amountFen: fen(c.size * r.int(1, 10) * 1000) }) },
  "medical.insurance-paid": contributions(450),
  "medical.insured-headcount": headcount(),
  "water.usage": usage("cubicMetres", 30),
  "water.payment": bill(3.5, "cubicMetres", 30),
  "gas.usage": usage("cubicMetres", 40),
  "gas.payment": bill(3.2, "cubicMetres", 40),
  "power.usage": usage("kWh", 900),
  "power.payment": bill(0.62, "kWh", 900),
  "industry.subsidies": {
    ...events(2, 0.2),
    fields: (r, c) => ({ programme: "技改奖补", amountFen: fen(c.size * r.int(1, 30) * 1000) }),
  },
  "industry.recognition": {
    ...events(1, 0.1),
    fields: (r) => ({ title: r.pick(["专精特新中小企业", "创新型中小企业"]) }),
  },
  "industry.above-scale": { frequency: "status", fields: (_r, c) => ({ aboveScale: c.size > 3 }) },
  "agri.new-entity": { frequency: "status", fields: (r) => ({ kind: r.pick(["家庭农场", "农民专业合作社", "none"]) }) },
  "agri.subsidies": {
    ...events(3, 0.5),
    fields: (r) => ({ programme: r.pick(["耕地地力保护补贴", "稻谷补贴"]), amountFen: fen(r.int(3, 60) * 100) }),
  },
  "agri.land-contract": {
    frequency: "status",
    fields: (r) => ({ areaMu: r.int(2, 40), termEnds: `${r.int(2028, 2048)}-12-31` }),
  },
  "agri.machinery-subsidy": {
    ...events(2, 0.2),
    fields: (r) => ({ machine: r.pick(["插秧机", "植保无人机", "旋耕机"]), subsidyFen: fen(r.int(3, 40) * 1000) }),
  },
  "agri.livestock": {
    ...events(1, 0.1),
    fields: (r) => ({ species: r.pick(["生猪", "蛋鸡", "肉牛"]), scale: r.int(50, 5000) }),
  },
  "estate.registration": {
    ...events(2, 0.6),
    fields: (r) => ({ use: r.pick(["住宅", "商业", "工业"]), areaM2: r.int(60, 600) }),
  },
  "estate.mortgage": {
    ...events(1, 0.25),
    fields: (r, c) => ({ mortgagee: "银行", amountFen: fen(c.size * r.int(10, 80) * 10_000) }),
  },
  "estate.forest-right": {
    ...events(1, 0.3),
    fields: (r) => ({ areaMu: r.int(10, 800), species: r.pick(["杉木", "马尾松", "毛竹"]) }),
  },
  "ecology.credit-rating": {
    frequency: "yearly",
    fields: (r, c) => ({
      year: Number(c.on.slice(0, 4)),
      rating: grade(r, ["环保诚信", "环保良好", "环保警示"], [30, 60, 10]),
    }),
  },
  "science.tech-enterprise": {
    ...events(1, 0.08),
    fields: (r) => ({ title: r.pick(["高新技术企业", "科技型中小企业"]) }),
  },
  "fx.cross-border": {
    frequency: "monthly",
    fields: (r, c) => ({
      month: monthOf(c),
      receiptsFen: fen(c.size * r.int(0, 40) * 1000),
      paymentsFen: fen(c.size * r.int(0, 30) * 1000),
    }),
  },
  "fx.trade-class": {
    frequency: "yearly",
    fields: (r, c) => ({ year: Number(c.on.slice(0, 4)), class: grade(r, ["A", "B", "C"], [90, 8, 2]) }),
  },
  "court.judgments": {
    ...events(1, 0.06),
    fields: (r) => ({ cause: r.pick(["买卖合同纠纷", "民间借贷纠纷"]), role: r.pick(["原告", "被告"]) }),
  },
  "court.enforcement": {
    ...events(1, 0.03),
    fields: (r, c) => ({ amountFen: fen(c.size * r.int(1, 30) * 1000), open: true }),
  },
  "court.dishonest": { ...events(1, 0.015), fields: () => ({ listed: true }) },
  "credit.commitments": { ...events(2, 0.4), fields: (r) => ({ kept: r.chance(0.97) }) },
  "credit.honours": { ...events(1, 0.1), fields: () => ({ list: "守信激励名单" }) },
  "credit.serious-dishonesty": { ...events(1, 0.01), fields: () => ({ list: "严重失信主体名单" }) },
  "unionpay.acquiring-flow": {
    frequency: "monthly",
    fields: (r, c) => ({
      month: monthOf(c),
      turnoverFen: fen(c.size * 45_000 * (0.6 + 0.8 * r.next())),
      transactions: Math.round(c.size * 900 * (0.6 + 0.8 * r.next())),
    }),
  },
};

/** Any category the table does not know: one monthly observation. */
export const genericSim: CategorySim = {
  frequency: "monthly",
  fields: (r, c) => ({ month: monthOf(c), value: Math.round(c.size * 1000 * r.next()) }),
};

import type { DataNeed, Institution, Product, Segment } from "../../../core/marketplace/mod.ts";
import { opt, req } from "./demo-needs.ts";
import { DemoRandom } from "./demo-random.ts";
import { demoProducts } from "./longyan-demo-catalogue.ts";
import { directBanks, seedScaleInstitutions } from "./seed-scale-institutions.ts";

/**
 * The seed's 447 products (notice 三(一)): the demo products plus products generated from the
 * families each kind of institution offers, deterministic, each within its type's fair-use
 * template (the catalogue seed checks every one before it is stored).
 */
export const SEED_PRODUCT_COUNT = 447;
const AT = new Date("2021-06-01T00:00:00Z");

interface Family {
  readonly zh: string;
  readonly en: string;
  readonly type: Product["type"];
  readonly segments: Segment[];
  readonly actions: string[];
  readonly amount: [number, number];
  readonly rate: [number, number];
  readonly needs: DataNeed[];
  readonly life: number;
  readonly period: number;
}

const f = (
  zh: string,
  en: string,
  type: Product["type"],
  segments: Segment[],
  actions: string[],
  amount: [number, number],
  rate: [number, number],
  needs: DataNeed[],
  life = 12,
  period = 24,
): Family => ({ zh, en, type, segments, actions, amount, rate, needs, life, period });
const firm: Segment[] = ["small-firm", "individual-business"];
const rural: Segment[] = ["farmer", "new-agri-entity"];

const BANK_FAMILIES: readonly Family[] = [
  f(
    "纳税信用贷",
    "Tax-credit loan",
    "credit",
    firm,
    ["first-loan"],
    [50_000, 3_000_000],
    [385, 650],
    [req("tax.credit-grade"), req("tax.paid"), opt("court.dishonest")],
  ),
  f(
    "流水贷",
    "Turnover loan",
    "credit",
    ["individual-business"],
    ["small-shop"],
    [10_000, 500_000],
    [385, 700],
    [req("unionpay.acquiring-flow"), opt("tax.paid"), opt("power.payment")],
  ),
  f(
    "社保贷",
    "Social-insurance loan",
    "credit",
    firm,
    [],
    [10_000, 300_000],
    [385, 650],
    [req("social.insurance-paid"), opt("fund.contributions")],
  ),
  f(
    "农户快贷",
    "Farmer quick loan",
    "credit",
    rural,
    ["rural-revitalisation", "first-loan"],
    [5_000, 300_000],
    [385, 650],
    [req("agri.subsidies"), opt("agri.land-contract"), opt("court.dishonest")],
  ),
  f(
    "林权贷",
    "Forest-right loan",
    "credit",
    [...rural, "small-firm"],
    ["rural-revitalisation"],
    [20_000, 2_000_000],
    [385, 650],
    [req("estate.forest-right"), opt("agri.subsidies")],
  ),
  f(
    "科创贷",
    "Tech-innovation loan",
    "credit",
    ["small-firm"],
    ["startup"],
    [100_000, 5_000_000],
    [385, 600],
    [req("industry.recognition"), req("tax.credit-grade"), opt("industry.subsidies")],
  ),
  f(
    "外贸信用贷",
    "Trade credit loan",
    "credit",
    ["small-firm"],
    ["foreign-exchange"],
    [100_000, 5_000_000],
    [395, 620],
    [req("fx.cross-border"), req("fx.trade-class")],
  ),
  f(
    "房产抵押贷",
    "Property mortgage loan",
    "mortgage",
    [...firm, "farmer"],
    [],
    [100_000, 10_000_000],
    [365, 560],
    [req("estate.registration"), req("estate.mortgage")],
    36,
  ),
];
const GUARANTOR_FAMILIES: readonly Family[] = [
  f(
    "创业担保贷",
    "Start-up guaranteed loan",
    "guarantee",
    firm,
    ["startup", "first-loan"],
    [10_000, 300_000],
    [0, 435],
    [req("social.startup-support"), req("market.registration")],
    24,
  ),
  f(
    "惠农担保贷",
    "Farm guaranteed loan",
    "guarantee",
    rural,
    ["rural-revitalisation"],
    [30_000, 3_000_000],
    [380, 550],
    [req("agri.new-entity"), opt("agri.land-contract")],
    24,
  ),
  f(
    "小微担保贷",
    "SME guaranteed loan",
    "guarantee",
    ["small-firm"],
    [],
    [100_000, 5_000_000],
    [380, 600],
    [req("tax.credit-grade"), opt("estate.registration")],
    24,
  ),
];
const INSURER_FAMILIES: readonly Family[] = [
  f(
    "贷款保证保险",
    "Loan guarantee insurance",
    "insurance",
    [...firm, "farmer"],
    ["first-loan"],
    [10_000, 500_000],
    [0, 300],
    [req("market.registration"), opt("court.dishonest")],
    12,
    12,
  ),
];

function familiesOf(i: Institution): readonly Family[] {
  return i.kind === "bank" ? BANK_FAMILIES : i.kind === "guarantor" ? GUARANTOR_FAMILIES : INSURER_FAMILIES;
}

function generated(i: Institution, family: Family, n: number): Product {
  const r = new DemoRandom(`${i.id}|${family.en}|${n}`);
  const series = n === 0 ? "" : ` ${n + 1}号`;
  return {
    id: `prd_gen_${i.id.slice(5)}_${String(n).padStart(2, "0")}_${family.en.toLowerCase().replace(/[^a-z]+/g, "")}`,
    regionCode: i.regionCode,
    institutionId: i.id,
    name: { zh: `${family.zh}${series}`, en: `${family.en}${n === 0 ? "" : ` ${n + 1}`}` },
    type: family.type,
    description: `${i.name.zh} ${family.zh}`,
    amountMin: family.amount[0] * 100,
    amountMax: family.amount[1] * 100 * r.int(1, 2),
    termMonthsMin: r.pick([1, 3, 6, 12]),
    termMonthsMax: family.type === "mortgage" ? 120 : r.pick([24, 36, 60]),
    rateMinBp: family.rate[0],
    rateMaxBp: family.rate[1],
    segments: family.segments,
    specialActions: family.actions,
    channel: family.type === "credit" && directBanks.includes(i.id) ? "direct" : "manual",
    dataNeeds: family.needs,
    dataPeriodMonths: family.period,
    dataLifeMonths: family.life,
    status: "ACTIVE",
    registeredAt: AT,
  };
}

/** The demo products and generated ones, SEED_PRODUCT_COUNT in all, spread over every institution. */
export function seedScaleProducts(): Product[] {
  const out: Product[] = [...demoProducts];
  const counts = new Map<string, number>();
  for (let round = 0; out.length < SEED_PRODUCT_COUNT; round++) {
    for (const i of seedScaleInstitutions) {
      if (out.length >= SEED_PRODUCT_COUNT) break;
      const families = familiesOf(i);
      const family = families[round % families.length] as Family;
      const n = counts.get(`${i.id}|${family.en}`) ?? 0;
      counts.set(`${i.id}|${family.en}`, n + 1);
      out.push(generated(i, family, n));
    }
  }
  return out;
}

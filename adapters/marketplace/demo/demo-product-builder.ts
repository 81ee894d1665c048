import type { DataNeed, Product, Segment } from "../../../core/marketplace/mod.ts";
import { DEMO_REGION } from "./demo-institutions.ts";

const REGISTERED = new Date("2021-06-01T00:00:00Z");
const YUAN = 100;

/** A demo product in compact form (amounts in yuan, stored as fen). */
export interface P {
  id: string;
  inst: string;
  zh: string;
  en: string;
  type: Product["type"];
  channel: Product["channel"];
  segments: Segment[];
  actions?: string[];
  /** Amount range in yuan. */
  amount: [number, number];
  term: [number, number];
  rate: [number, number];
  needs: DataNeed[];
  period?: number;
  life?: number;
  text: string;
}

export function product(p: P): Product {
  return {
    id: p.id,
    regionCode: DEMO_REGION,
    institutionId: p.inst,
    name: { zh: p.zh, en: p.en },
    type: p.type,
    description: p.text,
    amountMin: p.amount[0] * YUAN,
    amountMax: p.amount[1] * YUAN,
    termMonthsMin: p.term[0],
    termMonthsMax: p.term[1],
    rateMinBp: p.rate[0],
    rateMaxBp: p.rate[1],
    segments: p.segments,
    specialActions: p.actions ?? [],
    channel: p.channel,
    dataNeeds: p.needs,
    dataPeriodMonths: p.period ?? 24,
    dataLifeMonths: p.life ?? 12,
    status: "ACTIVE",
    registeredAt: REGISTERED,
  };
}

export const firm: Segment[] = ["small-firm", "individual-business"];
export const rural: Segment[] = ["farmer", "new-agri-entity"];
export const DIRECT_RATES: [number, number] = [385, 650];

import {
  applyProceeds,
  assertWithinHeadroom,
  headroom,
  type LienClaim,
  maxSecured,
  type SharingAgreement,
  shareLoss,
} from "../../core/factors/mod.ts";
import { fmtOps, fmtRatio, type Row, throughput } from "./measure.ts";

const DEFAULT: SharingAgreement = {
  sharesBp: { bank: 2000, guarantor: 4000, insurer: 2000, governmentFund: 2000 },
  perLoanCapsFen: { guarantor: null, insurer: null, governmentFund: null },
};
/** A capped agreement: the guarantor's cap makes the rule re-split what it cannot take (FAC-R09). */
const CAPPED: SharingAgreement = {
  sharesBp: { bank: 2000, guarantor: 4000, insurer: 2000, governmentFund: 2000 },
  perLoanCapsFen: { guarantor: 3_000_00, insurer: null, governmentFund: 5_000_00 },
};
const WEIGHTS = [2000, 4000, 2000, 2000];

const losses = Array.from({ length: 1024 }, (_, i) => 1_000_01 + i * 7_919);
const proceeds = Array.from({ length: 1024 }, (_, i) => 80_000_00 + i * 13_337);
const values = Array.from({ length: 1024 }, (_, i) => 100_000_00 + i * 9_973);
const claims: LienClaim[][] = Array.from({ length: 16 }, (_, k) => [
  { lienId: "l1", interestArrears: 1_200_00 + k, principal: 60_000_00 },
  { lienId: "l2", interestArrears: 800_00, principal: 30_000_00 + k * 100 },
  { lienId: "l3", interestArrears: 0, principal: 10_000_00 },
]);
const outside = [{ id: "opc1", amount: 5_000_00 }];
const liens = [
  { registeredAt: "2026-01-10T02:00:00.000Z", registrationSeq: 1, status: "active" as const, securedAmount: 20_000_00 },
  { registeredAt: "2026-02-10T02:00:00.000Z", registrationSeq: 2, status: "active" as const, securedAmount: 10_000_00 },
  {
    registeredAt: "2026-03-10T02:00:00.000Z",
    registrationSeq: 3,
    status: "released" as const,
    securedAmount: 5_000_00,
  },
];

/**
 * FAC-R07/R05/R06/R09 rule throughput on one core (evaluations per second), each against a naive
 * float version measured in the same run: fast, but wrong (parts that do not add back, no
 * validation, no rank order).
 */
export function factorsRuleRows(): Row[] {
  const rows: Row[] = [];
  const loss = throughput("shareLoss", (i) =>
    shareLoss(losses[i & 1023] as number, i & 1 ? CAPPED : DEFAULT, i & 2 ? 4_000_00 : null),
  );
  const lossBase = throughput("float split", (i) => {
    const l = losses[i & 1023] as number;
    return WEIGHTS.map((w) => Math.round((l * w) / 10000));
  });
  rows.push({
    section: "factors",
    measure: "FAC-R09 loss allocation 40/20/20/20 with caps and re-split",
    value: fmtOps(loss.opsPerSec),
    baseline: `${fmtOps(lossBase.opsPerSec)} float split`,
    ratio: fmtRatio(loss.opsPerSec, lossBase.opsPerSec),
    goal: "≥ 1 M/s",
  });

  const fall = throughput("applyProceeds", (i) =>
    applyProceeds(proceeds[i & 1023] as number, 1_500_00, claims[i & 15] as LienClaim[], outside),
  );
  const fallBase = throughput("naive waterfall", (i) => {
    let left = (proceeds[i & 1023] as number) - 1_500_00;
    const out: number[] = [];
    for (const c of claims[i & 15] as LienClaim[]) {
      const paid = Math.min(left, c.interestArrears + c.principal);
      out.push(paid);
      left -= paid;
    }
    return out;
  });
  rows.push({
    section: "factors",
    measure: "FAC-R07 disposal waterfall (costs, 3 liens interest→principal, 1 outside claim)",
    value: fmtOps(fall.opsPerSec),
    baseline: `${fmtOps(fallBase.opsPerSec)} naive loop`,
    ratio: fmtRatio(fall.opsPerSec, fallBase.opsPerSec),
    goal: "≥ 1 M/s",
  });

  const ltv = throughput("ltv+headroom", (i) => {
    const limit = maxSecured(values[i & 1023] as number, 6000);
    const room = headroom(limit, liens);
    assertWithinHeadroom(room >> 1, limit, liens);
    return room;
  });
  const ltvBase = throughput("float ltv", (i) => (values[i & 1023] as number) * 0.6 - 30_000_00);
  rows.push({
    section: "factors",
    measure: "FAC-R05/R06 LTV limit + headroom check over 3 liens",
    value: fmtOps(ltv.opsPerSec),
    baseline: `${fmtOps(ltvBase.opsPerSec)} float multiply`,
    ratio: fmtRatio(ltv.opsPerSec, ltvBase.opsPerSec),
    goal: "≥ 1 M/s",
  });
  return rows;
}

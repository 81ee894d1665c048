import { sql } from "kysely";
import {
  allocateLoss,
  completeDisposal,
  listForTransfer,
  lodgeObjection,
  ningdeDemoProducts,
  placeBid,
  recordLoanServicing,
  reportDefault,
  startDisposal,
  valueCollateral,
} from "../../../core/factors/mod.ts";
import { addDays } from "../../../core/kernel/mod.ts";
import { demoPerson } from "./ningde-demo-book.ts";
import { demoLoan, loanState } from "./seed-loan.ts";
import type { SeedWorld } from "./seed-world.ts";

const RURAL = "nd-rural-bank";
const POSTAL = "nd-postal-bank";
const yuan = (n: number) => n * 100;

/** FAC-R11 the demo banks put the seed's products on the platform (渔排养殖贷, 渔排托管贷, 仓单质押贷, 民宿贷 …). */
export async function productStory(w: SeedWorld): Promise<void> {
  w.day(1);
  for (const p of ningdeDemoProducts) await w.product(p.id);
}

/** 林阿伯, 福安: 三权合一 bundle self-assessed at 280,000 yuan, 渔排养殖贷 150,000, repaying on time. */
export async function linStory(w: SeedWorld): Promise<void> {
  const lin = w.citizen("lin");
  w.day(0);
  for (const k of ["lin-sea", "lin-raft", "lin-aqua", "lin-farmer"]) await w.factor(k, lin);
  w.day(8);
  const ids = await w.active(["lin-sea", "lin-raft", "lin-aqua"], lin);
  const [farmer] = await w.active(["lin-farmer"], lin);
  const unit = await w.bundle(ids, lin);
  await w.valued(unit.unitId, unit.factorIds, lin);
  w.day(9);
  const loanId = await demoLoan(w, {
    borrower: "lin",
    applicant: lin,
    product: "fish-raft-farming",
    units: [unit.factorIds],
    amountFen: yuan(150_000),
    termMonths: 24,
    rateBp: 450,
    labourFactorIds: farmer ? [farmer] : [],
  });
  const s = await loanState(w, loanId);
  const repaid = await sql<{
    o: number;
  }>`select outstanding_principal as o from factors.loans where id = ${loanId}`.execute(w.db);
  if (s.status === "PERFORMING" && Number(repaid.rows[0]?.o) === yuan(150_000)) {
    w.day(100);
    await recordLoanServicing(w.deps, w.staff(RURAL), {
      loanId,
      outstandingPrincipalFen: yuan(140_000),
      interestArrearsFen: 0,
      overdueSince: null,
    });
  }
}

/**
 * 黄先生, 霞浦: bundle valued 230,000, 渔排养殖贷 130,000; a typhoon damages the rafts (re-valued
 * 154,000), 120 days overdue, 福宁海投 buys out at 75 % (115,500), the 14,800 shortfall is shared
 * 40/20/20/20.
 */
export async function huangStory(w: SeedWorld): Promise<void> {
  const huang = w.citizen("huang");
  const bank = w.staff(RURAL);
  w.day(0);
  for (const k of ["huang-sea", "huang-raft", "huang-aqua"]) await w.factor(k, huang);
  w.day(8);
  const unit = await w.bundle(await w.active(["huang-sea", "huang-raft", "huang-aqua"], huang), huang);
  await w.valued(unit.unitId, unit.factorIds, huang);
  w.day(9);
  const loanId = await demoLoan(w, {
    borrower: "huang",
    applicant: huang,
    product: "fish-raft-farming",
    units: [unit.factorIds],
    amountFen: yuan(130_000),
    termMonths: 24,
    rateBp: 480,
  });
  let s = await loanState(w, loanId);
  if (s.status === "PERFORMING") {
    const typhoon = w.day(40);
    const [sea, raft, aqua] = unit.factorIds as [string, string, string];
    await valueCollateral(w.deps, bank, {
      factorIds: unit.factorIds,
      conditions: { [sea]: "fair", [raft]: "poor", [aqua]: "fair" },
    });
    w.day(41);
    await recordLoanServicing(w.deps, bank, {
      loanId,
      outstandingPrincipalFen: yuan(125_000),
      interestArrearsFen: yuan(3_800),
      overdueSince: addDays(typhoon, 1),
    });
    s = await loanState(w, loanId);
  }
  if (s.status === "OVERDUE") {
    w.day(161);
    await reportDefault(w.deps, bank, { loanId });
    s = await loanState(w, loanId);
  }
  if (s.status === "DEFAULTED" && !s.openDisposal && !s.hasLoss) {
    const done = await sql<{
      n: number;
    }>`select count(*)::int as n from factors.disposals where loan_id = ${loanId}`.execute(w.db);
    if ((done.rows[0]?.n ?? 0) === 0) {
      w.day(162);
      const d = await startDisposal(w.deps, bank, { loanId, channel: "buy_out" });
      w.note(
        `disposal ${d.id}: buy-out by ${d.buyOut?.companyId} for ${((d.buyOut?.offer ?? 0) / 100).toFixed(2)} yuan`,
      );
      s = await loanState(w, loanId);
    }
  }
  if (s.openDisposal) {
    w.day(165);
    await completeDisposal(w.deps, bank, { disposalId: s.openDisposal, costsFen: yuan(1_500) });
    s = await loanState(w, loanId);
  }
  if (s.status === "DEFAULTED" && !s.hasLoss) {
    w.day(166);
    const loss = await allocateLoss(w.deps, bank, { loanId });
    w.note(`loss of ${(loss.loss / 100).toFixed(2)} yuan shared 40/20/20/20`);
  }
}

/** 陈姐, 福鼎: 民宿贷 150,000 on the homestay's verified revenue plus the house. */
export async function chenStory(w: SeedWorld): Promise<void> {
  const chen = w.citizen("chen");
  w.day(2);
  for (const k of ["chen-homestay", "chen-house"]) await w.factor(k, chen);
  w.day(10);
  const [homestay, house] = (await w.active(["chen-homestay", "chen-house"], chen)) as [string, string];
  const months = [12, 10, 11, 16, 22, 26, 30, 28, 20, 16, 14, 19].map((k) => yuan(k * 1_000));
  await w.valued(homestay, [homestay], chen, {
    monthlyRevenueFen: months,
    revenueVerifiedBy: "福鼎市文旅局民宿备案系统",
  });
  await w.valued(house, [house], chen);
  w.day(12);
  await demoLoan(w, {
    borrower: "chen",
    applicant: chen,
    product: "homestay",
    units: [[homestay], [house]],
    amountFen: yuan(150_000),
    termMonths: 36,
    rateBp: 480,
  });
}

interface Served {
  readonly key: string;
  readonly bank: string;
  readonly product: string;
  readonly amountYuan: number;
  readonly rateBp: number;
  readonly termMonths: number;
  readonly day: number;
}

/** Holders served by their bank's staff (代办): one factor, one loan each, across the counties. */
const SERVED: readonly Served[] = [
  {
    key: "zheng-greenhouse",
    bank: RURAL,
    product: "facility-farming",
    amountYuan: 90_000,
    rateBp: 460,
    termMonths: 24,
    day: 20,
  },
  {
    key: "wu-coldstore",
    bank: RURAL,
    product: "facility-farming",
    amountYuan: 80_000,
    rateBp: 470,
    termMonths: 24,
    day: 35,
  },
  {
    key: "liu-forest",
    bank: POSTAL,
    product: "forest-right",
    amountYuan: 100_000,
    rateBp: 450,
    termMonths: 24,
    day: 50,
  },
  { key: "zhou-house", bank: RURAL, product: "rural-house", amountYuan: 80_000, rateBp: 520, termMonths: 24, day: 70 },
  { key: "he-carbon", bank: POSTAL, product: "forest-right", amountYuan: 40_000, rateBp: 430, termMonths: 24, day: 90 },
  {
    key: "guo-tractor",
    bank: POSTAL,
    product: "farm-machinery-mortgage",
    amountYuan: 45_000,
    rateBp: 440,
    termMonths: 24,
    day: 110,
  },
  {
    key: "xie-tea",
    bank: RURAL,
    product: "warehouse-receipt-pledge",
    amountYuan: 400_000,
    rateBp: 450,
    termMonths: 12,
    day: 130,
  },
  {
    key: "zhong-orchard",
    bank: RURAL,
    product: "facility-farming",
    amountYuan: 60_000,
    rateBp: 480,
    termMonths: 24,
    day: 150,
  },
];

export async function servedStories(w: SeedWorld): Promise<void> {
  for (const s of SERVED) {
    const staff = w.staff(s.bank);
    w.day(s.day);
    await w.factor(s.key, staff);
    w.day(s.day + 8);
    const [id] = (await w.active([s.key], staff)) as [string];
    await w.valued(id, [id], staff);
    w.day(s.day + 9);
    await demoLoan(w, {
      borrower: w.record(s.key).person,
      applicant: staff,
      product: s.product,
      units: [[id]],
      amountFen: yuan(s.amountYuan),
      termMonths: s.termMonths,
      rateBp: s.rateBp,
    });
  }
}

/** The market and the county desk today: a land lease listed with a bid, a forest disputed, an equity awaiting its department. */
export async function deskStories(w: SeedWorld): Promise<void> {
  const postal = w.staff(POSTAL);
  w.day(170);
  await w.factor("he-land", postal);
  w.day(188);
  const [land] = (await w.active(["he-land"], postal)) as [string];
  const open = await sql<{
    n: number;
  }>`select count(*)::int as n from factors.listings where unit_id = ${land}`.execute(w.db);
  if ((open.rows[0]?.n ?? 0) === 0) {
    const listedOn = w.day(192);
    const listing = await listForTransfer(w.deps, postal, {
      factorIds: [land],
      kind: "lease",
      reservePriceFen: yuan(24_000),
      closesOn: addDays(listedOn, 15),
      leaseFrom: addDays(listedOn, 30),
      leaseTo: addDays(listedOn, 30 + 3 * 365),
    });
    w.day(193);
    const bidder = demoPerson("huangwei");
    await placeBid(w.deps, w.staff(RURAL), {
      listing: "transfer",
      listingId: listing.id,
      amountFen: yuan(26_500),
      bidder: { kind: "person", idNumber: bidder.idNumber, name: bidder.name },
    });
    w.note(`transfer listing ${listing.id}: lease of ${w.record("he-land").title}`);
  }
  w.day(197);
  const forest = await w.factor("huangwei-forest", w.staff(POSTAL));
  if (forest.status === "PUBLICISED") {
    w.day(198);
    await lodgeObjection(
      w.deps,
      { id: "clerk:zhouning-houyang", roles: ["clerk"], regionCodes: ["350925"] },
      {
        factorId: forest.id,
        grounds: "后洋村民小组称林班 11 东侧 6 亩为集体林，界线有争议",
      },
    );
  }
  w.day(199);
  await w.factor("zhong-equity", w.staff(RURAL));
}

import { type Fen, formatYuan } from "../../kernel/mod.ts";
import type { Circumstances } from "../domain/quick-claim-case.ts";
import type { RemoteLimits } from "../policy.ts";

/** Why a case cannot be handled remotely (QC-R01). */
export interface RemoteHandlingReason {
  readonly code:
    | "death_or_serious_injury"
    | "vehicles_not_movable"
    | "suspected_drink_driving"
    | "suspected_unlicensed_driving"
    | "suspected_hit_and_run"
    | "too_many_parties"
    | "too_few_parties"
    | "property_over_cap"
    | "injury_over_cap";
  /** The input field that crossed the line, for problem details. */
  readonly field: string;
  readonly message: string;
}

export interface RemoteHandlingVerdict {
  readonly remote: boolean;
  readonly reasons: readonly RemoteHandlingReason[];
}

export interface RemoteHandlingInput {
  readonly partyCount: number;
  readonly circumstances: Circumstances;
  /** The case's total property loss; omitted before the adjuster has assessed it. */
  readonly totalPropertyFen?: Fen;
  /** The case's total injury (medical) loss; omitted before assessment. */
  readonly totalInjuryFen?: Fen;
}

const REMOTE: RemoteHandlingVerdict = { remote: true, reasons: [] };

/**
 * Is a loss within a cap? A zero loss always is; otherwise "below" means strictly less than
 * the cap (spec wording) and "at-or-below" also admits the cap itself (以下 includes the figure).
 */
export function withinCap(lossFen: Fen, capFen: Fen, boundary: RemoteLimits["boundary"]): boolean {
  if (lossFen === 0) return true;
  return boundary === "below" ? lossFen < capFen : lossFen <= capFen;
}

/**
 * QC-R01 远程处理条件: a case is handled remotely only if its property and injury totals are
 * within the caps in force on the accident date, nobody died or is seriously hurt, the vehicles
 * can move, and nobody is suspected of drink-driving, unlicensed driving or hit-and-run.
 */
export function checkRemoteHandling(
  input: RemoteHandlingInput,
  limits: RemoteLimits,
  maxParties: number,
): RemoteHandlingVerdict {
  const c = input.circumstances;
  const property = input.totalPropertyFen;
  const injury = input.totalInjuryFen;
  const propertyOk = property === undefined || withinCap(property, limits.propertyCapFen, limits.boundary);
  // Before a loss is assessed, an injury case is refused only where no injury case is remote.
  const injuryOk =
    injury === undefined
      ? !(c.anyoneInjured && limits.injuryCapFen === 0)
      : withinCap(injury, limits.injuryCapFen, limits.boundary);
  const clean =
    propertyOk &&
    injuryOk &&
    !c.deathOrSeriousInjury &&
    c.vehiclesMovable &&
    !c.suspectedDrinkDriving &&
    !c.suspectedUnlicensedDriving &&
    !c.suspectedHitAndRun &&
    input.partyCount >= 2 &&
    input.partyCount <= maxParties;
  if (clean) return REMOTE;

  const reasons: RemoteHandlingReason[] = [];
  const add = (code: RemoteHandlingReason["code"], field: string, message: string) =>
    reasons.push({ code, field, message });
  if (c.deathOrSeriousInjury)
    add(
      "death_or_serious_injury",
      "circumstances.deathOrSeriousInjury",
      "有人死亡或重伤 someone died or is seriously hurt",
    );
  if (!c.vehiclesMovable)
    add("vehicles_not_movable", "circumstances.vehiclesMovable", "车辆不能移动 a vehicle cannot move");
  if (c.suspectedDrinkDriving)
    add("suspected_drink_driving", "circumstances.suspectedDrinkDriving", "涉嫌酒驾 suspected drink-driving");
  if (c.suspectedUnlicensedDriving)
    add(
      "suspected_unlicensed_driving",
      "circumstances.suspectedUnlicensedDriving",
      "涉嫌无证驾驶 suspected unlicensed driving",
    );
  if (c.suspectedHitAndRun)
    add("suspected_hit_and_run", "circumstances.suspectedHitAndRun", "涉嫌肇事逃逸 suspected hit-and-run");
  if (input.partyCount < 2) add("too_few_parties", "parties", "a quick claim needs at least two vehicles");
  if (input.partyCount > maxParties) {
    add("too_many_parties", "parties", `${input.partyCount} vehicles; at most ${maxParties} are handled remotely`);
  }
  if (!propertyOk) {
    add(
      "property_over_cap",
      "losses.property",
      `财产损失 property loss ${formatYuan(property as Fen)} yuan is not ${limits.boundary} the cap of ${formatYuan(limits.propertyCapFen)} yuan`,
    );
  }
  if (!injuryOk) {
    const cap =
      limits.injuryCapFen === 0
        ? "no injury case is handled remotely"
        : `the cap is ${formatYuan(limits.injuryCapFen)} yuan`;
    const amount = injury === undefined ? "an injury" : `injury loss ${formatYuan(injury)} yuan`;
    add(
      "injury_over_cap",
      injury === undefined ? "circumstances.anyoneInjured" : "losses.medical",
      `人伤 ${amount}: ${cap}`,
    );
  }
  return { remote: false, reasons };
}

import { DomainError, type Fen, formatYuan } from "../../kernel/mod.ts";
import type { Lien } from "../domain/lending.ts";

const RULE = "FAC-R06";

type Ranked = Pick<Lien, "registeredAt" | "registrationSeq" | "status" | "securedAmount">;

/** Earlier registration first; equal instants by registration order on the unit. */
export function compareLienRank(a: Ranked, b: Ranked): number {
  if (a.registeredAt !== b.registeredAt) return a.registeredAt < b.registeredAt ? -1 : 1;
  return a.registrationSeq - b.registrationSeq;
}

/** FAC-R06 the active liens of a unit in rank order (first registered, first ranked). */
export function rankLiens<T extends Ranked>(liens: readonly T[]): T[] {
  return liens.filter((l) => l.status === "active").sort(compareLienRank);
}

/** What the active liens already secure. */
export function securedTotal(liens: readonly Ranked[]): Fen {
  let sum = 0;
  for (let i = 0; i < liens.length; i++) {
    const l = liens[i] as Ranked;
    if (l.status === "active") sum += l.securedAmount;
  }
  return sum;
}

/** FAC-R06 the headroom left under the FAC-R05 limit after the active liens (never negative). */
export function headroom(limit: Fen, liens: readonly Ranked[]): Fen {
  const left = limit - securedTotal(liens);
  return Math.max(left, 0);
}

/** A new lien may secure only the remaining headroom. */
export function assertWithinHeadroom(requested: Fen, limit: Fen, liens: readonly Ranked[]): void {
  const room = headroom(limit, liens);
  if (requested > room) {
    throw new DomainError(
      `only ${formatYuan(room)} yuan of headroom is left under the ${formatYuan(limit)} yuan limit; ${formatYuan(requested)} yuan asked`,
      { ruleId: RULE, field: "securedAmount", detail: { headroom: room, limit, requested } },
    );
  }
}

/** The registration order number of the next lien on a unit. */
export function nextRegistrationSeq(liens: readonly Pick<Lien, "registrationSeq">[]): number {
  let max = 0;
  for (const l of liens) if (l.registrationSeq > max) max = l.registrationSeq;
  return max + 1;
}

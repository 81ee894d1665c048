import { type Clock, startOfBusinessDate } from "../../../core/kernel/mod.ts";
import type { MarketplaceDeps } from "../../../core/marketplace/mod.ts";
import { FixedClock } from "../../platform/fixed-clock.ts";

/** The instant of `hh:mm` Asia/Shanghai on a business date. */
export function atShanghai(date: string, hour: number, minute = 0): Date {
  return new Date(startOfBusinessDate(date).getTime() + (hour * 60 + minute) * 60_000);
}

/** The region's dependencies with a clock standing at `at` (demo history happens in the past). */
export function depsAt(deps: MarketplaceDeps, at: Date): MarketplaceDeps {
  const clock: Clock = new FixedClock(at);
  return { ...deps, clock };
}

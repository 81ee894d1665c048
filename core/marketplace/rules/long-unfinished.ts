import { businessDateOf, endOfNthWorkingDayAfter, valueAsOf, type WorkingDayCalendar } from "../../kernel/mod.ts";
import { type Application, isConcluded } from "../domain/application.ts";
import type { MarketplacePolicy } from "../policy.ts";

/**
 * MKT-R05 long unfinished (长期未办结). An application not concluded (approved, rejected or
 * withdrawn) by the end of the nth working day after the day of submission (n = 15 by default)
 * counts as long unfinished.
 */
export const LONG_UNFINISHED_RULE = "MKT-R05";

export function concludeDueAt(submittedAt: Date, calendar: WorkingDayCalendar, policy: MarketplacePolicy): Date {
  const day = businessDateOf(submittedAt, "submittedAt");
  const n = valueAsOf(
    policy.serviceDeadlines.longUnfinishedWorkingDays,
    day,
    "serviceDeadlines.longUnfinishedWorkingDays",
  );
  return endOfNthWorkingDayAfter(calendar, day, n);
}

export function isLongUnfinished(app: Pick<Application, "state" | "concludeDueAt">, now: Date): boolean {
  return !isConcluded(app.state) && now.getTime() >= app.concludeDueAt.getTime();
}

import { businessDateOf, endOfNthWorkingDayAfter, valueAsOf, type WorkingDayCalendar } from "../../kernel/mod.ts";
import type { Application } from "../domain/application.ts";
import type { MarketplacePolicy } from "../policy.ts";

/**
 * MKT-R04 contact deadline (限时办理). A manual institution must contact the applicant by the end
 * (24:00 Asia/Shanghai) of the nth working day after the day of submission (n = 2 by default,
 * from the pack in force on that day); past it the application counts as overdue for contact.
 */
export const CONTACT_DEADLINE_RULE = "MKT-R04";

export function contactDueAt(submittedAt: Date, calendar: WorkingDayCalendar, policy: MarketplacePolicy): Date {
  const day = businessDateOf(submittedAt, "submittedAt");
  const n = valueAsOf(policy.serviceDeadlines.contactWorkingDays, day, "serviceDeadlines.contactWorkingDays");
  return endOfNthWorkingDayAfter(calendar, day, n);
}

/** Not yet contacted, and the deadline has passed at `now`. */
export function isOverdueForContact(app: Pick<Application, "state" | "contactDueAt">, now: Date): boolean {
  return app.state === "SUBMITTED" && now.getTime() >= app.contactDueAt.getTime();
}

/** Contacted, but only after the deadline (counted in notices even once contacted). */
export function wasContactedLate(app: Pick<Application, "contactedAt" | "contactDueAt">): boolean {
  return app.contactedAt !== null && app.contactedAt.getTime() >= app.contactDueAt.getTime();
}

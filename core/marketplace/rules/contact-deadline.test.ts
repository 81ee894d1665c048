import { describe, expect, it } from "vitest";
import { since } from "../../kernel/mod.ts";
import type { MarketplacePolicy } from "../policy.ts";
import { marketplacePolicyDefaults } from "../policy-defaults.ts";
import { anApplication } from "../testing/application-fixture.ts";
import { calendar2026 } from "../testing/calendar-2026.ts";
import { contactDueAt, isOverdueForContact, wasContactedLate } from "./contact-deadline.ts";

const due = (submitted: string, policy: MarketplacePolicy = marketplacePolicyDefaults) =>
  contactDueAt(new Date(submitted), calendar2026, policy).toISOString();

describe("MKT-R04 限时办理 contact deadline", () => {
  it.each([
    [
      "submitted Monday 10:00, contact is due by the end of Wednesday",
      "2026-03-02T02:00:00Z",
      "2026-03-04T16:00:00.000Z",
    ],
    [
      "submitted Friday, the weekend does not count: due by the end of Tuesday",
      "2026-03-06T02:00:00Z",
      "2026-03-10T16:00:00.000Z",
    ],
    ["submitted on a Saturday, due by the end of Tuesday", "2026-03-07T02:00:00Z", "2026-03-10T16:00:00.000Z"],
    [
      "submitted 30 September, the 国庆 holiday does not count: due by the end of 9 October",
      "2026-09-30T02:00:00Z",
      "2026-10-09T16:00:00.000Z",
    ],
    [
      "submitted Friday 18 September, the 调休 Sunday 20 September counts: due by the end of Monday 21",
      "2026-09-18T02:00:00Z",
      "2026-09-21T16:00:00.000Z",
    ],
    ["submitted 23:59 Monday in 龙岩 still counts from Monday", "2026-03-02T15:59:00Z", "2026-03-04T16:00:00.000Z"],
    [
      "submitted 00:30 Tuesday in 龙岩 (16:30 UTC Monday) counts from Tuesday",
      "2026-03-02T16:30:00Z",
      "2026-03-05T16:00:00.000Z",
    ],
  ])("%s", (_title, submitted, expected) => {
    expect(due(submitted)).toBe(expected);
  });

  it("follows the pack: with 3 working days, Monday's application is due by the end of Thursday", () => {
    const pack: MarketplacePolicy = {
      ...marketplacePolicyDefaults,
      serviceDeadlines: {
        ...marketplacePolicyDefaults.serviceDeadlines,
        contactWorkingDays: since("2021-01-01", 3, "test pack"),
      },
    };
    expect(due("2026-03-02T02:00:00Z", pack)).toBe("2026-03-05T16:00:00.000Z");
  });

  it("judges by the value in force on the day of submission, not the day of checking (KRN-R12)", () => {
    const pack: MarketplacePolicy = {
      ...marketplacePolicyDefaults,
      serviceDeadlines: {
        ...marketplacePolicyDefaults.serviceDeadlines,
        contactWorkingDays: [
          { from: "2021-01-01", value: 2, source: "old" },
          { from: "2026-03-03", value: 1, source: "new" },
        ],
      },
    };
    expect(due("2026-03-02T02:00:00Z", pack)).toBe("2026-03-04T16:00:00.000Z");
    expect(due("2026-03-03T02:00:00Z", pack)).toBe("2026-03-04T16:00:00.000Z");
  });

  const app = anApplication();
  it.each([
    ["not yet contacted before the deadline: pending, not overdue", app, "2026-03-04T15:59:59Z", false],
    ["not contacted at 24:00 of the second working day: overdue", app, "2026-03-04T16:00:00Z", true],
    ["the tea company left waiting three working days is overdue (demo story)", app, "2026-03-05T09:00:00Z", true],
    [
      "contacted before the deadline: not overdue",
      { ...app, state: "CONTACTED" as const },
      "2026-03-06T00:00:00Z",
      false,
    ],
    ["withdrawn by the applicant: not overdue", { ...app, state: "WITHDRAWN" as const }, "2026-03-06T00:00:00Z", false],
  ])("%s", (_title, a, now, overdue) => {
    expect(isOverdueForContact(a, new Date(now))).toBe(overdue);
  });

  it.each([
    ["a contact one second before the deadline is in time", "2026-03-04T15:59:59Z", false],
    ["a contact at the deadline is late", "2026-03-04T16:00:00Z", true],
  ])("%s", (_title, contacted, late) => {
    expect(wasContactedLate({ ...app, contactedAt: new Date(contacted) })).toBe(late);
  });
});

import { describe, expect, it } from "vitest";
import { since } from "../../kernel/mod.ts";
import type { ApplicationState } from "../domain/application.ts";
import type { MarketplacePolicy } from "../policy.ts";
import { marketplacePolicyDefaults } from "../policy-defaults.ts";
import { anApplication } from "../testing/application-fixture.ts";
import { calendar2026 } from "../testing/calendar-2026.ts";
import { concludeDueAt, isLongUnfinished } from "./long-unfinished.ts";

describe("MKT-R05 长期未办结 long unfinished", () => {
  it.each([
    [
      "submitted Monday 2 March, it must be concluded by the end of Monday 23 March (15 working days)",
      "2026-03-02T02:00:00Z",
      "2026-03-23T16:00:00.000Z",
    ],
    [
      "submitted 24 September, 中秋 and 国庆 do not count and the 调休 Saturday does: by the end of 22 October",
      "2026-09-24T02:00:00Z",
      "2026-10-22T16:00:00.000Z",
    ],
  ])("%s", (_title, submitted, expected) => {
    expect(concludeDueAt(new Date(submitted), calendar2026, marketplacePolicyDefaults).toISOString()).toBe(expected);
  });

  it("follows the pack: 10 working days from Monday 2 March end on Monday 16 March", () => {
    const pack: MarketplacePolicy = {
      ...marketplacePolicyDefaults,
      serviceDeadlines: {
        ...marketplacePolicyDefaults.serviceDeadlines,
        longUnfinishedWorkingDays: since("2021-01-01", 10, "test pack"),
      },
    };
    expect(concludeDueAt(new Date("2026-03-02T02:00:00Z"), calendar2026, pack).toISOString()).toBe(
      "2026-03-16T16:00:00.000Z",
    );
  });

  const AFTER = "2026-03-23T16:00:00Z";
  it.each([
    ["submitted and never contacted", "SUBMITTED", AFTER, true],
    ["contacted but not decided", "CONTACTED", AFTER, true],
    ["contacted, one second before the end of the 15th working day", "CONTACTED", "2026-03-23T15:59:59Z", false],
    ["approved", "APPROVED", AFTER, false],
    ["rejected", "REJECTED", AFTER, false],
    ["withdrawn", "WITHDRAWN", AFTER, false],
    ["disbursed", "DISBURSED", AFTER, false],
  ] as [string, ApplicationState, string, boolean][])(
    "an application %s is long unfinished: %s",
    (_title, state, now, expected) => {
      expect(isLongUnfinished(anApplication({ state }), new Date(now))).toBe(expected);
    },
  );
});

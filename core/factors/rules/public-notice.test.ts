import { describe, expect, it } from "vitest";
import { since } from "../../kernel/mod.ts";
import type { FactorsPolicy } from "../policy.ts";
import { ningdeFactorsPolicy as policy } from "../policy-defaults.ts";
import { assertCanActivate, assertObjectionWindow, noticeClosesOn, statusAfterDismissal } from "./public-notice.ts";

describe("FAC-R02 公示 public notice", () => {
  it("a factor published on 1 March takes objections for 7 days, through 8 March", () => {
    expect(noticeClosesOn(policy, "2026-03-01")).toBe("2026-03-08");
  });

  it("follows the pack: with a 10-day notice from 2026, publication on 1 March runs through 11 March", () => {
    const longer: FactorsPolicy = {
      ...policy,
      publicNotice: { days: [...policy.publicNotice.days, ...since("2026-01-01", 10, "test pack")] },
    };
    expect(noticeClosesOn(longer, "2026-03-01")).toBe("2026-03-11");
    expect(noticeClosesOn(longer, "2025-12-30")).toBe("2026-01-06");
  });

  it.each([
    ["on the day of publication is taken", "PUBLICISED", "2026-03-01", true],
    ["on the last day of notice is taken", "PUBLICISED", "2026-03-08", true],
    ["while the factor is already disputed is taken too", "DISPUTED", "2026-03-05", true],
    ["the day after notice closed is refused", "PUBLICISED", "2026-03-09", false],
    ["against an active factor is refused", "ACTIVE", "2026-03-05", false],
    ["before publication is refused", "CONFIRMED", "2026-03-01", false],
  ] as const)("an objection %s", (_t, status, today, ok) => {
    const call = () => assertObjectionWindow(status, "2026-03-08", today);
    if (ok) expect(call).not.toThrow();
    else expect(call).toThrow(expect.objectContaining({ ruleId: "FAC-R02", kind: "conflict" }));
  });

  it.each([
    ["becomes active the day after notice closes", "PUBLICISED", "2026-03-09", true],
    ["does not become active on the last day of notice", "PUBLICISED", "2026-03-08", false],
    ["does not become active while an objection is open", "DISPUTED", "2026-03-20", false],
  ] as const)("an unopposed factor %s", (_t, status, today, ok) => {
    const call = () => assertCanActivate(status, "2026-03-08", today);
    if (ok) expect(call).not.toThrow();
    else expect(call).toThrow(expect.objectContaining({ ruleId: "FAC-R02" }));
  });

  it.each([
    ["during notice returns it to notice", "2026-03-05", "PUBLICISED"],
    ["after notice closed makes it active", "2026-03-15", "ACTIVE"],
  ])("dismissing every objection %s", (_t, today, status) => {
    expect(statusAfterDismissal("2026-03-08", today)).toBe(status);
  });
});

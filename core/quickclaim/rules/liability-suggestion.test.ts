import { describe, expect, it } from "vitest";
import { isDomainError } from "../../kernel/mod.ts";
import type { AccidentForm } from "../domain/accident-form.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { ningdeQuickClaimPolicy } from "../policy-defaults.ts";
import { decideLiability, suggestLiability } from "./liability-suggestion.ts";

const SHARES = paramsAsOf(ningdeQuickClaimPolicy, "2026-03-01").liabilityShares;
const AB = ["A", "B"];

function split(form: AccidentForm, fault: string | null, ids = AB): string | null {
  const s = suggestLiability({ form, partyIds: ids, faultPartyId: fault }, SHARES);
  return s === null ? null : s.map((l) => `${l.partyId}${l.shareBp / 100}`).join("/");
}

function refusal(fn: () => unknown): [string, string | undefined] {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return [e.ruleId, e.field];
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("QC-R03 按事故形态建议责任 liability suggestion by accident form", () => {
  it.each([
    ["追尾 rear-end: B ran into the back of A, the rear vehicle B bears 100 %", "rear_end", "B", "A0/B100"],
    ["变更车道 lane change: A changed lane into B going straight, A bears 100 %", "lane_change", "A", "A100/B0"],
    ["倒车 reversing: B reversed into A, B bears 100 %", "reversing", "B", "A0/B100"],
    ["掉头 U-turn: A turned across B, A bears 100 %", "u_turn", "A", "A100/B0"],
    ["开关车门 opening a door: A's door struck B, the door side A bears 100 %", "door_opening", "A", "A100/B0"],
    ["逆行 wrong way: B drove against traffic, B bears 100 %", "wrong_way", "B", "A0/B100"],
    ["闯红灯 red light: A ran the light, A bears 100 %", "red_light", "A", "A100/B0"],
    [
      "未让行 failure to yield at an uncontrolled junction: B should have yielded, 100 %",
      "failure_to_yield",
      "B",
      "A0/B100",
    ],
    ["同等责任 both at fault, equal: 50/50", "both_equal", null, "A50/B50"],
    ["主次责任 both at fault, A main: 70/30", "both_main_secondary", "A", "A70/B30"],
    ["主次责任 both at fault, B main: 30/70", "both_main_secondary", "B", "A30/B70"],
    ["其他 other forms: no suggestion, the officer decides", "other", null, null],
  ] as const)("%s", (_title, form, fault, expected) => {
    expect(split(form, fault)).toBe(expected);
  });

  it.each([
    ["three vehicles in a rear-end chain where C is the rear vehicle", "rear_end", "C", "A0/B0/C100"],
    ["three vehicles equally at fault: 33.34/33.33/33.33 adds to 100 %", "both_equal", null, "A33.34/B33.33/C33.33"],
  ] as const)("%s", (_title, form, fault, expected) => {
    expect(split(form, fault, ["A", "B", "C"])).toBe(expected);
  });

  it("follows the pack: a region that sets main/secondary to 80/20 suggests 80/20", () => {
    const shares = { ...SHARES, mainSecondary: { main: 8_000, secondary: 2_000 } };
    const s = suggestLiability({ form: "both_main_secondary", partyIds: AB, faultPartyId: "B" }, shares);
    expect(s).toEqual([
      { partyId: "A", shareBp: 2_000 },
      { partyId: "B", shareBp: 8_000 },
    ]);
  });

  it.each([
    [
      "a rear-end without naming the rear vehicle",
      () => suggestLiability({ form: "rear_end", partyIds: AB }, SHARES),
      "faultPartyId",
    ],
    [
      "a door form naming a vehicle not in the case",
      () => suggestLiability({ form: "door_opening", partyIds: AB, faultPartyId: "Z" }, SHARES),
      "faultPartyId",
    ],
    [
      "main/secondary among three vehicles",
      () => suggestLiability({ form: "both_main_secondary", partyIds: ["A", "B", "C"], faultPartyId: "A" }, SHARES),
      "form",
    ],
  ])("refuses %s", (_title, fn, field) => {
    expect(refusal(fn)).toEqual(["QC-R03", field]);
  });
});

describe("QC-R03 民警认定 the officer's decision and override", () => {
  const rearEnd = [
    { partyId: "A", shareBp: 0 },
    { partyId: "B", shareBp: 10_000 },
  ];

  it("takes the suggestion when the officer confirms it", () => {
    expect(decideLiability(AB, rearEnd, null)).toEqual({ decision: rearEnd, overrideReason: null });
  });

  it("takes an override with its reason (video shows A braked without cause: 70/30)", () => {
    const r = decideLiability(AB, rearEnd, {
      decision: [
        { partyId: "B", shareBp: 7_000 },
        { partyId: "A", shareBp: 3_000 },
      ],
      reason: "视频显示A车无故急刹",
    });
    expect(r.decision).toEqual([
      { partyId: "A", shareBp: 3_000 },
      { partyId: "B", shareBp: 7_000 },
    ]);
    expect(r.overrideReason).toBe("视频显示A车无故急刹");
  });

  it.each([
    [
      "an override without a reason",
      {
        decision: [
          { partyId: "A", shareBp: 5_000 },
          { partyId: "B", shareBp: 5_000 },
        ],
        reason: " ",
      },
      "overrideReason",
    ],
    [
      "shares adding to 90 %",
      {
        decision: [
          { partyId: "A", shareBp: 4_000 },
          { partyId: "B", shareBp: 5_000 },
        ],
        reason: "x",
      },
      "decision",
    ],
    ["a party missing", { decision: [{ partyId: "A", shareBp: 10_000 }], reason: "x" }, "decision"],
    [
      "a party twice",
      {
        decision: [
          { partyId: "A", shareBp: 5_000 },
          { partyId: "A", shareBp: 5_000 },
        ],
        reason: "x",
      },
      "decision.1.partyId",
    ],
    [
      "a negative share",
      {
        decision: [
          { partyId: "A", shareBp: -1 },
          { partyId: "B", shareBp: 10_001 },
        ],
        reason: "x",
      },
      "decision.0.shareBp",
    ],
  ])("refuses %s", (_title, override, field) => {
    expect(refusal(() => decideLiability(AB, rearEnd, override))).toEqual(["QC-R03", field]);
  });

  it("refuses to confirm a form that has no suggestion without the officer's split", () => {
    expect(refusal(() => decideLiability(AB, null, null))).toEqual(["QC-R03", "decision"]);
  });

  it("accepts the officer's split for an 'other' form without a reason (nothing is overridden)", () => {
    const d = [
      { partyId: "A", shareBp: 6_000 },
      { partyId: "B", shareBp: 4_000 },
    ];
    expect(decideLiability(AB, null, { decision: d, reason: "" })).toEqual({ decision: d, overrideReason: null });
  });
});

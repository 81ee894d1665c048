import { describe, expect, it } from "vitest";
import { anApplication } from "../testing/application-fixture.ts";
import { refusalOf } from "../testing/errors.ts";
import { type ApplicationEvent, type ApplicationState, applyApplicationEvent, isConcluded } from "./application.ts";

const AT = new Date("2026-03-03T03:00:00Z");

describe("MKT-LIFECYCLE 申请状态 application states", () => {
  it.each([
    ["the institution contacts a submitted applicant (对接)", "SUBMITTED", "contact", "CONTACTED"],
    ["a direct-connect bank approves a submitted application at once", "SUBMITTED", "approve", "APPROVED"],
    ["an institution rejects after contact", "CONTACTED", "reject", "REJECTED"],
    ["an approved loan is disbursed", "APPROVED", "disburse", "DISBURSED"],
    ["the applicant declines an approved offer", "APPROVED", "decline", "DECLINED_BY_APPLICANT"],
    ["the applicant withdraws before contact", "SUBMITTED", "withdraw", "WITHDRAWN"],
    ["the applicant withdraws after contact", "CONTACTED", "withdraw", "WITHDRAWN"],
  ] as [string, ApplicationState, ApplicationEvent, ApplicationState][])("%s", (_title, from, event, to) => {
    expect(applyApplicationEvent(anApplication({ state: from }), event, AT).state).toBe(to);
  });

  it.each([
    ["withdrawing an approved application", "APPROVED", "withdraw"],
    ["withdrawing a rejected application", "REJECTED", "withdraw"],
    ["withdrawing a disbursed loan", "DISBURSED", "withdraw"],
    ["disbursing before approval", "CONTACTED", "disburse"],
    ["contacting twice", "CONTACTED", "contact"],
    ["approving a withdrawn application", "WITHDRAWN", "approve"],
  ] as [string, ApplicationState, ApplicationEvent][])(
    "refuses %s as a conflict, changing nothing",
    (_title, from, event) => {
      const app = anApplication({ state: from });
      expect(refusalOf(() => applyApplicationEvent(app, event, AT))).toMatchObject({
        rule: "MKT-LIFECYCLE",
        kind: "conflict",
        field: "state",
      });
      expect(app.state).toBe(from);
    },
  );

  it("a decision without a separate contact also counts as the contact", () => {
    const decided = applyApplicationEvent(anApplication(), "approve", AT, {
      amountGranted: 1_000_000,
      rateBp: 425,
      grantedTermMonths: 12,
    });
    expect(decided.contactedAt).toEqual(AT);
    expect(decided.decidedAt).toEqual(AT);
    expect(decided.concludedAt).toEqual(AT);
    expect(decided.amountGranted).toBe(1_000_000);
  });

  it("an earlier contact time is kept when the decision comes later", () => {
    const contacted = applyApplicationEvent(anApplication(), "contact", new Date("2026-03-02T05:00:00Z"));
    expect(applyApplicationEvent(contacted, "reject", AT, { reason: "x" }).contactedAt).toEqual(
      new Date("2026-03-02T05:00:00Z"),
    );
  });

  it.each([
    ["SUBMITTED", false],
    ["CONTACTED", false],
    ["APPROVED", true],
    ["REJECTED", true],
    ["WITHDRAWN", true],
    ["DISBURSED", true],
    ["DECLINED_BY_APPLICANT", true],
  ] as [ApplicationState, boolean][])("%s is concluded: %s (MKT-R05)", (state, concluded) => {
    expect(isConcluded(state)).toBe(concluded);
  });
});

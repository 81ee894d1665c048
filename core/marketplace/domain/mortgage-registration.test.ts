import { describe, expect, it } from "vitest";
import { refusalOf } from "../testing/errors.ts";
import {
  type MortgageRegistrationEvent,
  type MortgageRegistrationState,
  mortgageRegistrationTransitions,
} from "./mortgage-registration.ts";
import { nextState } from "./state-machine.ts";

const move = (from: MortgageRegistrationState, event: MortgageRegistrationEvent) =>
  nextState(mortgageRegistrationTransitions, from, event, {
    ruleId: "MKT-MORTGAGE",
    what: "the mortgage registration",
  });

describe("MKT-MORTGAGE 抵押登记云办理 online mortgage registration", () => {
  it.each([
    ["the borrower signs at a bank branch, not at the registry", "REQUESTED", "sign_at_branch", "SIGNED_AT_BRANCH"],
    ["the branch's signed request goes to the registry", "SIGNED_AT_BRANCH", "submit", "SUBMITTED"],
    ["the registry registers the mortgage", "SUBMITTED", "register", "REGISTERED"],
    ["the registry may refuse", "SUBMITTED", "refuse", "REFUSED"],
    ["the lender may cancel before submission", "REQUESTED", "cancel", "CANCELLED"],
  ] as [string, MortgageRegistrationState, MortgageRegistrationEvent, MortgageRegistrationState][])(
    "%s",
    (_title, from, event, to) => {
      expect(move(from, event)).toBe(to);
    },
  );

  it.each([
    ["submitting before the borrower signed", "REQUESTED", "submit"],
    ["cancelling once submitted to the registry", "SUBMITTED", "cancel"],
    ["registering twice", "REGISTERED", "register"],
  ] as [string, MortgageRegistrationState, MortgageRegistrationEvent][])("refuses %s", (_title, from, event) => {
    expect(refusalOf(() => move(from, event))).toMatchObject({ rule: "MKT-MORTGAGE", kind: "conflict" });
  });
});

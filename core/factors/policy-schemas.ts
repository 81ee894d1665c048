import * as v from "valibot";

/**
 * Building blocks of the factors policy pack (policy.ts) shared with credit products:
 * basis points, fen amounts, names, and the 政银保担 sharing agreement of FAC-R09.
 */
export const basisPoints = (what: string) =>
  v.pipe(
    v.number(),
    v.integer(`${what} must be whole basis points`),
    v.minValue(0, `${what} must be between 0 and 10000 basis points (0–100 %)`),
    v.maxValue(10000, `${what} must be between 0 and 10000 basis points (0–100 %)`),
    v.description(`${what}, in basis points (10000 = 100 %)`),
  );

export const fenAmount = (what: string) =>
  v.pipe(
    v.number(),
    v.safeInteger(`${what} must be a whole number of fen`),
    v.minValue(0, `${what} must not be negative`),
    v.description(`${what}, in fen (分)`),
  );

export const wholeDays = (what: string, min: number, max: number) =>
  v.pipe(
    v.number(),
    v.integer(`${what} must be a whole number`),
    v.minValue(min, `${what} must be at least ${min}`),
    v.maxValue(max, `${what} must be at most ${max}`),
    v.description(what),
  );

export const bilingualName = v.pipe(
  v.object({
    zh: v.pipe(v.string(), v.minLength(1), v.description("name in Chinese (shown first)")),
    en: v.pipe(v.string(), v.minLength(1), v.description("name in English")),
  }),
  v.description("a name in Chinese and English"),
);

/** The four parties of 政银保担, in the order that wins rounding ties (FAC-R09). */
export const SHARING_PARTIES = ["bank", "guarantor", "insurer", "governmentFund"] as const;
export type SharingParty = (typeof SHARING_PARTIES)[number];

const cap = (party: string) =>
  v.pipe(
    v.nullable(fenAmount(`per-loan cap of the ${party}`)),
    v.description(`most the ${party} takes of one loan's loss, in fen; null = no cap`),
  );

/** FAC-R09 sharing agreement: shares add to 100 %; caps are per loan and non-negative. */
export const sharingAgreementSchema = v.pipe(
  v.object({
    sharesBp: v.pipe(
      v.object({
        bank: basisPoints("bank share"),
        guarantor: basisPoints("government guarantor share"),
        insurer: basisPoints("insurer share"),
        governmentFund: basisPoints("government risk-compensation fund share"),
      }),
      v.check(
        (s) => s.bank + s.guarantor + s.insurer + s.governmentFund === 10000,
        "FAC-R09: sharing ratios must add up to 100 % (10000 basis points)",
      ),
      v.description("each party's share of a loss, in basis points, adding to 10000"),
    ),
    perLoanCapsFen: v.pipe(
      v.object({ guarantor: cap("guarantor"), insurer: cap("insurer"), governmentFund: cap("government fund") }),
      v.description("per-loan caps; the bank has none: what no one else can take stays with the bank"),
    ),
  }),
  v.description("政银保担 risk-sharing agreement (FAC-R09)"),
);

export type SharingAgreement = v.InferOutput<typeof sharingAgreementSchema>;

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../../kernel/mod.ts";
import type { Signature } from "../domain/quick-claim-case.ts";
import { addSignature, allConsentToMutual, isBinding, type SignatureInput, voidStaleSignatures } from "./signatures.ts";

const V1 = { contentHash: "a1".repeat(32) };
const V2 = { contentHash: "b2".repeat(32) };
const AB = ["A", "B"];
const AT = "2026-03-01T06:10:00.000Z";
const agree = (hash = V1.contentHash, mutualConsent = false): SignatureInput => ({
  letterHash: hash,
  decision: "agree",
  mutualConsent,
  disputeReason: null,
});

function sign(steps: [string, SignatureInput][], letter = V1): { signatures: Signature[]; outcome: string } {
  let sigs: Signature[] = [];
  let outcome = "waiting";
  for (const [party, input] of steps)
    ({ signatures: sigs, outcome } = addSignature(letter, sigs, AB, party, input, AT));
  return { signatures: sigs, outcome };
}

function conflictField(fn: () => unknown): [string, string, string | undefined] {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return [e.ruleId, e.kind, e.field];
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("QC-R04 电子签名 signatures on the determination letter", () => {
  it.each([
    ["only A has signed: still waiting for B", [["A", agree()]], "waiting"],
    [
      "A and B both agree: the determination binds (AGREED)",
      [
        ["A", agree()],
        ["B", agree()],
      ],
      "agreed",
    ],
    [
      "B disputes: the case is disputed and goes offline",
      [
        ["A", agree()],
        ["B", { ...agree(), decision: "dispute", disputeReason: "我没有倒车" }],
      ],
      "disputed",
    ],
    [
      "A disputes first: disputed at once",
      [["A", { ...agree(), decision: "dispute", disputeReason: null }]],
      "disputed",
    ],
  ] as [string, [string, SignatureInput][], string][])("%s", (_title, steps, outcome) => {
    expect(sign(steps).outcome).toBe(outcome);
  });

  it("refuses a signature on a stale letter (the officer changed it after the party read it)", () => {
    expect(conflictField(() => addSignature(V2, [], AB, "A", agree(V1.contentHash), AT))).toEqual([
      "QC-R04",
      "conflict",
      "letterHash",
    ]);
  });

  it("refuses a second answer from the same party on the same letter", () => {
    const { signatures } = sign([["A", agree()]]);
    expect(conflictField(() => addSignature(V1, signatures, AB, "A", agree(), AT))).toEqual([
      "QC-R04",
      "conflict",
      "partyId",
    ]);
  });

  it("refuses to sign before any letter is issued", () => {
    expect(conflictField(() => addSignature(null, [], AB, "A", agree(), AT))).toEqual([
      "QC-R04",
      "conflict",
      "letterHash",
    ]);
  });

  it("any change to the letter voids earlier signatures: both must sign the new version", () => {
    const { signatures } = sign([
      ["A", agree()],
      ["B", agree()],
    ]);
    expect(isBinding(V1, signatures, AB)).toBe(true);
    const voided = voidStaleSignatures(signatures, V2.contentHash);
    expect(voided.every((s) => s.voided)).toBe(true);
    expect(isBinding(V2, voided, AB)).toBe(false);
    const a = addSignature(V2, voided, AB, "A", agree(V2.contentHash), AT);
    const b = addSignature(V2, a.signatures, AB, "B", agree(V2.contentHash), AT);
    expect(b.outcome).toBe("agreed");
    expect(b.signatures.length).toBe(4); // the history is kept
  });

  it("互碰自赔 needs every party's consent on the binding letter", () => {
    const both = sign([
      ["A", agree(V1.contentHash, true)],
      ["B", agree(V1.contentHash, true)],
    ]).signatures;
    const one = sign([
      ["A", agree(V1.contentHash, true)],
      ["B", agree()],
    ]).signatures;
    expect(allConsentToMutual(V1, both, AB)).toBe(true);
    expect(allConsentToMutual(V1, one, AB)).toBe(false);
    expect(allConsentToMutual(V2, voidStaleSignatures(both, V2.contentHash), AB)).toBe(false);
  });

  it("property: a letter binds only if every party agreed to exactly its hash", () => {
    const hashes = [V1.contentHash, V2.contentHash];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            partyId: fc.constantFrom("A", "B"),
            hash: fc.constantFrom(...hashes),
            agree: fc.boolean(),
            voided: fc.boolean(),
          }),
        ),
        fc.constantFrom(...hashes),
        (raw, hash) => {
          const sigs: Signature[] = raw.map((r) => ({
            partyId: r.partyId,
            letterHash: r.hash,
            decision: r.agree ? "agree" : "dispute",
            mutualConsent: false,
            disputeReason: null,
            at: AT,
            voided: r.voided,
          }));
          const expected = AB.every((id) =>
            raw.some((r) => r.partyId === id && r.hash === hash && r.agree && !r.voided),
          );
          expect(isBinding({ contentHash: hash }, sigs, AB)).toBe(expected);
        },
      ),
    );
  });
});

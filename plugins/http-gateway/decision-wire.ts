import * as v from "valibot";
import type { LenderDecision, LenderDecisionRequest } from "../../core/marketplace/mod.ts";

/**
 * The JSON exchanged with an institution's decision endpoint (version 1). Amounts are integer
 * fen (`…Fen`), rates integer basis points. Unknown fields in an answer are ignored, so an
 * institution may add its own.
 */
export const WIRE_VERSION = 1;

export interface WireDecisionRequest {
  readonly version: typeof WIRE_VERSION;
  readonly applicationId: string;
  readonly regionCode: string;
  readonly institutionId: string;
  readonly productId: string;
  readonly applicant: { readonly idKind: string; readonly idNumber: string; readonly name: string };
  readonly amountRequestedFen: number;
  readonly termMonths: number;
  readonly firstLoan: boolean;
  /** How long the platform waits for the answer, in milliseconds. */
  readonly budgetMs: number;
  readonly push: LenderDecisionRequest["push"];
}

export function toWireDecisionRequest(r: LenderDecisionRequest, budgetMs: number): WireDecisionRequest {
  return {
    version: WIRE_VERSION,
    applicationId: r.applicationId,
    regionCode: r.regionCode,
    institutionId: r.institutionId,
    productId: r.productId,
    applicant: { idKind: r.applicant.idKind, idNumber: r.applicant.idNumber, name: r.applicant.name },
    amountRequestedFen: r.amountRequested,
    termMonths: r.termMonths,
    firstLoan: r.firstLoan,
    budgetMs,
    push: {
      pushId: r.push.pushId,
      contentHash: r.push.contentHash,
      categories: r.push.categories,
      dataPeriod: r.push.dataPeriod,
      records: r.push.records,
    },
  };
}

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const common = { applicationId: text(100), reference: text(100) };

/** An institution's answer: approved (amount, rate, term), rejected or referred to its manual queue. */
export const wireDecisionSchema = v.variant("decision", [
  v.object({
    ...common,
    decision: v.literal("approved"),
    amountGrantedFen: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
    rateBp: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
    termMonths: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600)),
  }),
  v.object({ ...common, decision: v.literal("rejected"), reason: text(500) }),
  v.object({ ...common, decision: v.literal("referred"), reason: text(500) }),
]);

export type WireDecision = v.InferOutput<typeof wireDecisionSchema>;

/** Thrown for an answer that is not a valid decision for the application asked about. */
export class MalformedAnswerError extends Error {
  override readonly name = "MalformedAnswerError";
}

/** Maps a parsed answer to the core's `LenderDecision`; throws `MalformedAnswerError` naming the fault. */
export function parseWireDecision(json: unknown, applicationId: string): LenderDecision {
  const parsed = v.safeParse(wireDecisionSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue ? (v.getDotPath(issue) ?? "") : "";
    throw new MalformedAnswerError(`malformed answer: ${path ? `${path}: ` : ""}${issue?.message ?? "invalid"}`);
  }
  const a = parsed.output;
  if (a.applicationId !== applicationId) {
    throw new MalformedAnswerError(
      `malformed answer: it is about application ${a.applicationId}, not ${applicationId}`,
    );
  }
  switch (a.decision) {
    case "approved":
      return {
        decision: "approved",
        amountGranted: a.amountGrantedFen,
        rateBp: a.rateBp,
        termMonths: a.termMonths,
        reference: a.reference,
      };
    case "rejected":
      return { decision: "rejected", reason: a.reason, reference: a.reference };
    case "referred":
      return { decision: "referred", reason: a.reason, reference: a.reference };
  }
}

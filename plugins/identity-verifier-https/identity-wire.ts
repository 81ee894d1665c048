import * as v from "valibot";
import type { IdentityCheck } from "../../core/kernel/mod.ts";

/**
 * The JSON exchanged with a real-name verification service (KRN-R06 over KRN-R14). Unknown
 * fields in an answer are ignored, so a service may add its own.
 */

/** POST {baseUrl}{personPath}: do this name, resident ID and mobile belong together (三要素)? */
export interface WirePersonRequest {
  /** Ours, unique per check; a service that echoes it in its answer must echo it unchanged. */
  readonly requestId?: string;
  readonly name: string;
  readonly residentId: string;
  readonly mobile: string;
}

/** POST {baseUrl}{enterprisePath}: is this person the enterprise's legal representative or agent? */
export interface WireEnterpriseAgentRequest {
  readonly requestId?: string;
  readonly uscc: string;
  readonly enterpriseName: string;
  readonly agentName: string;
  readonly agentResidentId: string;
}

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/** The service's answer: `match` or `mismatch`, and its reference for the check (kept for audit). */
export const wireIdentityAnswerSchema = v.object({
  outcome: v.picklist(["match", "mismatch"], 'outcome must be "match" or "mismatch"'),
  reference: text(100),
  requestId: v.optional(text(100)),
});

/** Thrown for an answer that is not a valid identity check. */
export class MalformedIdentityAnswerError extends Error {
  override readonly name = "MalformedIdentityAnswerError";
}

/**
 * Maps a parsed answer to the kernel's `IdentityCheck`; throws `MalformedIdentityAnswerError`
 * naming the fault. An answer that echoes a different `requestId` answers another check.
 */
export function parseWireIdentityAnswer(json: unknown, requestId: string): IdentityCheck {
  const parsed = v.safeParse(wireIdentityAnswerSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue ? (v.getDotPath(issue) ?? "") : "";
    throw new MalformedIdentityAnswerError(
      `malformed answer: ${path ? `${path}: ` : ""}${issue?.message ?? "invalid"}`,
    );
  }
  const a = parsed.output;
  if (a.requestId !== undefined && a.requestId !== requestId) {
    throw new MalformedIdentityAnswerError(`malformed answer: it echoes another requestId, not ${requestId}`);
  }
  return { outcome: a.outcome, reference: a.reference };
}

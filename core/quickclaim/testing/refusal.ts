import { isDomainError } from "../../kernel/mod.ts";

/** The DomainError a promise rejects with, as [ruleId, kind, field]; fails if it resolves. */
export async function refusal(work: Promise<unknown>): Promise<[string, string, string | undefined]> {
  try {
    await work;
  } catch (e) {
    if (isDomainError(e)) return [e.ruleId, e.kind, e.field];
    throw e;
  }
  throw new Error("expected a refusal, but the use case succeeded");
}

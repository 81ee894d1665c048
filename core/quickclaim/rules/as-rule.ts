import { DomainError, isDomainError } from "../../kernel/mod.ts";

/**
 * Runs a kernel validator and re-labels its refusal with the quick-claim rule that asked for
 * the check (e.g. QC-R02), keeping the field and the kernel's reason (never the value).
 */
export function asRule<T>(ruleId: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    throw new DomainError(e.message, {
      ruleId,
      kind: e.kind,
      ...(e.field === undefined ? {} : { field: e.field }),
      detail: { ...(e.detail ?? {}), checkedBy: e.ruleId },
    });
  }
}

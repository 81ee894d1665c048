import { isDomainError } from "../../kernel/mod.ts";

/** What a refused call reported: rule id, kind, field and message (undefined when it passed). */
export interface Refusal {
  readonly rule: string;
  readonly kind: string;
  readonly field: string | undefined;
  readonly message: string;
}

export function refusalOf(fn: () => unknown): Refusal | undefined {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return { rule: e.ruleId, kind: e.kind, field: e.field, message: e.message };
    throw e;
  }
  return undefined;
}

export async function asyncRefusalOf(p: Promise<unknown>): Promise<Refusal | undefined> {
  try {
    await p;
  } catch (e) {
    if (isDomainError(e)) return { rule: e.ruleId, kind: e.kind, field: e.field, message: e.message };
    throw e;
  }
  return undefined;
}

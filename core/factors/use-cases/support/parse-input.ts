import * as v from "valibot";
import { DomainError } from "../../../kernel/mod.ts";

/** A schema check whose message starts "FAC-R09: …" names the rule it enforces. */
const RULE_TAG = /^([A-Z]{3}-R\d{2}): (.*)$/s;

/**
 * Validates a use case's input with its valibot schema. A failure is a KRN-R11 validation error
 * naming the first failing field (dot path) and listing every issue in `detail.errors`; a check
 * tagged with a rule id ("FAC-R09: …") reports that rule instead.
 */
export function parseInput<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown): v.InferOutput<TSchema> {
  const r = v.safeParse(schema, input);
  if (r.success) return r.output;
  const errors = r.issues.map((i) => ({ field: v.getDotPath(i) ?? "", message: i.message }));
  const first = errors[0] ?? { field: "", message: "invalid input" };
  const tagged = RULE_TAG.exec(first.message);
  throw new DomainError(`${first.field || "input"}: ${tagged ? tagged[2] : first.message}`, {
    ruleId: tagged ? (tagged[1] as string) : "KRN-R11",
    kind: "validation",
    field: first.field,
    detail: { errors },
  });
}

export const id = (what: string) => v.pipe(v.string(), v.minLength(1, `${what} is required`), v.maxLength(100));
export const isoDate = (what: string) =>
  v.pipe(v.string(), v.isoDate(`${what} must be a date YYYY-MM-DD`), v.description(what));
export const fen = (what: string) =>
  v.pipe(
    v.number(`${what} must be a number of fen`),
    v.safeInteger(`${what} must be whole fen`),
    v.minValue(0, `${what} must not be negative`),
  );
export const text = (what: string, max = 200) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, `${what} is required`),
    v.maxLength(max, `${what} is at most ${max} characters`),
  );

import * as v from "valibot";
import { DomainError } from "../../kernel/mod.ts";

/**
 * Validates a use case's input against its valibot schema; a bad input is a DomainError naming
 * the rule of the step and the field (dot path) — never a 500.
 */
export function parseInput<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  ruleId: string,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = v.getDotPath(issue) ?? "input";
  throw new DomainError(`${field}: ${issue.message}`, { ruleId, field, kind: "validation" });
}

/** Common field schemas of the quick-claim inputs. */
export const idField = v.pipe(v.string(), v.minLength(1), v.maxLength(80));
export const instantField = v.pipe(
  v.string(),
  v.isoTimestamp("must be an ISO 8601 timestamp with a time zone, e.g. 2026-03-01T14:05:00+08:00"),
);
export const pointField = v.object({
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  lng: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
});
export const fenField = v.pipe(
  v.number(),
  v.safeInteger("an amount is whole fen"),
  v.minValue(0, "an amount is not negative"),
);

import * as v from "valibot";
import { DomainError } from "../../kernel/mod.ts";

/**
 * Validates a use case's input; a failure is a DomainError of kind "validation" naming the
 * first failing field (dot path) and listing every issue in `detail.errors`.
 */
export function parseInput<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  ruleId: string,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const first = result.issues[0];
  const field = v.getDotPath(first) ?? "input";
  throw new DomainError(`${field}: ${first.message}`, {
    ruleId,
    kind: "validation",
    field,
    detail: { errors: result.issues.map((i) => ({ field: v.getDotPath(i) ?? "input", message: i.message })) },
  });
}

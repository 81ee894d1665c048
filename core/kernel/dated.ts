import * as v from "valibot";
import { isIsoDate } from "./business-date.ts";
import { DomainError } from "./errors.ts";

/**
 * KRN-R12 dated parameters. A policy value applies from a business date (Asia/Shanghai,
 * YYYY-MM-DD) and names the document it comes from. A case is judged by the value in force on
 * its own date, so a policy change never rewrites the past.
 */
export interface DatedValue<T> {
  readonly from: string;
  readonly value: T;
  readonly source: string;
}

export type DatedParam<T> = readonly DatedValue<T>[];

function ascendingDates(items: readonly { from: string }[]): boolean {
  return items.every((it, i) => i === 0 || (items[i - 1] as { from: string }).from < it.from);
}

/** The valibot schema of a dated parameter whose values satisfy `schema`. */
export function datedParam<TSchema extends v.GenericSchema>(schema: TSchema, description?: string) {
  const entry = v.object({
    from: v.pipe(
      v.string(),
      v.check((s) => isIsoDate(s), "from must be a calendar date YYYY-MM-DD"),
    ),
    value: schema,
    source: v.pipe(
      v.string(),
      v.check((s) => s.trim().length > 0, "every value names its source document"),
    ),
  });
  const list = v.pipe(
    v.array(entry),
    v.minLength(1, "a parameter needs at least one dated value"),
    v.check(
      (items) => ascendingDates(items as unknown as readonly { from: string }[]),
      "dated values must be in strictly increasing date order",
    ),
    // The output is a DatedParam: read-only, so defaults built with since() fit the schema's type.
    v.readonly(),
  );
  return description ? v.pipe(list, v.description(description)) : list;
}

/**
 * The value in force on `date` (a business date YYYY-MM-DD, e.g. the accident or application
 * date): the last entry whose `from` is on or before it.
 */
export function valueAsOf<T>(param: DatedParam<T>, date: string, name = "parameter"): T {
  if (!isIsoDate(date)) {
    throw new DomainError(`the date ${name} is looked up for must be a calendar date YYYY-MM-DD`, {
      ruleId: "KRN-R12",
      field: name,
      kind: "validation",
    });
  }
  let found: DatedValue<T> | undefined;
  for (const entry of param) {
    if (entry.from <= date) found = entry;
    else break;
  }
  if (!found) {
    throw new DomainError(`no value of ${name} is in force on ${date}`, {
      ruleId: "KRN-R12",
      field: name,
      kind: "validation",
    });
  }
  return found.value;
}

/** A one-entry dated parameter, for defaults and tests. */
export function since<T>(from: string, value: T, source: string): DatedParam<T> {
  return [{ from, value, source }];
}

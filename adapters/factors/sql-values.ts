import { type AliasedRawBuilder, sql } from "kysely";

/**
 * Conversions between what the drivers return and the factors core's types. Both drivers give
 * timestamptz as Date and int8 as a number (adapters/db/create-database.ts); business dates are
 * selected as text (`col::text`), so no driver ever turns one into a local midnight.
 */
export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function isoOrNull(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/** `column::text as alias` for a date column (YYYY-MM-DD or null). */
export function dateText<A extends string>(column: string, alias: A): AliasedRawBuilder<string | null, A> {
  return sql<string | null>`${sql.ref(column)}::text`.as(alias);
}

/** Postgres unique violation (SQLSTATE 23505) from postgres.js or PGlite. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505";
}

/** Exactly one row changed by an update (kysely counts them as a bigint). */
export function changedOne(result: { numUpdatedRows: bigint }): boolean {
  return Number(result.numUpdatedRows) === 1;
}

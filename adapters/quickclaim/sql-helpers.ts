import { type Expression, type SqlBool, sql } from "kysely";

/** ISO 8601 text of a timestamptz column value (both drivers give a Date). */
export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function isoOrNull(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/**
 * The LIKE pattern of the GB/T 2260 codes a region contains (core `regionContains`): a province
 * `35xxxx` → `35%`, a prefecture `3509xx` → `3509%`, a county only itself.
 */
export function regionPattern(code: string): string {
  if (code.endsWith("0000")) return `${code.slice(0, 2)}%`;
  if (code.endsWith("00")) return `${code.slice(0, 4)}%`;
  return code;
}

/** `column` lies in one of the regions (OR of their patterns); false for no regions. */
export function inRegions(column: string, codes: readonly string[]): Expression<SqlBool> {
  if (codes.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(
    codes.map((c) => sql`${sql.ref(column)} like ${regionPattern(c)}`),
    sql` or `,
  )})`;
}

/** Postgres unique violation (SQLSTATE 23505) from postgres.js or PGlite. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505";
}

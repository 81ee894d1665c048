/**
 * Conversions between what the drivers return and the core's types. Both drivers give
 * timestamptz as Date and int8 as number (adapters/db/create-database.ts); dates are selected as
 * text (`col::text`) so no driver ever turns a business date into a local midnight.
 */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? new Date(value.getTime()) : new Date(value);
}

export function toDateOrNull(value: Date | string | null | undefined): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/** A numeric column (sum of bigint) as an exact bigint; null as 0. */
export function toBigInt(value: string | number | bigint | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  return BigInt(value);
}

/** Escapes LIKE wildcards so user text matches literally (`\` is Postgres' default escape). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Postgres unique violation (SQLSTATE 23505) from postgres.js or PGlite. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505";
}

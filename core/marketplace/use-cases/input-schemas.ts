import * as v from "valibot";

/** Shared pieces of the use cases' input schemas. */

export const idSchema = v.pipe(
  v.string("must be text"),
  v.trim(),
  v.minLength(1, "is required"),
  v.maxLength(100, "is too long"),
);

/** URL-safe ids (branch and manager codes go into QR tokens). */
export const safeIdSchema = v.pipe(
  v.string("must be text"),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, "may hold only letters, digits, '_' and '-' (at most 64)"),
);

/** A whole number of fen, zero or more (yuan strings are converted at the HTTP edge). */
export const fenSchema = v.pipe(
  v.number("must be a number of fen"),
  v.safeInteger("must be a whole number of fen"),
  v.minValue(0, "must not be negative"),
);

export const positiveFenSchema = v.pipe(fenSchema, v.minValue(1, "must be more than zero"));

export const monthsSchema = v.pipe(
  v.number("must be a number"),
  v.integer("must be whole months"),
  v.minValue(1, "must be at least 1"),
  v.maxValue(600, "must be at most 600"),
);

export const bpSchema = v.pipe(
  v.number("must be a number"),
  v.integer("must be whole basis points"),
  v.minValue(0, "must not be negative"),
  v.maxValue(100_000, "is too high"),
);

export const textSchema = (max: number) =>
  v.pipe(
    v.string("must be text"),
    v.trim(),
    v.minLength(1, "is required"),
    v.maxLength(max, `must be at most ${max} characters`),
  );

export const nameSchema = v.strictObject({ zh: textSchema(200), en: textSchema(200) });

export const dataSubjectInputSchema = v.strictObject({
  idKind: v.picklist(["resident-id", "uscc"], "must be resident-id or uscc"),
  idNumber: v.pipe(v.string("must be text"), v.maxLength(40, "is too long")),
});

export const pageSchema = {
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 50),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
};

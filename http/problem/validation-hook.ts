import type { Hook } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import type { AppEnv } from "../env.ts";
import { type FieldError, problemResponse } from "./problem-response.ts";

/**
 * The `defaultHook` of the app: a zod validation failure of a request part becomes a 400
 * problem naming every failed field. Unknown fields (strict schemas) are named one by one.
 * Fields of the query, path or headers are prefixed with where they came from.
 */
const WHERE: Record<string, string> = {
  json: "",
  form: "",
  query: "query.",
  param: "path.",
  header: "header.",
  cookie: "cookie.",
};

function fieldPath(target: string, path: readonly PropertyKey[]): string {
  const p = path
    .map((k) => (typeof k === "number" ? `[${k}]` : String(k)))
    .join(".")
    .replace(/\.\[/g, "[");
  const prefix = WHERE[target] ?? "";
  return p === "" ? (prefix === "" ? "body" : prefix.slice(0, -1)) : `${prefix}${p}`;
}

export function fieldErrors(target: string, error: ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push({ field: fieldPath(target, [...issue.path, key]), message: "unknown field" });
    } else {
      out.push({ field: fieldPath(target, issue.path), message: issue.message });
    }
  }
  return out;
}

export const validationHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  const errors = fieldErrors(result.target, result.error);
  const first = errors[0];
  return problemResponse(c, {
    status: 400,
    slug: "validation-error",
    detail:
      errors.length === 1 && first ? `${first.field}: ${first.message}` : `${errors.length} fields failed validation`,
    ruleId: "KRN-R11",
    field: first?.field,
    errors,
  });
};

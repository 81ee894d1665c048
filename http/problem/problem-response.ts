import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { PROBLEM_TYPES, type ProblemSlug, problemTypeUri, slugForStatus } from "./problem-types.ts";

/** KRN-R11: an RFC 9457 problem, plus the rule and field that failed and the request id. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface ProblemInit {
  readonly status: number;
  readonly slug?: ProblemSlug;
  readonly title?: string;
  readonly detail?: string;
  readonly ruleId?: string | undefined;
  readonly field?: string | undefined;
  readonly errors?: readonly FieldError[];
  /** Extension members (RFC 9457 §3.2), e.g. `attemptsLeft`. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const FieldErrorSchema = z.object({ field: z.string(), message: z.string() }).openapi("FieldError");

/** The wire schema of every error body; listed in the OpenAPI document as `Problem`. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "/problems/validation-error" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().openapi({ description: "The request path." }),
    requestId: z.string(),
    ruleId: z.string().optional().openapi({ example: "KRN-R11" }),
    field: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .catchall(z.unknown())
  .openapi("Problem");

/** `responses` entries for module routes: `...problemResponses(400, 404)`. */
export function problemResponses(...statuses: number[]) {
  const out: Record<number, { description: string; content: Record<string, { schema: typeof ProblemSchema }> }> = {};
  for (const s of statuses) {
    const slug = slugForStatus(s);
    out[s] = {
      description: slug ? (PROBLEM_TYPES.get(slug)?.title ?? "Problem") : "Problem",
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    };
  }
  return out;
}

/** Builds the problem body for this request. */
export function problemBody(c: Context<AppEnv>, p: ProblemInit): Record<string, unknown> {
  const slug = p.slug ?? slugForStatus(p.status);
  const known = slug ? PROBLEM_TYPES.get(slug) : undefined;
  const body: Record<string, unknown> = {
    ...p.extensions,
    type: known ? problemTypeUri(known.slug as ProblemSlug) : "about:blank",
    title: p.title ?? known?.title ?? "Error",
    status: p.status,
    ...(p.detail ? { detail: p.detail } : {}),
    instance: c.req.path,
    requestId: c.get("requestId") ?? "",
  };
  if (p.ruleId) body.ruleId = p.ruleId;
  if (p.field) body.field = p.field;
  if (p.errors && p.errors.length > 0) body.errors = p.errors;
  return body;
}

/** An `application/problem+json` response. */
export function problemResponse(c: Context<AppEnv>, p: ProblemInit, headers: Record<string, string> = {}): Response {
  const res = new Response(JSON.stringify(problemBody(c, p)), {
    status: p.status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, ...headers },
  });
  const id = c.get("requestId");
  if (id) res.headers.set("X-Request-Id", id);
  return res;
}

import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import { requireAuth } from "../../middleware/authenticate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { API } from "./api-context.ts";

/** Small helpers shared by the factors routes' OpenAPI declarations. */
export const tags = ["factors"];
export const security: Record<string, string[]>[] = [{ citizenSession: [] }, { apiKey: [] }];
export const json = <T>(schema: T) => ({ content: { "application/json": { schema } } });
export const body = <T>(schema: T) => ({ body: { required: true, ...json(schema) } });

/** The problems a state-changing route may answer with (503: an outside system did not answer, KRN-R10). */
export const mutating = problemResponses(400, 401, 403, 404, 409, 422, 503);

/**
 * A state-changing POST: signed in with one of `roles` (any role when empty), then `extra`
 * middleware (e.g. a raised body limit), then idempotent (KRN-R08).
 */
export function post(
  path: string,
  summary: string,
  roles: Parameters<typeof requireAuth>,
  extra: MiddlewareHandler<AppEnv>[] = [],
) {
  return {
    method: "post" as const,
    path: `${API}${path}`,
    tags,
    security,
    summary,
    middleware: [requireAuth(...roles), ...extra, idempotent()],
  };
}

/** A read: signed in with one of `roles` (any role when empty). */
export function get(path: string, summary: string, roles: Parameters<typeof requireAuth> = []) {
  return {
    method: "get" as const,
    path: `${API}${path}`,
    tags,
    security,
    summary,
    middleware: [requireAuth(...roles)],
  };
}

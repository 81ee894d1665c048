import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";

/**
 * Outermost middleware: the request id (a sane incoming `X-Request-Id` is kept, otherwise one is
 * made), echoed on the response, and one JSON log line per request with its outcome.
 * Only the path is logged, never the query string or bodies (they may carry personal data);
 * the logger redacts C2 data in whatever it is given anyway.
 */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface RequestContextOptions {
  readonly newId: () => string;
}

export function requestContext(options: RequestContextOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header("X-Request-Id");
    const requestId = incoming && SANE_ID.test(incoming) ? incoming : options.newId();
    c.set("requestId", requestId);
    c.header("X-Request-Id", requestId);
    await next();
    c.res.headers.set("X-Request-Id", requestId);
    const status = c.res.status;
    const fields = {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.get("principal") ? { principal: c.get("principal")?.id } : {}),
    };
    const logger = c.get("logger");
    if (status >= 500) logger.error("request", fields);
    else logger.info("request", fields);
  };
}

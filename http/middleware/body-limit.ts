import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";

/**
 * Request body limits (KRN-R11: an oversize body is a 413 problem, never a 500).
 *
 * The app-wide middleware sets the default limit (1 MiB) and wraps the body stream so that it
 * counts bytes while whoever needs the body reads it; the limit is looked up at read time, so a
 * route can raise it for itself with `allowBodyUpTo(bytes)` in its `middleware` (e.g. multipart
 * uploads). A declared Content-Length over the limit fails on the first read, before any byte is
 * buffered. Overflow marks the context, and the error handler answers 413 whatever the reader
 * (JSON parser, form parser, idempotency hash) made of the cut-off body.
 */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

export function bodyLimit(defaultBytes: number = DEFAULT_BODY_LIMIT): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("bodyLimit", defaultBytes);
    c.set("bodyLimitExceeded", false);
    const raw = c.req.raw;
    if (raw.body) {
      const declared = Number(raw.headers.get("content-length") ?? Number.NaN);
      const reader = raw.body.getReader();
      let seen = 0;
      const fail = (controller: ReadableStreamDefaultController<Uint8Array>) => {
        c.set("bodyLimitExceeded", true);
        void reader.cancel().catch(() => {});
        controller.error(new BodyTooLargeError(`request body exceeds ${c.get("bodyLimit")} bytes`));
      };
      const counted = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            if (seen === 0 && Number.isFinite(declared) && declared > c.get("bodyLimit")) {
              fail(controller);
              return;
            }
            const { done, value } = await reader.read();
            if (done) {
              controller.close();
              return;
            }
            seen += value.byteLength;
            if (seen > c.get("bodyLimit")) fail(controller);
            else controller.enqueue(value);
          },
          cancel(reason) {
            return reader.cancel(reason);
          },
        },
        { highWaterMark: 0 },
      ); // pull only when read, i.e. after route middleware set its limit
      c.req.raw = new Request(raw, { body: counted, duplex: "half" } as RequestInit);
    }
    await next();
  };
}

/** Route middleware: this route accepts bodies up to `bytes` (e.g. multipart uploads). */
export function allowBodyUpTo(bytes: number): MiddlewareHandler<AppEnv> {
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new RangeError("a body limit is a positive number of bytes");
  return async (c, next) => {
    c.set("bodyLimit", bytes);
    await next();
  };
}

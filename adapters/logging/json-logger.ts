import { redactC2, redactC2Text } from "../crypto/redact-c2.ts";

/**
 * One JSON object per line: `level`, `msg`, `time`, then the logger's bindings and the call's
 * fields. Every string passes through the C2 redactor (resident IDs, card and mobile numbers
 * masked; members named like C3 data — password, otp, sms code… — replaced) and our own secrets
 * (`fif_…` API keys, `fis_…` session tokens) are cut to their prefix, so logs never carry them
 * (KRN-R04). Structurally a `Logger` of plugins/_framework/logger.ts, plus `child`.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Readonly<Record<string, unknown>>;

export interface JsonLogger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose lines all carry `bindings`. */
  child(bindings: LogFields): JsonLogger;
}

export interface JsonLoggerOptions {
  /** Lowest level written. Default "info". */
  readonly level?: LogLevel;
  /** Where a line goes. Default: process.stdout. */
  readonly write?: (line: string) => void;
  /** Wall clock for `time`. */
  readonly now?: () => Date;
  readonly bindings?: LogFields;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET = /\b(fi[fs]_)[A-Za-z0-9_-]{8,}/g;
/** Member names (lower-case, without `_`/`-`) whose values are credentials, beyond the C3 list. */
const CREDENTIAL_NAMES = new Set(["authorization", "cookie", "setcookie", "token", "sessiontoken", "accesstoken"]);
const RESERVED = new Set(["level", "msg", "time"]);

export function isLogLevel(v: string): v is LogLevel {
  return v in ORDER;
}

function serialiseErrors(v: unknown, seen: WeakSet<object> = new WeakSet(), depth = 0): unknown {
  if (v instanceof Error) {
    return { name: v.name, message: v.message, ...(v.stack ? { stack: v.stack } : {}) };
  }
  if (v === null || typeof v !== "object" || v instanceof Date) return v;
  if (seen.has(v)) return "[circular]";
  if (depth >= 16) return "[too deep]";
  seen.add(v);
  let out: unknown;
  if (Array.isArray(v)) {
    out = v.map((x) => serialiseErrors(x, seen, depth + 1));
  } else {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const credential = CREDENTIAL_NAMES.has(k.toLowerCase().replace(/[_-]/g, "")) && x != null;
      o[k] = credential ? "[redacted]" : serialiseErrors(x, seen, depth + 1);
    }
    out = o;
  }
  seen.delete(v);
  return out;
}

function scrubSecrets(v: unknown): unknown {
  if (typeof v === "string") return v.replace(SECRET, "$1****");
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(scrubSecrets);
  const o: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) o[k] = scrubSecrets(x);
  return o;
}

/** The redaction every logged value goes through (exported for tests and other sinks). */
export function redactForLog(value: unknown): unknown {
  return scrubSecrets(redactC2(serialiseErrors(value)));
}

export function createJsonLogger(options: JsonLoggerOptions = {}): JsonLogger {
  const min = ORDER[options.level ?? "info"];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const bindings = options.bindings ?? {};

  const log = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (ORDER[level] < min) return;
    const extra = redactForLog({ ...bindings, ...fields }) as Record<string, unknown>;
    const line: Record<string, unknown> = {
      level,
      msg: scrubSecrets(redactC2Text(msg)),
      time: now().toISOString(),
    };
    for (const [k, v] of Object.entries(extra)) if (!RESERVED.has(k) && v !== undefined) line[k] = v;
    let text: string;
    try {
      text = JSON.stringify(line);
    } catch {
      text = JSON.stringify({ level, msg: line.msg, time: line.time, logError: "fields could not be serialised" });
    }
    write(text);
  };

  return {
    debug: (msg, fields) => log("debug", msg, fields),
    info: (msg, fields) => log("info", msg, fields),
    warn: (msg, fields) => log("warn", msg, fields),
    error: (msg, fields) => log("error", msg, fields),
    child: (more) => createJsonLogger({ ...options, bindings: { ...bindings, ...more } }),
  };
}

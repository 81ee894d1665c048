import { redactForLog, redactLogText } from "./redact-for-log.ts";
import { stdoutSink } from "./stdout-sink.ts";

/**
 * One JSON object per line: `level`, `msg`, `time`, then the logger's bindings and the call's
 * fields. Everything passes through `redactForLog` (redact-for-log.ts): C2 data masked, C3 and
 * credential members replaced, our own secrets (`fif_…` API keys, `fis_…` session tokens) cut
 * to their prefix, so logs never carry them (KRN-R04). Structurally a `Logger` of
 * plugins/_framework/logger.ts, plus `child`.
 *
 * By default lines go to standard output through the process-wide batched sink
 * (stdout-sink.ts): one write per event-loop turn instead of one per line. A `write` option
 * gets each line at once (tests, other sinks).
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
  /** Where a line goes. Default: standard output, batched (stdout-sink.ts). */
  readonly write?: (line: string) => void;
  /** Wall clock for `time`. */
  readonly now?: () => Date;
  readonly bindings?: LogFields;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const RESERVED = new Set(["level", "msg", "time"]);

export function isLogLevel(v: string): v is LogLevel {
  return v in ORDER;
}

/** Copies the members of an already redacted object into `line`, skipping reserved and undefined ones. */
function addMembers(line: Record<string, unknown>, members: Record<string, unknown>): void {
  for (const k of Object.keys(members)) {
    const v = members[k];
    if (v !== undefined && !RESERVED.has(k)) line[k] = v;
  }
}

export function createJsonLogger(options: JsonLoggerOptions = {}): JsonLogger {
  const min = ORDER[options.level ?? "info"];
  const write = options.write ?? defaultWrite();
  const now = options.now ?? (() => new Date());
  return make(min, write, now, options.bindings ?? {}, redactForLog(options.bindings ?? {}) as Record<string, unknown>);
}

function defaultWrite(): (line: string) => void {
  const sink = stdoutSink();
  return (line) => sink.write(line);
}

/** `bindings` raw (for children to merge) and redacted once (for every line). */
function make(
  min: number,
  write: (line: string) => void,
  now: () => Date,
  bindings: LogFields,
  redactedBindings: Record<string, unknown>,
): JsonLogger {
  const log = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (ORDER[level] < min) return;
    const line: Record<string, unknown> = {
      level,
      msg: typeof msg === "string" ? redactLogText(msg) : redactForLog(msg),
      time: now().toISOString(),
    };
    addMembers(line, redactedBindings);
    if (fields) addMembers(line, redactForLog(fields) as Record<string, unknown>);
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
    child: (more) => {
      const merged = { ...bindings, ...more };
      return make(min, write, now, merged, redactForLog(merged) as Record<string, unknown>);
    },
  };
}

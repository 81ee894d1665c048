/**
 * The structured logger handed to plugins and platform services. One line per call; `fields`
 * are merged into the line. Implementations redact class-C2 data (KRN-R04) before writing.
 */
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** A logger that drops everything; for tests that do not look at logs. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/** A logger that adds `fields` (e.g. region and plugin) to every line of `parent`. */
export function childLogger(parent: Logger, fields: LogFields): Logger {
  const merge = (extra?: LogFields): LogFields => (extra ? { ...fields, ...extra } : fields);
  return {
    debug: (msg, extra) => parent.debug(msg, merge(extra)),
    info: (msg, extra) => parent.info(msg, merge(extra)),
    warn: (msg, extra) => parent.warn(msg, merge(extra)),
    error: (msg, extra) => parent.error(msg, merge(extra)),
  };
}

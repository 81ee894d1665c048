/**
 * Where the JSON logger's lines go by default: standard output, batched. A busy server writes
 * one line per request; writing each on its own costs a system call per line (stdout to a file
 * or a pipe is synchronous in Node, and wakes the reader), so lines are queued and written
 * together: `maxDelayMs` after the first one of a batch (default 20 ms), or at once when the
 * batch grows past `maxBatchChars` (default 32 Ki). The timer is unref'd; what is still queued
 * when the process exits (process.exit, end of the event loop, an uncaught exception) is
 * written by the `exit` handler, synchronously. Only a kill -9 can lose the last few ms.
 */
export interface LineSink {
  /** Queues one line (without its newline). */
  write(line: string): void;
  /** Writes what is queued now. */
  flush(): void;
}

/** The part of a stream the sink uses (process.stdout by default). */
export interface TextStream {
  write(chunk: string): unknown;
}

export interface BatchedSinkOptions {
  readonly stream?: TextStream;
  /** Written at once when this many characters are queued. Default 32 Ki. */
  readonly maxBatchChars?: number;
  /** Longest a line waits in the queue, in ms. Default 20. */
  readonly maxDelayMs?: number;
  /** Register a flush on process exit. Default true. */
  readonly flushOnExit?: boolean;
}

export function createBatchedSink(options: BatchedSinkOptions = {}): LineSink {
  const stream = options.stream ?? process.stdout;
  const maxChars = options.maxBatchChars ?? 32 * 1024;
  const maxDelayMs = options.maxDelayMs ?? 20;
  let queued: string[] = [];
  let chars = 0;
  let scheduled: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (scheduled !== undefined) {
      clearTimeout(scheduled);
      scheduled = undefined;
    }
    if (queued.length === 0) return;
    const text = `${queued.join("\n")}\n`;
    queued = [];
    chars = 0;
    stream.write(text);
  };

  if (options.flushOnExit ?? true) process.once("exit", flush);

  return {
    write(line) {
      queued.push(line);
      chars += line.length + 1;
      if (chars >= maxChars) flush();
      else if (scheduled === undefined) {
        scheduled = setTimeout(flush, maxDelayMs);
        scheduled.unref();
      }
    },
    flush,
  };
}

let shared: LineSink | undefined;

/** The process-wide batched sink over process.stdout (one per process, so lines stay in order). */
export function stdoutSink(): LineSink {
  shared ??= createBatchedSink();
  return shared;
}

/**
 * Where the JSON logger's lines go by default: standard output, batched. A busy server writes
 * one line per request; writing each on its own costs a system call per line (stdout to a file
 * or a pipe is synchronous in Node), so lines written in the same turn of the event loop are
 * joined and written once, right after that turn (`setImmediate`), or at once when the batch
 * grows past `maxBatchChars`. What is still buffered when the process exits (process.exit, end
 * of the event loop, an uncaught exception) is written by the `exit` handler, synchronously.
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
  /** Written at once when this many characters are queued. Default 64 Ki. */
  readonly maxBatchChars?: number;
  /** Register a flush on process exit. Default true. */
  readonly flushOnExit?: boolean;
}

export function createBatchedSink(options: BatchedSinkOptions = {}): LineSink {
  const stream = options.stream ?? process.stdout;
  const maxChars = options.maxBatchChars ?? 64 * 1024;
  let queued: string[] = [];
  let chars = 0;
  let scheduled: ReturnType<typeof setImmediate> | undefined;

  const flush = () => {
    if (scheduled !== undefined) {
      clearImmediate(scheduled);
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
      else scheduled ??= setImmediate(flush);
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

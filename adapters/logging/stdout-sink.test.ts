import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createBatchedSink } from "./stdout-sink.ts";

function recorder() {
  const chunks: string[] = [];
  return { chunks, stream: { write: (c: string) => chunks.push(c) } };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("batched log sink", () => {
  it("writes the lines queued within the delay at once, in order, one per line", async () => {
    const { chunks, stream } = recorder();
    const sink = createBatchedSink({ stream, flushOnExit: false, maxDelayMs: 5 });
    sink.write('{"n":1}');
    sink.write('{"n":2}');
    await sleep(0);
    sink.write('{"n":3}');
    expect(chunks).toEqual([]);
    await sleep(30);
    expect(chunks).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n']);
    sink.write('{"n":4}');
    await sleep(30);
    expect(chunks).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n', '{"n":4}\n']);
  });

  it("writes at once when the batch grows past its size, and flush() empties it", async () => {
    const { chunks, stream } = recorder();
    const sink = createBatchedSink({ stream, maxBatchChars: 10, maxDelayMs: 5, flushOnExit: false });
    sink.write("12345");
    expect(chunks).toEqual([]);
    sink.write("67890");
    expect(chunks).toEqual(["12345\n67890\n"]);
    sink.write("x");
    sink.flush();
    expect(chunks).toEqual(["12345\n67890\n", "x\n"]);
    await sleep(30);
    expect(chunks).toHaveLength(2);
  });
});

describe("batched log sink at process exit", () => {
  it.each([
    ["process.exit() right after logging", "process.exit(0);"],
    ["an uncaught exception right after logging", 'throw new Error("boom");'],
    ["the end of the program (the pending write does not keep it alive)", ""],
  ])("loses no line on %s", (_title, ending) => {
    const sinkPath = fileURLToPath(new URL("./stdout-sink.ts", import.meta.url));
    const script = join(mkdtempSync(join(tmpdir(), "fif-sink-")), "exit.ts");
    writeFileSync(
      script,
      `import { stdoutSink } from ${JSON.stringify(sinkPath)};\nstdoutSink().write("last words");\n${ending}\n`,
    );
    const run = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 30_000 });
    expect(run.stdout).toBe("last words\n");
    expect(run.error).toBeUndefined(); // not killed by the timeout
  });
});

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

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("batched log sink", () => {
  it("writes the lines of one event-loop turn at once, in order, one per line", async () => {
    const { chunks, stream } = recorder();
    const sink = createBatchedSink({ stream, flushOnExit: false });
    sink.write('{"n":1}');
    sink.write('{"n":2}');
    sink.write('{"n":3}');
    expect(chunks).toEqual([]);
    await nextTurn();
    expect(chunks).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n']);
    sink.write('{"n":4}');
    await nextTurn();
    expect(chunks).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n', '{"n":4}\n']);
  });

  it("writes at once when the batch grows past its size, and flush() empties it", async () => {
    const { chunks, stream } = recorder();
    const sink = createBatchedSink({ stream, maxBatchChars: 10, flushOnExit: false });
    sink.write("12345");
    expect(chunks).toEqual([]);
    sink.write("67890");
    expect(chunks).toEqual(["12345\n67890\n"]);
    sink.write("x");
    sink.flush();
    expect(chunks).toEqual(["12345\n67890\n", "x\n"]);
    await nextTurn();
    expect(chunks).toHaveLength(2);
  });
});

describe("batched log sink at process exit", () => {
  it.each([
    ["process.exit() right after logging", "process.exit(0);"],
    ["an uncaught exception right after logging", 'throw new Error("boom");'],
  ])("loses no line on %s", (_title, ending) => {
    const sinkPath = fileURLToPath(new URL("./stdout-sink.ts", import.meta.url));
    const script = join(mkdtempSync(join(tmpdir(), "fif-sink-")), "exit.ts");
    writeFileSync(
      script,
      `import { stdoutSink } from ${JSON.stringify(sinkPath)};\nstdoutSink().write("last words");\n${ending}\n`,
    );
    const run = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 30_000 });
    expect(run.stdout).toBe("last words\n");
  });
});

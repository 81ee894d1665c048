/**
 * Tiny measuring helpers for `npm run bench`. Throughput is measured by running a function in
 * batches until a time budget is spent; the result is operations per second on one core.
 */
export interface Throughput {
  readonly name: string;
  readonly opsPerSec: number;
}

export function throughput(name: string, fn: (i: number) => unknown, budgetMs = 400): Throughput {
  let sink: unknown;
  // warm up
  for (let i = 0; i < 20_000; i++) sink = fn(i);
  let ops = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(budgetMs) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 10_000; i++) sink = fn(ops + i);
    ops += 10_000;
    elapsed = process.hrtime.bigint() - start;
  }
  if (sink === Symbol.for("never")) console.log("");
  return { name, opsPerSec: (ops * 1e9) / Number(elapsed) };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}

export interface Row {
  readonly section: string;
  readonly measure: string;
  readonly value: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly goal: string;
}

export function fmtOps(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)} M/s` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k/s` : `${n.toFixed(0)} /s`;
}

export function fmtRatio(a: number, b: number): string {
  return `${((a / b) * 100).toFixed(1)} %`;
}

export function printTable(rows: readonly Row[]): void {
  const head: Row = {
    section: "section",
    measure: "measure",
    value: "value",
    baseline: "baseline",
    ratio: "ratio",
    goal: "goal",
  };
  const all = [head, ...rows];
  const keys = Object.keys(head) as (keyof Row)[];
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...all.map((r) => [...r[k]].length))])) as Record<
    keyof Row,
    number
  >;
  const line = (r: Row) => keys.map((k) => r[k] + " ".repeat(width[k] - [...r[k]].length)).join(" | ");
  console.log(line(head));
  console.log(keys.map((k) => "-".repeat(width[k])).join("-|-"));
  for (const r of rows) console.log(line(r));
}

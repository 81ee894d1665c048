import "reflect-metadata";
import { spawn } from "node:child_process";
import { kernelSection } from "./kernel-section.ts";
import { printTable, type Row } from "./measure.ts";

/**
 * `npm run bench`: every figure is printed next to a baseline measured in the same run on the
 * same machine, so the ratio means something whatever the machine. Sections run in turn, each in
 * a fresh Node process of its own, so one section's heap (a million seeded rows, say) does not
 * put garbage-collection pauses into the next one's latencies; `npm run bench -- kernel http`
 * runs only the named ones.
 */
type Section = { readonly id: string; readonly run: () => Row[] | Promise<Row[]> };

const sections: Section[] = [
  { id: "kernel", run: kernelSection },
  { id: "http", run: async () => (await import("./http-section.ts")).httpSection() },
  { id: "quickclaim", run: async () => (await import("./quickclaim-section.ts")).quickClaimSection() },
  { id: "factors", run: async () => (await import("./factors-section.ts")).factorsSection() },
  { id: "marketplace", run: async () => (await import("./marketplace-section.ts")).marketplaceSection() },
];

const ROWS = "BENCH-ROWS ";

/** Runs one section in a child process (this script with --section=id); its rows come back on stdout. */
function inChild(id: string): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1] as string, `--section=${id}`], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(ROWS));
      if (code !== 0 || !line) reject(new Error(`bench section ${id} failed (exit ${code})`));
      else resolve(JSON.parse(line.slice(ROWS.length)) as Row[]);
    });
  });
}

const only = process.argv.find((a) => a.startsWith("--section="))?.slice("--section=".length);
if (only) {
  const section = sections.find((s) => s.id === only);
  if (!section) throw new Error(`no bench section ${only}`);
  process.stdout.write(`${ROWS}${JSON.stringify(await section.run())}\n`);
  process.exit(0);
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const rows: Row[] = [];
for (const s of sections) {
  if (wanted.length > 0 && !wanted.includes(s.id)) continue;
  process.stderr.write(`bench: ${s.id}…\n`);
  rows.push(...(await inChild(s.id)));
}
printTable(rows);
process.exit(0);

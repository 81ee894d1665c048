import "reflect-metadata";
import { kernelSection } from "./kernel-section.ts";
import { printTable, type Row } from "./measure.ts";

/**
 * `npm run bench`: every figure is printed next to a baseline measured in the same run on the
 * same machine, so the ratio means something whatever the machine. Sections run in turn;
 * `npm run bench -- kernel http` runs only the named ones.
 */
type Section = { readonly id: string; readonly run: () => Row[] | Promise<Row[]> };

const sections: Section[] = [
  { id: "kernel", run: kernelSection },
  { id: "http", run: async () => (await import("./http-section.ts")).httpSection() },
  { id: "quickclaim", run: async () => (await import("./quickclaim-section.ts")).quickClaimSection() },
  { id: "factors", run: async () => (await import("./factors-section.ts")).factorsSection() },
  { id: "marketplace", run: async () => (await import("./marketplace-section.ts")).marketplaceSection() },
];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const rows: Row[] = [];
for (const s of sections) {
  if (wanted.length > 0 && !wanted.includes(s.id)) continue;
  process.stderr.write(`bench: ${s.id}…\n`);
  rows.push(...(await s.run()));
}
printTable(rows);
process.exit(0);

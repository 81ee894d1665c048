import { createScratch } from "./scripts/bench/quickclaim-scratch.ts";
import { writePathRow } from "./scripts/bench/quickclaim-write-path.ts";
const s = await createScratch(20);
try {
  for (const c of [1, 8]) console.log(await writePathRow(s, c, 3));
} finally { await s.drop(); }
process.exit(0);

import { createScratch } from "./scripts/bench/quickclaim-scratch.ts";
import { seedHistory } from "./scripts/bench/quickclaim-figures.ts";
const s = await createScratch(20);
await seedHistory(s, 1_000_000);
console.log("DB", s.name);
await s.platform.close();
process.exit(0);

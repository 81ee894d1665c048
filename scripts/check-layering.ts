import { resolve } from "node:path";
import { checkLayering } from "./layering-rules.ts";

const root = resolve(process.argv[2] ?? ".");
const violations = checkLayering(root);
if (violations.length > 0) {
  for (const v of violations) console.error(`${v.file}:${v.line}  ${v.rule}  (${v.text})`);
  console.error(`layering: ${violations.length} violation(s)`);
  process.exit(1);
}
console.log("layering: core is pure, modules meet through mod.ts, adapters/plugins stay off http/");

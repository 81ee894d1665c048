import { CompositionError } from "./composition-error.ts";
import type { SeedResult } from "./seeds.ts";

/**
 * What the start and seed scripts print for people (not log lines): the demo keys created by
 * this run — shown once, they are stored hashed — and start-up refusals in plain words.
 */
export function seedReport(result: SeedResult, regionCodes: readonly string[]): string[] {
  const lines: string[] = [];
  if (result.created.length > 0) lines.push(`Demo data seeded: ${result.created.join("; ")}.`);
  if (result.secrets.length > 0) {
    lines.push("Demo API keys (shown only now; the database keeps only their hash — note them):");
    for (const s of result.secrets) lines.push(`  ${s.label}: ${s.value}`);
  } else {
    const regions = regionCodes.join(",");
    lines.push(
      "Demo data was already seeded; its API keys were printed when they were created. For a new key:",
      `  npx tsx scripts/create-api-key.ts --roles regulator --regions ${regions}`,
    );
  }
  return lines;
}

export function printSeedResult(result: SeedResult, regionCodes: readonly string[]): void {
  console.log(`${seedReport(result, regionCodes).join("\n")}\n`);
}

/** A refusal (bad config, pack or plugin) as one clear message; anything else with its stack. */
export function printStartupError(e: unknown): void {
  if (e instanceof CompositionError) {
    console.error(`\nStart-up refused: ${e.message}\n`);
    const fromEnvironment = e.field !== undefined && /^[A-Z][A-Z0-9_]*$/.test(e.field);
    console.error(
      fromEnvironment
        ? `Fix the environment variable ${e.field}.\n`
        : "Fix the deployment config (config/deployment.json, or the file DEPLOYMENT_CONFIG names) or the plugin/pack it names.\n",
    );
    return;
  }
  console.error("\nStart-up failed:", e);
}

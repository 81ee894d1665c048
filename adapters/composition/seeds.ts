import { factorsDemoSeed } from "../factors/demo-seed.ts";
import { marketplaceDemoSeed } from "../marketplace/demo-seed.ts";
import { quickClaimDemoSeed } from "../quickclaim/demo-seed.ts";
import type { Platform } from "./platform.ts";
import { demoStaffKeys } from "./seed-demo-staff-keys.ts";

/** What a seed tells the operator: records created, and secrets shown exactly once. */
export interface SeedReporter {
  created(what: string): void;
  /** A secret (e.g. a demo API key) printed once; it cannot be shown again later. */
  secret(label: string, value: string): void;
}

/**
 * One contributor to the demo seed (issue 2 item 2). `run` is called once per configured
 * region and must be idempotent: running the seed twice changes nothing (look records up by
 * their natural key before creating them).
 */
export interface SeedContributor {
  readonly id: string;
  run(platform: Platform, regionCode: string, report: SeedReporter): Promise<void>;
}

// LEAD HOOK — demo seeds. The platform's own seed comes first; add one line per module seed
// (e.g. `factorsDemoSeed` from adapters/factors/demo-seed.ts) after it.
export const seedContributors: readonly SeedContributor[] = [
  demoStaffKeys,
  marketplaceDemoSeed,
  quickClaimDemoSeed,
  factorsDemoSeed,
];

export interface SeedResult {
  readonly created: readonly string[];
  readonly secrets: readonly { readonly label: string; readonly value: string }[];
}

/** Runs every contributor for every configured region, in order. */
export async function runSeeds(
  platform: Platform,
  contributors: readonly SeedContributor[] = seedContributors,
): Promise<SeedResult> {
  const created: string[] = [];
  const secrets: { label: string; value: string }[] = [];
  const report: SeedReporter = {
    created: (what) => created.push(what),
    secret: (label, value) => secrets.push({ label, value }),
  };
  for (const regionCode of platform.regions.keys()) {
    for (const contributor of contributors) {
      try {
        await contributor.run(platform, regionCode, report);
      } catch (e) {
        throw new Error(`seed ${contributor.id} failed for region ${regionCode}: ${(e as Error).message}`, {
          cause: e,
        });
      }
    }
  }
  return { created, secrets };
}

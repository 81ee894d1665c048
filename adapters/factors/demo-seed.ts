import type { SeedContributor } from "../composition/seeds.ts";
import { demoStaffKeysFor } from "./demo/seed-staff-keys.ts";
import { chenStory, deskStories, huangStory, linStory, productStory, servedStories } from "./demo/seed-stories.ts";
import { SeedWorld } from "./demo/seed-world.ts";
import { factorsDeps } from "./factors-deps.ts";

/**
 * The factors demo seed (spec 90-demo-story.md): 林阿伯's 三权合一 bundle and 渔排养殖贷, 黄先生's
 * default and 福宁海投's buy-out at 75 % with the 40/20/20/20 loss, 陈姐's 民宿贷, eight more
 * holders served by their banks across the counties, the seed's products, a lease on the market,
 * a disputed forest and an equity awaiting 福安's department — all through the use cases, on a
 * story clock that ends today. Idempotent: each step looks up what is stored first. Also prints
 * API keys for the demo's bank, guarantor, insurer, collection company and 福安 regulator.
 */
export const factorsDemoSeed: SeedContributor = {
  id: "factors.demo-story",
  async run(platform, regionCode, report) {
    const region = platform.region(regionCode);
    if (!region.modules.includes("factors") || regionCode !== "350900") return;
    const world = new SeedWorld(factorsDeps(platform, regionCode), platform.database.db, platform.clock.now(), (w) =>
      report.created(`factors: ${w}`),
    );
    await productStory(world);
    await linStory(world);
    await huangStory(world);
    await chenStory(world);
    await servedStories(world);
    await deskStories(world);
    if (world.registered > 0)
      report.created(`factors: ${world.registered} factors registered, confirmed and publicised`);
    await demoStaffKeysFor(platform, regionCode, report);
  },
};

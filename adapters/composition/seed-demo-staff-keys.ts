import { createApiKeyStore } from "../auth/api-key-store.ts";
import type { SeedContributor } from "./seeds.ts";

/** The label that marks a region's demo regulator key, so the seed finds it again. */
export function demoRegulatorLabel(regionCode: string): string {
  return `demo:regulator:${regionCode}`;
}

/**
 * Platform demo seed: one API key per region for a regulator (金融监管局) of that region, so
 * the demo can be explored as staff. A key is stored hashed and shown only when it is created;
 * a later run finds the (unrevoked) key by its label and creates nothing. Lost the key? Revoke
 * it (or use `npm run api-key`) and seed again.
 */
export const demoStaffKeys: SeedContributor = {
  id: "platform.demo-staff-keys",
  async run(platform, regionCode, report) {
    const store = createApiKeyStore(platform.database.db, platform.clock, platform.ids);
    const label = demoRegulatorLabel(regionCode);
    const existing = await store.list();
    if (existing.some((k) => k.label === label && k.revokedAt === null)) return;
    const region = platform.region(regionCode);
    const { key } = await store.create({ roles: ["regulator"], regionCodes: [regionCode], label }, "system:seed");
    report.created(`API key for the demo regulator of ${region.name.zh} ${regionCode}`);
    report.secret(`regulator ${region.name.zh} ${region.code}`, key);
  },
};

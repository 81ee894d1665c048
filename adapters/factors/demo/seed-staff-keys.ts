import type { Role } from "../../../core/kernel/mod.ts";
import { createApiKeyStore } from "../../auth/api-key-store.ts";
import type { Platform } from "../../composition/platform.ts";
import type { SeedReporter } from "../../composition/seeds.ts";
import { DEMO_PEOPLE } from "./ningde-demo-book.ts";

interface DemoStaff {
  readonly who: string;
  readonly institutionId: string | null;
  readonly roles: readonly Role[];
  readonly regions: (regionCode: string) => string[];
}

const DEMO_STAFF: readonly DemoStaff[] = [
  {
    who: "nd-rural-bank",
    institutionId: "nd-rural-bank",
    roles: ["institution_staff", "institution_admin"],
    regions: (r) => [r],
  },
  {
    who: "nd-postal-bank",
    institutionId: "nd-postal-bank",
    roles: ["institution_staff", "institution_admin"],
    regions: (r) => [r],
  },
  { who: "nd-gov-guarantor", institutionId: "nd-gov-guarantor", roles: ["institution_staff"], regions: (r) => [r] },
  { who: "nd-agri-insurer", institutionId: "nd-agri-insurer", roles: ["institution_staff"], regions: (r) => [r] },
  {
    who: "xiapu-funing-haitou",
    institutionId: "xiapu-funing-haitou",
    roles: ["institution_staff"],
    regions: () => ["350921"],
  },
  { who: "fuan-regulator", institutionId: null, roles: ["regulator"], regions: () => ["350981"] },
];

export function demoFactorsKeyLabel(who: string, regionCode: string): string {
  return `demo:factors:${who}:${regionCode}`;
}

/**
 * API keys for the factors demo's staff: the two banks (staff + product admin), the government
 * guarantor, the insurer, 霞浦 福宁海投 and a 福安 county regulator. Shown once when created;
 * a later run finds each (unrevoked) key by its label and creates nothing. Citizens sign in by
 * one-time code with the demo mobiles (the development notifier writes the code to the log).
 */
export async function demoStaffKeysFor(platform: Platform, regionCode: string, report: SeedReporter): Promise<void> {
  const store = createApiKeyStore(platform.database.db, platform.clock, platform.ids);
  const existing = await store.list();
  let created = 0;
  for (const s of DEMO_STAFF) {
    const label = demoFactorsKeyLabel(s.who, regionCode);
    if (existing.some((k) => k.label === label && k.revokedAt === null)) continue;
    const { key } = await store.create(
      { institutionId: s.institutionId ?? undefined, roles: [...s.roles], regionCodes: s.regions(regionCode), label },
      "system:seed",
    );
    report.created(`factors: API key for ${s.who}`);
    report.secret(`factors ${s.who}`, key);
    created++;
  }
  if (created === 0) return;
  for (const p of DEMO_PEOPLE) {
    if (p.mobile) report.created(`factors: ${p.name} signs in with ${p.mobile} (one-time code in the log)`);
  }
}

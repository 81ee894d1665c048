import type { Principal } from "../../core/kernel/mod.ts";
import {
  acceptClaim,
  addPhoto,
  assessLoss,
  determineLiability,
  openClaim,
  payClaim,
  reportAccident,
  signLetter,
  submitEvidence,
  submitPartyItems,
  submitSurvey,
} from "../../core/quickclaim/mod.ts";
import { createApiKeyStore } from "../auth/api-key-store.ts";
import type { Platform } from "../composition/platform.ts";
import type { SeedContributor, SeedReporter } from "../composition/seeds.ts";
import { DEMO_JPEG, type DemoDriver, demoChen, demoLiu, demoWu, demoZheng } from "./demo-seed-people.ts";
import { type QuickClaimPlatformDeps, quickClaimDeps } from "./quickclaim-deps.ts";

const QC = "quickclaim";

/** Demo staff of the module, by API-key label (found again on later runs). */
const STAFF = [
  {
    label: "police:fuding",
    roles: ["police"],
    institutionId: "fuding-traffic-police",
    regions: ["350982"],
    who: "福鼎交警大队 民警",
  },
  {
    label: "police:fuan",
    roles: ["police"],
    institutionId: "fuan-traffic-police",
    regions: ["350981"],
    who: "福安交警大队 民警",
  },
  {
    label: "adjuster:picc",
    roles: ["adjuster"],
    institutionId: "picc-ningde",
    regions: ["350900"],
    who: "人保财险 值班查勘员",
  },
  {
    label: "adjuster:pingan",
    roles: ["adjuster"],
    institutionId: "pingan-ningde",
    regions: ["350900"],
    who: "平安产险 值班查勘员",
  },
  { label: "clerk:fuding", roles: ["clerk"], institutionId: undefined, regions: ["350982"], who: "福鼎 保险协理员" },
] as const;

async function seedStaffKeys(platform: Platform, region: string, report: SeedReporter): Promise<void> {
  const store = createApiKeyStore(platform.database.db, platform.clock, platform.ids);
  const existing = await store.list();
  for (const s of STAFF) {
    const label = `demo:quickclaim:${s.label}:${region}`;
    if (existing.some((k) => k.label === label && k.revokedAt === null)) continue;
    const { key } = await store.create(
      { roles: [...s.roles], regionCodes: [...s.regions], institutionId: s.institutionId, label },
      "system:seed",
    );
    report.created(`API key for the demo ${s.who} (${s.label})`);
    report.secret(`快处快赔 ${s.who} ${s.regions.join(",")}`, key);
  }
}

/** A demo driver's account, signed in with their mobile, who has done 实名认证 (KRN-R06). */
function citizen(deps: QuickClaimPlatformDeps, who: DemoDriver): Principal {
  return {
    id: `seed:${who.mobile.slice(-4)}`,
    roles: ["citizen"],
    regionCodes: [],
    subjectRef: deps.blindIndex.index("mobile", who.mobile),
    identities: [deps.blindIndex.index("resident-id", who.residentId)],
  };
}

const items = (d: DemoDriver) => ({
  plate: d.plate,
  driverName: d.name,
  driverLicenceNo: d.residentId,
  vehicleLicenceNo: d.vehicleLicenceNo,
  insurerId: d.insurerId,
  compulsoryPolicyNo: d.compulsoryPolicyNo,
  commercialPolicyNo: d.commercialPolicyNo,
  mobile: d.mobile,
});

const claimOf = (caseId: string, d: DemoDriver) => ({
  caseId,
  idCard: { name: d.name, residentId: d.residentId, photo: { contentType: "image/jpeg", bytes: DEMO_JPEG } },
  bankCard: {
    number: d.card,
    holderName: d.name,
    bankName: null,
    photo: { contentType: "image/jpeg", bytes: DEMO_JPEG },
  },
});

/** Reports an accident of two demo drivers and completes step 1; returns the case id. */
async function reportWithEvidence(
  deps: QuickClaimPlatformDeps,
  county: string,
  address: string,
  point: { lat: number; lng: number },
  a: DemoDriver,
  b: DemoDriver,
): Promise<string> {
  const now = deps.clock.now().getTime();
  const pa = citizen(deps, a);
  const pb = citizen(deps, b);
  const { caseId } = await reportAccident(
    deps,
    {
      regionCode: county,
      accidentAt: new Date(now - 6 * 60_000).toISOString(),
      place: { address, point },
      circumstances: { anyoneInjured: false, deathOrSeriousInjury: false, vehiclesMovable: true },
      parties: [
        { plate: a.plate, mobile: a.mobile },
        { plate: b.plate, mobile: b.mobile },
      ],
    },
    pa,
  );
  const capturedAt = new Date(now - 3 * 60_000).toISOString();
  for (const slot of ["front", "rear", "collision"]) {
    await addPhoto(deps, { caseId, slot, contentType: "image/jpeg", bytes: DEMO_JPEG, capturedAt, point }, pa);
  }
  await submitPartyItems(deps, { caseId, partyId: "A", items: items(a) }, pa);
  await submitPartyItems(deps, { caseId, partyId: "B", items: items(b) }, pb);
  await submitEvidence(deps, { caseId }, pb);
  return caseId;
}

/** 陈姐's case, end to end: determined, signed, claimed, assessed, accepted, paid, answered. */
async function seedChenCase(deps: QuickClaimPlatformDeps, region: string): Promise<string> {
  const point = { lat: 27.0931, lng: 120.2014 };
  const caseId = await reportWithEvidence(deps, "350982", "福鼎市太姥山镇 G104 国道旁", point, demoChen, demoWu);
  const officer: Principal = {
    id: "inst:fuding-traffic-police/demo-seed",
    roles: ["police"],
    institutionId: "fuding-traffic-police",
    regionCodes: ["350982"],
  };
  const det = await determineLiability(
    deps,
    { caseId, form: "rear_end", faultPartyId: "B", facts: "B车(货车)在G104国道太姥山路段跟车距离不足,追尾前方A车。" },
    officer,
  );
  const letterHash = det.letter?.contentHash as string;
  const chen = citizen(deps, demoChen);
  const wu = citizen(deps, demoWu);
  await signLetter(deps, { caseId, letterHash, decision: "agree" }, chen);
  await signLetter(deps, { caseId, letterHash, decision: "agree" }, wu);
  const a = await openClaim(deps, claimOf(caseId, demoChen), chen);
  const b = await openClaim(deps, claimOf(caseId, demoWu), wu);
  const adjuster: Principal = {
    id: "inst:pingan-ningde/demo-seed",
    roles: ["adjuster"],
    institutionId: "pingan-ningde",
    regionCodes: [region],
  };
  await assessLoss(
    deps,
    {
      caseId,
      losses: [
        { partyId: "A", vehicleFen: 320_000 },
        { partyId: "B", vehicleFen: 80_000 },
      ],
    },
    adjuster,
  );
  const system: Principal = { id: "system:seed", roles: ["platform_admin"], regionCodes: [region] };
  await acceptClaim(deps, { claimId: a.claimId }, system);
  await acceptClaim(deps, { claimId: b.claimId }, system);
  await payClaim(deps, { claimId: a.claimId }, chen);
  await payClaim(deps, { claimId: b.claimId }, wu);
  await submitSurvey(deps, { caseId, satisfied: true, suggestion: "拍照指引很清楚,希望夜间也有查勘员值班" }, chen);
  await submitSurvey(deps, { caseId, satisfied: true }, wu);
  return caseId;
}

/**
 * Quick-claim demo seed for a region with the module: API keys for the module's staff (police
 * of 福鼎 and 福安, the two insurers' adjusters, a 福鼎 insurance assistant), 陈姐's accident paid
 * end to end through the real use cases and plugins, and a 福安 case waiting at the police desk.
 * Idempotent: keys are found by label, cases by the drivers' blind-indexed mobiles.
 */
export const quickClaimDemoSeed: SeedContributor = {
  id: "quickclaim.demo",
  async run(platform, regionCode, report) {
    const region = platform.region(regionCode);
    if (!region.modules.includes(QC) || regionCode !== "350900") return;
    await seedStaffKeys(platform, regionCode, report);
    const deps = quickClaimDeps(platform, regionCode);
    const has = async (d: DemoDriver) =>
      (await deps.queries.casesOfSubject(deps.blindIndex.index("mobile", d.mobile), 5)).length > 0;
    if (!(await has(demoChen))) {
      const caseId = await seedChenCase(deps, regionCode);
      report.created(`快处快赔 case ${caseId}: 陈姐 rear-ended near 太姥山, determined, signed and paid`);
    }
    if (!(await has(demoLiu))) {
      const caseId = await reportWithEvidence(
        deps,
        "350981",
        "福安市城北街道阳头路口",
        { lat: 27.0889, lng: 119.6481 },
        demoLiu,
        demoZheng,
      );
      report.created(`快处快赔 case ${caseId}: a lane-change scrape in 福安 waiting at the police desk`);
    }
  },
};

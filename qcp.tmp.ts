import { createScratch } from "./scripts/bench/quickclaim-scratch.ts";
import { writePathRow } from "./scripts/bench/quickclaim-write-path.ts";
import { quickClaimDeps } from "./adapters/quickclaim/quickclaim-deps.ts";
import { submitPartyItems } from "./core/quickclaim/mod.ts";
import { demoChen } from "./adapters/quickclaim/demo-seed-people.ts";
const s = await createScratch(20);
try {
  await writePathRow(s, 1, 1);
  const deps = quickClaimDeps(s.platform, "350900");
  const items = { plate: demoChen.plate, driverName: demoChen.name, driverLicenceNo: demoChen.residentId, vehicleLicenceNo: demoChen.vehicleLicenceNo, insurerId: demoChen.insurerId, compulsoryPolicyNo: demoChen.compulsoryPolicyNo, commercialPolicyNo: demoChen.commercialPolicyNo, mobile: demoChen.mobile };
  const clerk = { id: "staff:c", roles: ["clerk" as const], regionCodes: ["350900"] };
  const st = performance.now();
  for (let i = 0; i < 400; i++) await submitPartyItems(deps, { caseId: "qcbench0", partyId: "A", items }, clerk);
  console.log("per step", ((performance.now() - st) / 400).toFixed(2), "ms");
} finally { await s.drop(); }
process.exit(0);

import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
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
  for (let i = 0; i < 100; i++) await submitPartyItems(deps, { caseId: "qcbench0", partyId: "A", items }, clerk);
  const session = new Session(); session.connect();
  await session.post("Profiler.enable"); await session.post("Profiler.setSamplingInterval", { interval: 100 }); await session.post("Profiler.start");
  for (let i = 0; i < 300; i++) await submitPartyItems(deps, { caseId: "qcbench0", partyId: "A", items }, clerk);
  const { profile } = await session.post("Profiler.stop");
  writeFileSync("/tmp/prof/steady.cpuprofile", JSON.stringify(profile));
} finally { await s.drop(); }
process.exit(0);

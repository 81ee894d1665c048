import { createScratch } from "./scripts/bench/quickclaim-scratch.ts";
import { writePathRow } from "./scripts/bench/quickclaim-write-path.ts";
import { quickClaimDeps } from "./adapters/quickclaim/quickclaim-deps.ts";
import { submitPartyItems } from "./core/quickclaim/mod.ts";
import { demoChen } from "./adapters/quickclaim/demo-seed-people.ts";
import { spawnSync } from "node:child_process";
const s = await createScratch(20);
try {
  await writePathRow(s, 1, 1);
  const deps = quickClaimDeps(s.platform, "350900");
  const items = { plate: demoChen.plate, driverName: demoChen.name, driverLicenceNo: demoChen.residentId, vehicleLicenceNo: demoChen.vehicleLicenceNo, insurerId: demoChen.insurerId, compulsoryPolicyNo: demoChen.compulsoryPolicyNo, commercialPolicyNo: demoChen.commercialPolicyNo, mobile: demoChen.mobile };
  const clerk = { id: "staff:c", roles: ["clerk" as const], regionCodes: ["350900"] };
  for (let r = 0; r < 4; r++) {
    const cpu0 = process.cpuUsage(); const st = performance.now();
    for (let i = 0; i < 200; i++) await submitPartyItems(deps, { caseId: "qcbench0", partyId: "A", items }, clerk);
    const app = 200000 / (performance.now() - st); const cpu = process.cpuUsage(cpu0); console.log("cpu ms/step", ((cpu.user + cpu.system) / 1000 / 200).toFixed(2));
    const out = spawnSync("pgbench", ["-n", "-h", "127.0.0.1", "-U", "postgres", "-c", "1", "-T", "2", "-f", `${s.dataDir}/qc-step.pgbench.sql`, s.name], { encoding: "utf8" });
    console.log("app", app.toFixed(0), "pgbench", /tps = ([\d.]+)/.exec(out.stdout)?.[1], (await import("node:os")).loadavg()[0].toFixed(1));
  }
} finally { await s.drop(); }
process.exit(0);

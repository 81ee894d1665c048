import {
  parseYuan,
  splitByWeights,
  validateBankCard,
  validateLicencePlate,
  validateMobile,
  validateResidentId,
  validateUscc,
} from "../../core/kernel/mod.ts";
import { fmtOps, fmtRatio, type Row, throughput } from "./measure.ts";

/**
 * Kernel rule throughput on one core. Baselines measured in the same run:
 * - exact largest-remainder split vs a naive float split (Math.round of each share), which is
 *   fast but wrong (its parts do not add back);
 * - each validator vs the bare regular expression of its format (no check digit).
 */
export function kernelSection(): Row[] {
  const totals = Array.from({ length: 1024 }, (_, i) => 10_001 + i * 7_919);
  const weights = [4000, 2000, 2000, 2000];
  const exact = throughput("splitByWeights 4 parts", (i) => splitByWeights(totals[i & 1023] as number, weights));
  const naive = throughput("float split baseline", (i) => {
    const t = totals[i & 1023] as number;
    return weights.map((w) => Math.round((t * w) / 10000));
  });
  const rows: Row[] = [
    {
      section: "kernel",
      measure: "KRN-R01 split 40/20/20/20 (exact, largest remainder)",
      value: fmtOps(exact.opsPerSec),
      baseline: `${fmtOps(naive.opsPerSec)} float split`,
      ratio: fmtRatio(exact.opsPerSec, naive.opsPerSec),
      goal: "≥ 1 M/s",
    },
  ];
  const yuan = throughput("parseYuan", (i) => parseYuan(i & 1 ? "1234.56" : "300000"));
  const num = throughput("Number()", (i) => Number(i & 1 ? "1234.56" : "300000"));
  rows.push({
    section: "kernel",
    measure: "KRN-R01 parse yuan text",
    value: fmtOps(yuan.opsPerSec),
    baseline: `${fmtOps(num.opsPerSec)} Number() (float, unsafe)`,
    ratio: fmtRatio(yuan.opsPerSec, num.opsPerSec),
    goal: "≥ 1 M/s",
  });
  const asOf = "2026-11-27";
  const validators: [string, () => unknown, RegExp, string][] = [
    [
      "resident ID (GB 11643)",
      () => validateResidentId("350981196803121039", { asOf }),
      /^\d{17}[\dX]$/,
      "350981196803121039",
    ],
    ["USCC (GB 32100)", () => validateUscc("93350981MA2Y0T8Q11"), /^[0-9A-HJ-NPQRTUWXY]{18}$/, "93350981MA2Y0T8Q11"],
    ["mobile", () => validateMobile("13905930000"), /^1[3-9]\d{9}$/, "13905930000"],
    ["bank card (Luhn)", () => validateBankCard("6217001234567890122"), /^\d{16,19}$/, "6217001234567890122"],
    ["licence plate", () => validateLicencePlate("闽J·12345"), /^闽[A-Z]·?[A-Z0-9]{5,6}$/, "闽J·12345"],
  ];
  for (const [name, fn, re, sample] of validators) {
    const full = throughput(name, fn);
    const bare = throughput(`${name} regex`, () => re.test(sample));
    rows.push({
      section: "kernel",
      measure: `validate ${name}`,
      value: fmtOps(full.opsPerSec),
      baseline: `${fmtOps(bare.opsPerSec)} bare regex`,
      ratio: fmtRatio(full.opsPerSec, bare.opsPerSec),
      goal: "≥ 1 M/s",
    });
  }
  return rows;
}

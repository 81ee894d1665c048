import { randomBytes } from "node:crypto";
import { RandomIds } from "../../../adapters/platform/random-ids.ts";
import { SystemClock } from "../../../adapters/platform/system-clock.ts";
import type { Clock } from "../../../core/kernel/mod.ts";
import type { LenderDecisionRequest } from "../../../core/marketplace/mod.ts";
import type { LogFields } from "../../../plugins/_framework/logger.ts";
import type { PluginContext } from "../../../plugins/_framework/plugin-manifest.ts";

/** A fresh shared secret: 32 random bytes in base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export interface LogLine {
  readonly level: string;
  readonly msg: string;
  readonly fields?: LogFields;
}

/** A plugin context for 龙岩 (350800) that keeps its log lines. */
export function pluginContext(options: { production?: boolean; clock?: Clock } = {}) {
  const lines: LogLine[] = [];
  const at = (level: string) => (msg: string, fields?: LogFields) =>
    lines.push({ level, msg, ...(fields ? { fields } : {}) });
  const clock = options.clock ?? new SystemClock();
  const ctx: PluginContext = {
    clock,
    ids: new RandomIds(clock),
    logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") },
    regionCode: "350800",
    regionName: { zh: "龙岩", en: "Longyan" },
    production: options.production ?? false,
    onClose: () => {},
  };
  return { ctx, lines };
}

/** A decision request as the marketplace core sends it (张师傅 asks 建行 for 智慧快贷). */
export function decisionRequest(overrides: Partial<LenderDecisionRequest> = {}): LenderDecisionRequest {
  return {
    applicationId: "app_0001",
    regionCode: "350800",
    institutionId: "inst_ccb",
    productId: "prd_ccb_kuaidai",
    applicant: { idKind: "resident-id", idNumber: "350802198801153019", name: "张师傅" },
    amountRequested: 5_000_000,
    termMonths: 12,
    firstLoan: true,
    push: {
      pushId: "psh_0001",
      contentHash: "9f2c".padEnd(64, "0"),
      categories: ["tax.paid"],
      dataPeriod: { from: "2025-03-01", to: "2026-02-28" },
      records: [
        {
          category: "tax.paid",
          subjectId: "350802198801153019",
          observedOn: "2026-01-31",
          fields: { amountFen: 123_400 },
        },
      ],
    },
    ...overrides,
  };
}

/** The approval a bank sends for `applicationId` (50 000 yuan at 4.35 % for 12 months). */
export function approval(applicationId = "app_0001") {
  return {
    applicationId,
    decision: "approved",
    amountGrantedFen: 5_000_000,
    rateBp: 435,
    termMonths: 12,
    reference: "CCB-2026-0001",
  };
}

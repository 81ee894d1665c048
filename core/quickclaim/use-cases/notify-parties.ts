import * as v from "valibot";
import { type Principal, requireRole } from "../../kernel/mod.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { idField, parseInput } from "./parse-input.ts";

const PURPOSES = ["invite", "sign", "paid", "survey", "offline"] as const;

export const notifyPartiesInput = v.object({
  caseId: idField,
  purpose: v.picklist(PURPOSES),
  /** Parties to tell; all parties when omitted. */
  partyIds: v.optional(v.array(v.pipe(v.string(), v.maxLength(2)))),
  /** The case page the message links to (built by the HTTP layer). */
  link: v.pipe(v.string(), v.url(), v.maxLength(300)),
});

const TEXTS: Record<(typeof PURPOSES)[number], string> = {
  invite: "【快处快赔121】您涉及一起轻微交通事故快处案件({plates}),请打开链接按提示拍照并填写信息:{link}",
  sign: "【快处快赔121】交警已出具电子认定书,请打开链接核对并签名:{link}",
  paid: "【快处快赔121】您的理赔款已支付,请留意银行到账。案件:{link}",
  survey: "【快处快赔121】感谢使用快处快赔,请花一分钟评价本次服务:{link}",
  offline: "【快处快赔121】您的案件已转线下处理,请携带证件前往{centre}:{link}",
};

/**
 * Sends the parties an SMS / WeChat message (called by the outbox handler of the case's events,
 * outside any transaction). Mobiles are read from the case; nothing is written.
 */
export async function notifyParties(
  deps: Pick<QuickClaimDeps, "uow" | "notifier" | "policy">,
  rawInput: unknown,
  p: Principal,
): Promise<{ readonly sent: number }> {
  requireRole(p, "platform_admin");
  const input = parseInput(notifyPartiesInput, rawInput, "KRN-R09");
  const c = await deps.uow.run((tx) => tx.cases.get(input.caseId));
  if (!c) return { sent: 0 };
  const centre = deps.policy.serviceCentres.find((x) => x.id === c.centreId);
  const text = TEXTS[input.purpose]
    .replace("{plates}", c.parties.map((x) => x.plate).join("、"))
    .replace("{centre}", centre ? `${centre.name.zh}(${centre.address})` : "服务中心")
    .replace("{link}", input.link);
  const targets = c.parties.filter((x) => input.partyIds === undefined || input.partyIds.includes(x.id));
  for (const party of targets) {
    await deps.notifier.send({ mobile: party.mobile, text, purpose: `quickclaim.${input.purpose}` });
  }
  return { sent: targets.length };
}

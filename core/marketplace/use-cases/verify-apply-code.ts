import { DomainError } from "../../kernel/mod.ts";
import type { ApplyCode } from "../domain/apply-code.ts";
import { APPLY_CODE_RULE, assertApplyCodeUsable, parseApplyCodeToken } from "../rules/apply-code.ts";
import type { MarketplaceDeps } from "./deps.ts";

/**
 * MKT-R08: a token is accepted only if it parses, its signature verifies (through the
 * ApplyCodeSigner port), it belongs to this region, has not expired and matches the code the
 * platform issued. Tampered and expired codes are refused with the rule id.
 */
export async function verifyApplyCode(
  deps: Pick<MarketplaceDeps, "uow" | "applyCodeSigner" | "regionCode">,
  token: string,
  now: Date,
): Promise<ApplyCode> {
  const { claims, message, signature } = parseApplyCodeToken(token);
  let valid = false;
  try {
    valid = await deps.applyCodeSigner.verify(message, signature);
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new DomainError("the QR code is not valid (tampered)", { ruleId: APPLY_CODE_RULE, field: "token" });
  }
  if (claims.regionCode !== deps.regionCode) {
    throw new DomainError("the QR code belongs to another region", { ruleId: APPLY_CODE_RULE, field: "token" });
  }
  const code = await deps.uow.run((tx) => tx.applyCodes.get(claims.codeId));
  return assertApplyCodeUsable(claims, code, now);
}

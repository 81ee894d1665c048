import { gatewayRefusal } from "./gateway-refusal.ts";
import type { ReplayGuard } from "./replay-guard.ts";
import { type VerifiedSignature, type VerifySignatureInput, verifyGatewaySignature } from "./signature.ts";

export interface VerifyMessageInput extends VerifySignatureInput {
  readonly replayGuard: ReplayGuard;
}

/**
 * A signed message from an institution, fully checked: known key, good signature, fresh
 * timestamp, then its nonce used for the first time (recorded only once the signature holds, so
 * forged traffic cannot fill the nonce store). Throws a KRN-R14 "unauthenticated" DomainError.
 */
export async function verifyGatewayMessage(input: VerifyMessageInput): Promise<VerifiedSignature> {
  const verified = verifyGatewaySignature(input);
  const first = await input.replayGuard.firstUse({
    institutionId: verified.institutionId,
    nonce: verified.nonce,
    signedAt: verified.timestamp,
  });
  if (!first) {
    throw gatewayRefusal(
      "replayed-nonce",
      `replayed nonce: institution ${verified.institutionId} already used this nonce`,
      "X-FIF-Nonce",
    );
  }
  return verified;
}

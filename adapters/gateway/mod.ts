// KRN-R14 institution gateways: signed JSON over HTTPS (signatures, replay guard, callbacks).

export {
  type GatewayKey,
  GatewayKeyring,
  GatewayKeyringPort,
  type GatewaySecrets,
  type InstitutionKeys,
} from "./gateway-keyring.ts";
export { gatewayPrincipal } from "./gateway-principal.ts";
export {
  DEFAULT_REPLAY_WINDOW_SECONDS,
  GATEWAY_HEADERS,
  INSTITUTION_ID_PATTERN,
  KEY_ID_PATTERN,
  MIN_SECRET_BYTES,
  NONCE_PATTERN,
} from "./gateway-protocol.ts";
export { GATEWAY_RULE, type GatewayRefusalReason, gatewayRefusal, isGatewayRefusal } from "./gateway-refusal.ts";
export { LenderDirectory } from "./lender-directory.ts";
export { MemoryReplayGuard } from "./memory-replay-guard.ts";
export { type HeaderSource, readHeader } from "./read-header.ts";
export {
  createReplayGuard,
  type DatabaseReplayGuard,
  type NonceUse,
  type ReplayGuard,
  type ReplayGuardOptions,
} from "./replay-guard.ts";
export {
  gatewaySignature,
  newNonce,
  type RawBody,
  type SignInput,
  signGatewayMessage,
  type VerifiedSignature,
  type VerifySignatureInput,
  verifyGatewaySignature,
} from "./signature.ts";
export { type VerifiedCallback, type VerifyCallbackInput, verifyGatewayCallback } from "./verify-callback.ts";
export { type VerifyMessageInput, verifyGatewayMessage } from "./verify-message.ts";

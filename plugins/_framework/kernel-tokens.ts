import { portToken } from "../../core/kernel/mod.ts";

/**
 * Tokens of kernel ports that plugins fill. A token is `Symbol.for(name)`, so the same name
 * declared anywhere else (e.g. later in core/kernel) is the same token.
 */

/** `Notifier` (core/kernel/ports.ts): SMS in production, the dev notifier in development. */
export const NotifierPort = portToken("kernel.Notifier");

/** A region's policy pack (KRN-R12), provided by the region's plugin of kind "policy-pack". */
export const PolicyPackPort = portToken("kernel.PolicyPack");

/** `IdentityVerifier` (core/kernel/ports.ts): 实名核验 of citizens and the enterprises they act for. */
export const IdentityVerifierPort = portToken("kernel.IdentityVerifier");

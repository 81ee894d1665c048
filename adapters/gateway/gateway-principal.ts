import type { Principal } from "../../core/kernel/mod.ts";

/**
 * The principal a verified institution callback acts as: staff of exactly the institution that
 * signed it, in the region whose gateway accepted it (so MKT-R09 isolation applies as for a
 * person at the institution). The id names the gateway and the key, for the audit log.
 */
export function gatewayPrincipal(
  verified: { readonly institutionId: string; readonly keyId: string },
  regionCode: string,
): Principal {
  return {
    id: `gateway:${verified.institutionId}/${verified.keyId}`,
    roles: ["institution_staff"],
    institutionId: verified.institutionId,
    regionCodes: [regionCode],
  };
}

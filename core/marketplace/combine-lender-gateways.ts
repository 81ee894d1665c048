import type { LenderDecision, LenderDecisionRequest, LenderGateway } from "./marketplace.ports.ts";

/**
 * MKT-R06 with several connections in one region: each plugin providing `LenderGateway` serves
 * the institutions it names (`servedInstitutions`), at most one serves "every other one" ("*"), and
 * each request goes to its institution's connection — so a bank can be connected over HTTPS while
 * the others stay simulated in a demonstration, or stay manual. Refused (thrown): an institution
 * named by two plugins, or two plugins both serving every institution. An institution nobody
 * serves fails the call, which the core records and falls back to the manual queue.
 */
export function combineLenderGateways(
  parts: readonly { readonly pluginId: string; readonly adapter: unknown }[],
): LenderGateway {
  const only = parts.length === 1 ? (parts[0]?.adapter as LenderGateway) : undefined;
  if (only) return only;
  const byInstitution = new Map<string, { readonly pluginId: string; readonly gateway: LenderGateway }>();
  let rest: { readonly pluginId: string; readonly gateway: LenderGateway } | undefined;
  for (const { pluginId, adapter } of parts) {
    const gateway = adapter as LenderGateway;
    const served = gateway.servedInstitutions?.() ?? "*";
    if (served === "*") {
      if (rest) {
        throw new Error(
          `plugins ${rest.pluginId} and ${pluginId} both decide for every institution; name the institutions one of them serves`,
        );
      }
      rest = { pluginId, gateway };
      continue;
    }
    for (const institutionId of served) {
      const other = byInstitution.get(institutionId);
      if (other) throw new Error(`institution ${institutionId} is served by both ${other.pluginId} and ${pluginId}`);
      byInstitution.set(institutionId, { pluginId, gateway });
    }
  }
  return {
    servedInstitutions: () => (rest ? "*" : [...byInstitution.keys()].sort()),
    requestDecision(
      request: LenderDecisionRequest,
      options: { readonly signal: AbortSignal; readonly budgetMs: number },
    ): Promise<LenderDecision> {
      const gateway = byInstitution.get(request.institutionId)?.gateway ?? rest?.gateway;
      if (!gateway) {
        return Promise.reject(
          new Error(`institution ${request.institutionId} has no direct connection in this region`),
        );
      }
      return gateway.requestDecision(request, options);
    },
  };
}

// The public surface of the quick-claim module (快处快赔121). Other modules, adapters and the HTTP
// layer import only from here.
import type { ModuleDescriptor } from "../kernel/mod.ts";
import { quickClaimPolicySchema } from "./policy.ts";
import {
  InsurerPort,
  NotifierPort,
  PaymentGatewayPort,
  PhotoStorePort,
  PoliceDeskPort,
  TrafficVideoPort,
} from "./quickclaim.ports.ts";

export * from "./domain/accident-form.ts";
export * from "./domain/case-access.ts";
export * from "./domain/case-status.ts";
export * from "./domain/claim.ts";
export * from "./domain/claim-status.ts";
export * from "./domain/determination-letter.ts";
export * from "./domain/geo.ts";
export * from "./domain/payment-attempt.ts";
export * from "./domain/payout-plan.ts";
export * from "./domain/quick-claim-case.ts";
export * from "./domain/survey.ts";
export * from "./params-as-of.ts";
export * from "./policy.ts";
export * from "./policy-defaults.ts";
export * from "./quickclaim.ports.ts";
export * from "./rules/claimant-match.ts";
export * from "./rules/compulsory-first-payout.ts";
export * from "./rules/evidence-completeness.ts";
export * from "./rules/figures.ts";
export * from "./rules/liability-suggestion.ts";
export * from "./rules/mutual-self-compensation.ts";
export * from "./rules/party-items.ts";
export * from "./rules/payout-once.ts";
export * from "./rules/photo-checks.ts";
export * from "./rules/plan-payout.ts";
export * from "./rules/remote-handling-limits.ts";
export * from "./rules/service-centre.ts";
export * from "./rules/signatures.ts";
export * from "./use-cases/accept-claim.ts";
export * from "./use-cases/add-photo.ts";
export * from "./use-cases/assess-loss.ts";
export * from "./use-cases/deps.ts";
export * from "./use-cases/determine-liability.ts";
export * from "./use-cases/get-case.ts";
export * from "./use-cases/get-figures.ts";
export * from "./use-cases/list-adjuster-queue.ts";
export * from "./use-cases/list-police-queue.ts";
export * from "./use-cases/lookup-surveillance.ts";
export * from "./use-cases/move-offline.ts";
export * from "./use-cases/notify-parties.ts";
export * from "./use-cases/open-claim.ts";
export * from "./use-cases/pay-claim.ts";
export * from "./use-cases/reconcile-payment.ts";
export * from "./use-cases/record-payment-outcome.ts";
export * from "./use-cases/report-accident.ts";
export * from "./use-cases/sign-letter.ts";
export * from "./use-cases/submit-evidence.ts";
export * from "./use-cases/submit-party-items.ts";
export * from "./use-cases/submit-survey.ts";

/** The module as the composition root sees it (KRN-R13). */
export const descriptor: ModuleDescriptor = {
  id: "quickclaim",
  title: { zh: "快处快赔121", en: "Quick claims for minor traffic accidents" },
  policySchema: quickClaimPolicySchema,
  requiredPorts: [PoliceDeskPort, TrafficVideoPort, InsurerPort, PaymentGatewayPort, PhotoStorePort, NotifierPort],
};

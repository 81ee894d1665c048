import type { AnyPluginManifest } from "./_framework/plugin-registry.ts";
import { manifest as devNotifier } from "./dev-notifier/manifest.ts";
import { manifest as factorsAppraiserSim } from "./factors-appraiser-sim/manifest.ts";
import { manifest as factorsCollectionSim } from "./factors-collection-sim/manifest.ts";
import { manifest as factorsEvidenceStoreLocal } from "./factors-evidence-store-local/manifest.ts";
import { manifest as factorsFuanRegistrySim } from "./factors-fuan-registry-sim/manifest.ts";
import { manifest as factorsGuarantorSim } from "./factors-guarantor-sim/manifest.ts";
import { manifest as factorsInsurerSim } from "./factors-insurer-sim/manifest.ts";
import { manifest as factorsLenderSim } from "./factors-lender-sim/manifest.ts";
import { manifest as factorsRegistriesSim } from "./factors-registries-sim/manifest.ts";
import { manifest as httpGateway } from "./http-gateway/manifest.ts";
import { manifest as identityVerifierHttps } from "./identity-verifier-https/manifest.ts";
import { manifest as identityVerifierSim } from "./identity-verifier-sim/manifest.ts";
import { manifest as longyanRegion } from "./longyan-region/manifest.ts";
import { manifest as marketplaceCreditDataSim } from "./marketplace-credit-data-sim/manifest.ts";
import { manifest as marketplaceEstateRegistrySim } from "./marketplace-estate-registry-sim/manifest.ts";
import { manifest as marketplaceLenderSim } from "./marketplace-lender-sim/manifest.ts";
import { manifest as ningdeRegion } from "./ningde-region/manifest.ts";
import { manifest as quickclaimInsurersSim } from "./quickclaim-insurers-sim/manifest.ts";
import { manifest as quickclaimPaymentSim } from "./quickclaim-payment-sim/manifest.ts";
import { manifest as quickclaimPhotoStoreLocal } from "./quickclaim-photo-store-local/manifest.ts";
import { manifest as quickclaimPoliceDeskSim } from "./quickclaim-police-desk-sim/manifest.ts";
import { manifest as quickclaimTrafficVideoSim } from "./quickclaim-traffic-video-sim/manifest.ts";

/**
 * The installed plugins (KRN-R13): an explicit list, never a folder scan. A deployment can
 * only name plugins listed here. `npm run new-plugin` prints the line to add.
 */
export const installedPlugins: readonly AnyPluginManifest[] = [
  ningdeRegion,
  longyanRegion,
  devNotifier,
  identityVerifierSim,
  identityVerifierHttps,
  quickclaimPoliceDeskSim,
  quickclaimTrafficVideoSim,
  quickclaimInsurersSim,
  quickclaimPaymentSim,
  quickclaimPhotoStoreLocal,
  marketplaceCreditDataSim,
  marketplaceLenderSim,
  marketplaceEstateRegistrySim,
  httpGateway,
  factorsRegistriesSim,
  factorsFuanRegistrySim,
  factorsAppraiserSim,
  factorsCollectionSim,
  factorsLenderSim,
  factorsGuarantorSim,
  factorsInsurerSim,
  factorsEvidenceStoreLocal,
];

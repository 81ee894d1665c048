import type { ModuleDescriptor } from "../../core/kernel/mod.ts";
import { descriptor as marketplace } from "../../core/marketplace/mod.ts";
import { descriptor as quickclaim } from "../../core/quickclaim/mod.ts";
import { factorsPlatformDescriptor as factors } from "../factors/factors-descriptor.ts";

// LEAD HOOK — installed modules. With an empty list regions run the kernel only (policy pack
// kernel part, plugins, platform services). Add one import and one line per module:
//   import { descriptor as factors } from "../../core/factors/mod.ts";
//   import { descriptor as quickclaim } from "../../core/quickclaim/mod.ts";
//   import { descriptor as marketplace } from "../../core/marketplace/mod.ts";

/**
 * The modules this build can run. A region enables a subset in the deployment config; each
 * enabled module's policy-pack part is validated against its `policySchema` and its
 * `requiredPorts` must be provided by the region's plugins (KRN-R12, KRN-R13).
 */
export const installedModules: readonly ModuleDescriptor[] = [factors, quickclaim, marketplace];

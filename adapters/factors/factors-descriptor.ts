import { descriptor } from "../../core/factors/mod.ts";
import type { ModuleDescriptor } from "../../core/kernel/mod.ts";
import { EvidenceFileStorePort } from "./evidence-file-store.ts";

/**
 * The factors module as this platform installs it: the core's descriptor (pack schema and the
 * outside-system ports), plus the evidence file store the HTTP layer keeps registration
 * evidence in — so a region without one fails at start-up, not at the first upload (KRN-R13).
 */
export const factorsPlatformDescriptor: ModuleDescriptor = {
  ...descriptor,
  requiredPorts: [...descriptor.requiredPorts, EvidenceFileStorePort],
};

import type { Platform } from "../../../adapters/composition/platform.ts";
import type { QuickClaimPolicy } from "../../../core/quickclaim/mod.ts";
import { QC } from "./api-context.ts";

/** Room for the multipart envelope and the text fields around the files. */
const FORM_OVERHEAD = 256 * 1024;

/**
 * Body limit of an upload route with `files` photo parts: the largest photo any configured
 * region's pack accepts (on any date) per file, plus the form's overhead. A file above the pack's
 * limit but within this one reaches QC-R02 (422 naming the rule); far bigger bodies get 413.
 */
export function uploadLimit(platform: Platform, files: number): number {
  let max = 0;
  for (const region of platform.regions.values()) {
    if (!region.modules.includes(QC)) continue;
    for (const v of region.policy<QuickClaimPolicy>(QC).photoMaxBytes) max = Math.max(max, v.value);
  }
  return Math.max(1, files) * Math.max(max, 1024 * 1024) + FORM_OVERHEAD;
}

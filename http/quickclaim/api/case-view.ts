import type { CaseView } from "../../../core/quickclaim/mod.ts";
import { yuanView } from "./yuan-view.ts";

/** The wire form of a case: amounts in yuan strings, storage keys of photos left out. */
export function caseView(v: CaseView) {
  const { photos, ...rest } = v;
  return yuanView({ ...rest, photos: photos.map(({ storageKey: _key, ...photo }) => photo) });
}

import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { requireViewer } from "../domain/case-access.ts";
import type { VideoLookup } from "../domain/quick-claim-case.ts";
import { paramsAsOf } from "../params-as-of.ts";
import type { VideoClip } from "../quickclaim.ports.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockCase, readCase } from "./load.ts";
import { idField, parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

export const lookupSurveillanceInput = v.object({ caseId: idField });

/**
 * 调取监控视频: the officer pulls surveillance clips near the accident's time and place through
 * the TrafficVideo port (window and radius from the pack). The call happens outside the
 * transaction; if the video system does not answer, nothing is written and the officer retries.
 */
export async function lookupSurveillance(
  deps: Pick<QuickClaimDeps, "uow" | "clock" | "policy" | "video">,
  rawInput: unknown,
  p: Principal,
): Promise<{ readonly clips: readonly VideoClip[] }> {
  const input = parseInput(lookupSurveillanceInput, rawInput, "QC-R03");
  const c = await deps.uow.run((tx) => readCase(tx, input.caseId, p));
  requireViewer(p, c, ["police"], "pull surveillance video");
  const w = paramsAsOf(deps.policy, c.accidentDate).videoSearch;
  const at = Date.parse(c.accidentAt);
  let clips: VideoClip[];
  try {
    clips = await deps.video.findClips({
      point: c.place.point,
      from: new Date(at - w.minutesBefore * 60_000).toISOString(),
      to: new Date(at + w.minutesAfter * 60_000).toISOString(),
      radiusMetres: w.radiusMetres,
    });
  } catch (e) {
    throw new DomainError("the traffic video system is not answering; try again", {
      ruleId: "KRN-R10",
      kind: "unavailable",
      detail: { cause: e instanceof Error ? e.message : String(e) },
    });
  }
  const lookup: VideoLookup = {
    at: deps.clock.now().toISOString(),
    by: p.id,
    clips: clips.map((x) => ({ clipId: x.clipId, cameraId: x.cameraId, from: x.from, to: x.to })),
  };
  await deps.uow.run(async (tx) => {
    const locked = await lockCase(tx, c.id, p);
    await tx.cases.update({ ...locked, videoLookups: [...locked.videoLookups, lookup], version: locked.version + 1 });
    await recordChange(tx, p, {
      regionCode: locked.regionCode,
      action: "quickclaim.case.video_lookup",
      objectType: "quickclaim.case",
      objectId: locked.id,
      detail: { clips: clips.length },
      event: {
        type: "quickclaim.case.video_looked_up",
        aggregateId: locked.id,
        payload: { caseId: locked.id, clips: clips.length },
      },
    });
  });
  return { clips: lookup.clips };
}

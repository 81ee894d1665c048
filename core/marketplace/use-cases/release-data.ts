import type { Principal } from "../../kernel/mod.ts";
import type { PushContent } from "../rules/push-log.ts";
import { commitDataRelease } from "./commit-data-release.ts";
import type { MarketplaceDeps } from "./deps.ts";
import {
  type DataReleaseRequest,
  fetchReleaseRecords,
  prepareDataRelease,
  type ReleaseFetcher,
} from "./prepare-data-release.ts";
import { type PushView, pushView } from "./views.ts";

/**
 * A data release on its own transaction, for modules that reuse the marketplace's consent and
 * minimisation (e.g. machinery credit pushing subsidy and bureau data to its bank): consent
 * check, minimised categories, live fetch (through `fetch`, default the CreditDataSource),
 * re-check under lock, push log, audit and outbox in one commit.
 */
export type ReleaseDataDeps = Pick<
  MarketplaceDeps,
  "uow" | "clock" | "ids" | "hasher" | "cipher" | "blindIndex" | "policy" | "regionCode" | "creditData"
>;

export class ReleaseData {
  readonly #deps: ReleaseDataDeps;

  constructor(deps: ReleaseDataDeps) {
    this.#deps = deps;
  }

  async execute(
    request: DataReleaseRequest & { readonly applicationId?: string | null },
    principal: Principal,
    fetch?: ReleaseFetcher,
  ): Promise<{ push: PushView; content: PushContent }> {
    const d = this.#deps;
    const prepared = await prepareDataRelease(d, request, principal, d.clock.now());
    const records = await fetchReleaseRecords(d, prepared, fetch ?? ((r) => d.creditData.fetch(r)));
    const now = d.clock.now();
    const { push, content } = await d.uow.run((tx) =>
      commitDataRelease(tx, d, prepared, records, { principal, now, applicationId: request.applicationId ?? null }),
    );
    return { push: pushView(push), content };
  }
}

import type { Principal } from "../../../../core/kernel/mod.ts";
import { createMarketplaceUseCases, type SubmittedApplication } from "../../../../core/marketplace/mod.ts";
import { apply } from "../../../../core/marketplace/testing/flows.ts";
import { products } from "../../../../core/marketplace/testing/test-catalogue.ts";
import { people } from "../../../../core/marketplace/testing/test-world.ts";
import { LONGYAN, type MarketplacePageApp } from "./marketplace-page-app.ts";

/** Principals as the sign-in services make them (citizens by the blind index of their mobile). */
export function citizenOf(t: MarketplacePageApp, mobile: string): Principal {
  return {
    id: `citizen:${mobile}`,
    roles: ["citizen"],
    regionCodes: [LONGYAN],
    subjectRef: t.blindIndexer.index("mobile", mobile),
    // 实名认证: the demo people's IDs are proved on their own mobile's account.
    identities: Object.values(people)
      .filter((p) => p.mobile === mobile)
      .map((p) => t.blindIndexer.index(p.idKind, p.idNumber))
      .sort(),
  };
}

export function staffOf(institutionId: string): Principal {
  return { id: `inst:${institutionId}/test`, roles: ["institution_staff"], institutionId, regionCodes: [LONGYAN] };
}

export interface BoardScenario {
  /** 张师傅's shop → 兴闪贷 on Mon 2026-01-05, contacted the next day, never concluded: long unfinished. */
  readonly longUnfinished: SubmittedApplication;
  /** 龙岩闽西茶业 → 兴闪贷 on Wed 2026-02-25, never contacted: overdue for contact by Mon 03-02. */
  readonly overdue: SubmittedApplication;
  /** 龙岩闽西茶业 → 兴闪贷 on Mon 2026-03-02 09:00: pending, not yet overdue. */
  readonly pendingCib: SubmittedApplication;
  /** 龙岩闽西茶业 → 房抵贷 (龙岩农商行) on Mon 2026-03-02 09:10: pending. */
  readonly pendingLyrcb: SubmittedApplication;
  /** 张师傅 → 建行智慧快贷 (direct) on Mon 2026-03-02 09:20: decided at once by the simulated bank. */
  readonly instant: SubmittedApplication;
}

/**
 * The demo story's board (spec 90-demo-story.md): 兴业 leaves 龙岩闽西茶业 waiting past the contact
 * deadline and has an older application long unfinished; 龙岩农商行 has one fresh application;
 * 张师傅's first loan is decided at once. Submitted through the core's use cases at their own
 * dates on the page app's clock, which is left at Mon 2026-03-02 10:00 Beijing.
 */
export async function seedBoardScenario(t: MarketplacePageApp): Promise<BoardScenario> {
  const uc = createMarketplaceUseCases(t.deps);
  const zhang = citizenOf(t, people.zhang.mobile);
  const tea = citizenOf(t, people.teaCo.mobile);
  const at = async <T>(iso: string, work: () => Promise<T>): Promise<T> => {
    t.clock.set(iso);
    return work();
  };
  const longUnfinished = await at("2026-01-05T02:00:00Z", () => apply(uc, zhang, people.zhangShop, products.xingshan));
  await at("2026-01-06T02:00:00Z", () =>
    uc.recordApplicationOutcome.execute(
      { applicationId: longUnfinished.application.id, event: "contact" },
      staffOf("inst_cib"),
    ),
  );
  const overdue = await at("2026-02-25T02:00:00Z", () => apply(uc, tea, people.teaCo, products.xingshan));
  const pendingCib = await at("2026-03-02T01:00:00Z", () => apply(uc, tea, people.teaCo, products.xingshan));
  const pendingLyrcb = await at("2026-03-02T01:10:00Z", () => apply(uc, tea, people.teaCo, products.houseLoan));
  const instant = await at("2026-03-02T01:20:00Z", () =>
    apply(uc, zhang, people.zhang, products.kuaidai, undefined, { amount: 5_000_000, termMonths: 12 }),
  );
  t.clock.set("2026-03-02T02:00:00Z");
  return { longUnfinished, overdue, pendingCib, pendingLyrcb, instant };
}

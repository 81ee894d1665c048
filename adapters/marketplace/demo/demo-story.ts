import { businessDateOf, type Principal } from "../../../core/kernel/mod.ts";
import { createMarketplaceUseCases, type MarketplaceDeps } from "../../../core/marketplace/mod.ts";
import type { AnyDb } from "../../db/create-database.ts";
import { storyPeople } from "./demo-people.ts";
import { atShanghai, depsAt } from "./demo-time.ts";
import { namedProducts } from "./longyan-demo-catalogue.ts";

/** Who acts in the story besides the citizens. */
export interface StoryActors {
  /** A signed-in citizen who has proved `subjects` (实名认证) on the account. */
  citizen(mobile: string, ...subjects: readonly { readonly idKind: string; readonly idNumber: string }[]): Principal;
  staff(institutionId: string): Principal;
}

async function hasApplied(db: AnyDb, regionCode: string, subjectRef: string): Promise<boolean> {
  const row = await db
    .selectFrom("marketplace.applications")
    .select("id")
    .where("region_code", "=", regionCode)
    .where("subject_ref", "=", subjectRef)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * 张师傅 (spec 90-demo-story.md): the 建行 新罗 branch's customer manager gives him a 码上贷 code
 * for 智慧快贷; on the last working day he scans it in his shop, consents to tax, UnionPay flow
 * and social insurance only, and gets an instant 小店经济 decision — his first loan ever.
 */
export async function seedZhangStory(deps: MarketplaceDeps, db: AnyDb, actors: StoryActors): Promise<boolean> {
  const p = storyPeople.zhang;
  const citizen = actors.citizen(p.mobile, { idKind: "resident-id", idNumber: p.residentId }, p.shop);
  if (await hasApplied(db, deps.regionCode, citizen.subjectRef as string)) return false;
  const today = businessDateOf(deps.clock.now());
  const day = deps.calendar.addWorkingDays(today, -1);
  const uc = (h: number, m: number) => createMarketplaceUseCases(depsAt(deps, atShanghai(day, h, m)));
  const { token } = await uc(9, 0).issueApplyCode.execute(
    { productId: namedProducts.zhihuiKuaidai, branchId: "inst_ccb_xinluo", managerId: "ccb-xinluo-lin" },
    actors.staff("inst_ccb"),
  );
  await uc(15, 18).scanApplyCode.execute({ token });
  const consent = await uc(15, 19).grantConsent.execute(
    {
      productId: namedProducts.zhihuiKuaidai,
      subject: { idKind: p.shop.idKind, idNumber: p.shop.idNumber },
      categories: ["tax.paid", "unionpay.acquiring-flow", "social.insurance-paid"],
    },
    citizen,
  );
  await uc(15, 20).submitApplication.execute(
    {
      productId: namedProducts.zhihuiKuaidai,
      consentId: consent.id,
      applicant: { idKind: p.shop.idKind, idNumber: p.shop.idNumber, name: p.shop.name },
      contactMobile: p.mobile,
      amount: 50_000_00,
      termMonths: 12,
      applyCodeToken: token,
    },
    citizen,
  );
  return true;
}

/**
 * 龙岩闽西茶业有限公司 applies for 兴业兴闪贷 through the marketplace; 兴业 leaves it waiting three
 * working days, so it shows up as overdue for contact on the regulator's board (MKT-R04).
 */
export async function seedTeaCompanyStory(deps: MarketplaceDeps, db: AnyDb, actors: StoryActors): Promise<boolean> {
  const p = storyPeople.teaCo;
  const citizen = actors.citizen(p.mobile, p.subject);
  if (await hasApplied(db, deps.regionCode, citizen.subjectRef as string)) return false;
  const day = deps.calendar.addWorkingDays(businessDateOf(deps.clock.now()), -3);
  const uc = createMarketplaceUseCases(depsAt(deps, atShanghai(day, 10, 5)));
  const subject = { idKind: p.subject.idKind, idNumber: p.subject.idNumber };
  const consent = await uc.grantConsent.execute(
    {
      productId: namedProducts.xingshan,
      subject,
      categories: ["tax.credit-grade", "tax.invoiced-sales", "court.dishonest", "power.payment"],
    },
    citizen,
  );
  await uc.submitApplication.execute(
    {
      productId: namedProducts.xingshan,
      consentId: consent.id,
      applicant: { ...subject, name: p.subject.name },
      contactMobile: p.mobile,
      amount: 800_000_00,
      termMonths: 24,
    },
    citizen,
  );
  return true;
}

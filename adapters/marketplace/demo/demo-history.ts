import { businessDateOf } from "../../../core/kernel/mod.ts";
import {
  createMarketplaceUseCases,
  type MarketplaceDeps,
  type Product,
  requiredCategories,
} from "../../../core/marketplace/mod.ts";
import type { AnyDb } from "../../db/create-database.ts";
import { type DemoApplicant, historyApplicant } from "./demo-people.ts";
import { DemoRandom } from "./demo-random.ts";
import type { StoryActors } from "./demo-story.ts";
import { atShanghai, depsAt } from "./demo-time.ts";

/**
 * Demo history: invented applicants apply for the demo products over the last months, through
 * the real use cases with the clock set to each moment (consent, live data push, instant
 * decision for direct-connect products), and the institutions record contacts, approvals,
 * rejections and disbursements as time passes — so the board's report and figures start with
 * something to show. Deterministic; skipped when the history's first applicant exists.
 */
const SPAN_WORKING_DAYS = 110;
const BATCH = 8;

function terms(r: DemoRandom, p: Product): { amount: number; termMonths: number } {
  const top = Math.min(p.amountMax, p.amountMin * 20);
  const step = 1_000_00;
  const amount = Math.max(p.amountMin, Math.floor((p.amountMin + r.next() * (top - p.amountMin)) / step) * step);
  return { amount: Math.min(amount, p.amountMax), termMonths: r.int(p.termMonthsMin, Math.min(p.termMonthsMax, 36)) };
}

/** How far back (working days, at most SPAN) the region's calendar reaches from `today`. */
function reach(deps: MarketplaceDeps, today: string): number {
  for (let span = SPAN_WORKING_DAYS; span > 1; span -= 5) {
    try {
      deps.calendar.addWorkingDays(today, -span);
      return span;
    } catch {
      // the calendar does not cover that far back; try a shorter span
    }
  }
  return 1;
}

async function one(
  deps: MarketplaceDeps,
  actors: StoryActors,
  products: readonly Product[],
  n: number,
  today: string,
  maxAge: number,
): Promise<void> {
  const r = new DemoRandom(`marketplace-history-${deps.regionCode}-${n}`);
  const product = r.pick(products);
  const organisation = product.segments.includes("small-firm") && r.chance(0.6);
  const who: DemoApplicant = historyApplicant(n, organisation);
  const citizen = actors.citizen(who.mobile, who.subject);
  const staff = actors.staff(product.institutionId);
  const age = r.int(1, maxAge);
  const day = deps.calendar.addWorkingDays(today, -age);
  const at = (offset: number, hour: number) =>
    createMarketplaceUseCases(depsAt(deps, atShanghai(deps.calendar.addWorkingDays(day, offset), hour, r.int(0, 59))));
  const optional = product.dataNeeds.filter((d) => !d.required && r.chance(0.6)).map((d) => d.category);
  const consent = await at(0, r.int(9, 16)).grantConsent.execute(
    { productId: product.id, subject: who.subject, categories: [...requiredCategories(product), ...optional] },
    citizen,
  );
  const { amount, termMonths } = terms(r, product);
  const submitted = await at(0, 17).submitApplication.execute(
    {
      productId: product.id,
      consentId: consent.id,
      applicant: { ...who.subject, name: who.name },
      contactMobile: who.mobile,
      amount,
      termMonths,
    },
    citizen,
  );
  const app = submitted.application;
  const id = app.id;
  const span = (max: number) => r.int(1, Math.max(1, Math.min(age - 1, max)));
  if (app.state === "APPROVED") {
    if (age > 1 && r.chance(0.8)) {
      await at(span(3), 11).recordApplicationOutcome.execute(
        { applicationId: id, event: "disburse", amountDisbursed: app.amountGranted as number },
        staff,
      );
    }
    return;
  }
  if (app.state !== "SUBMITTED") return;
  const roll = r.next();
  if (age <= 2) {
    if (roll < 0.5)
      await at(span(1), 10).recordApplicationOutcome.execute({ applicationId: id, event: "contact" }, staff);
    return;
  }
  if (roll < 0.12) return; // still waiting: overdue for contact (and long unfinished when old)
  const decideAfter = span(age > 15 ? 12 : 6);
  if (roll < 0.25 || (age <= 15 && roll < 0.45)) {
    await at(span(2), 10).recordApplicationOutcome.execute({ applicationId: id, event: "contact" }, staff);
    return;
  }
  if (roll < 0.33) {
    await at(decideAfter, 15).withdrawApplication.execute(
      { applicationId: id, reason: "已从其他渠道获得资金" },
      citizen,
    );
    return;
  }
  if (roll < 0.5) {
    await at(decideAfter, 15).recordApplicationOutcome.execute(
      { applicationId: id, event: "reject", reason: "综合评估未通过 / did not pass the assessment" },
      staff,
    );
    return;
  }
  const granted = Math.max(product.amountMin, Math.floor((amount * r.int(60, 100)) / 100 / 1_000_00) * 1_000_00);
  await at(decideAfter, 14).recordApplicationOutcome.execute(
    {
      applicationId: id,
      event: "approve",
      amountGranted: Math.min(granted, product.amountMax),
      rateBp: r.int(product.rateMinBp, product.rateMaxBp),
      grantedTermMonths: termMonths,
    },
    staff,
  );
  if (age - decideAfter > 1 && r.chance(0.75)) {
    await at(decideAfter + 1, 10).recordApplicationOutcome.execute(
      { applicationId: id, event: "disburse", amountDisbursed: Math.min(granted, product.amountMax) },
      staff,
    );
  }
}

/** Runs the history (`count` applications) unless it exists already; returns how many were made. */
export async function seedDemoHistory(
  deps: MarketplaceDeps,
  db: AnyDb,
  actors: StoryActors,
  products: readonly Product[],
  count: number,
): Promise<number> {
  if (count <= 0 || products.length === 0) return 0;
  const first = actors.citizen(historyApplicant(0, false).mobile).subjectRef as string;
  const existing = await db
    .selectFrom("marketplace.applications")
    .select("id")
    .where("region_code", "=", deps.regionCode)
    .where("subject_ref", "=", first)
    .limit(1)
    .executeTakeFirst();
  if (existing) return 0;
  const today = businessDateOf(deps.clock.now());
  const maxAge = reach(deps, today);
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => start + i);
    await Promise.all(batch.map((n) => one(deps, actors, products, n, today, maxAge)));
  }
  return count;
}

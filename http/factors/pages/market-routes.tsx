import { csrf } from "hono/csrf";
import {
  awardTransfer,
  buyOutFloor,
  completeDisposal,
  consentToTransfer,
  getDisposal,
  getPublicNotice,
  getTransferListing,
  listMarket,
  lodgeObjection,
  placeBid,
  registerTransfer,
} from "../../../core/factors/mod.ts";
import { type Principal, parseYuan, valueAsOf } from "../../../core/kernel/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { type Attempt, attempt, needsSignIn, valuesOf } from "./actions.ts";
import { type DisposalAction, DisposalPage } from "./disposal-page.tsx";
import type { ActionForm } from "./factor-actions.tsx";
import { type Form, formOf, formOnce, text } from "./form-once.tsx";
import {
  caller,
  type DepsFor,
  type FxContext,
  frameOf,
  guarded,
  langOf,
  newOnce,
  regionOf,
  todayOf,
} from "./fx-context.tsx";
import { fxPath } from "./fx-paths.ts";
import { type ListingAction, ListingPage } from "./listing-page.tsx";
import { MarketPage } from "./market-page.tsx";
import { NoticePage } from "./notice-page.tsx";
import type { PageProblem } from "./page-errors.ts";

type Failed<A> = { readonly action: A; readonly problem: PageProblem; readonly values: Record<string, string> };

const money = (form: Form, name: string) => parseYuan(text(form, name).replaceAll(",", ""), name);

function bidOf(form: Form) {
  return {
    amountFen: money(form, "amount"),
    bidder: {
      kind: text(form, "bidderKind") || "person",
      idNumber: text(form, "bidderId"),
      name: text(form, "bidderName"),
    },
  };
}

function formsOf<A>(c: FxContext, failed: Failed<A> | undefined): (action: A) => ActionForm {
  return (action) =>
    failed?.action === action
      ? { once: newOnce(c), problem: failed.problem, values: failed.values }
      : { once: newOnce(c) };
}

/** The market, transfer listings (bid, consent, award, register the buyer) and disposals (bid, complete). */
export function registerMarketRoutes(app: App, depsFor: DepsFor): void {
  app.get(
    "/factors/:region/market",
    guarded(async (c) => {
      const region = regionOf(c);
      const deps = depsFor(region);
      const market = await listMarket(deps, caller(c));
      return c.html(
        <MarketPage
          page={pageContext(c)}
          frame={frameOf(c, region)}
          market={market}
          policy={deps.policyFor(null)}
          today={todayOf(c)}
        />,
      );
    }),
  );

  async function showListing(c: FxContext, region: string, p: Principal, id: string, failed?: Failed<ListingAction>) {
    const deps = depsFor(region);
    const detail = await getTransferListing(deps, p, { listingId: id });
    const done = c.req.method === "GET" ? c.req.query("done") : undefined;
    return c.html(
      <ListingPage
        page={pageContext(c)}
        frame={frameOf(c, region)}
        detail={detail}
        policy={deps.policyFor(detail.listing.countyCode)}
        today={todayOf(c)}
        done={done === "registered" || done === "awaiting" ? done : undefined}
        forms={formsOf(c, failed)}
      />,
      failed?.problem.status ?? 200,
    );
  }

  async function showDisposal(c: FxContext, region: string, p: Principal, id: string, failed?: Failed<DisposalAction>) {
    const deps = depsFor(region);
    const detail = await getDisposal(deps, p, { disposalId: id });
    const today = todayOf(c);
    const policy = deps.policyFor(detail.disposal.countyCode);
    const floor = buyOutFloor(
      detail.disposal.valuationValue,
      valueAsOf(policy.disposal.buyOutMinBp, today, "factors.disposal.buyOutMinBp"),
    );
    return c.html(
      <DisposalPage
        page={pageContext(c)}
        frame={frameOf(c, region)}
        detail={detail}
        policy={policy}
        today={today}
        floor={floor}
        forms={formsOf(c, failed)}
      />,
      failed?.problem.status ?? 200,
    );
  }

  async function showNotice(c: FxContext, region: string, p: Principal, id: string, failed?: Failed<"object">) {
    const deps = depsFor(region);
    const detail = await getPublicNotice(deps, p, { factorId: id });
    return c.html(
      <NoticePage
        page={pageContext(c)}
        frame={frameOf(c, region)}
        detail={detail}
        policy={deps.policyFor(detail.notice.countyCode)}
        today={todayOf(c)}
        objected={c.req.method === "GET" && c.req.query("done") === "objected"}
        form={formsOf(c, failed)("object")}
      />,
      failed?.problem.status ?? 200,
    );
  }

  app.get(
    "/factors/:region/notices/:id",
    guarded((c) => showNotice(c, regionOf(c), caller(c), c.req.param("id") ?? "")),
  );
  post<"object">("/factors/:region/notices/:id/object", "object", showNotice, (c, region, p, id, form) =>
    attempt(langOf(c), async () => {
      await lodgeObjection(depsFor(region), p, { factorId: id, grounds: text(form, "grounds") });
      return `${fxPath.notice(region, id)}?done=objected`;
    }),
  );

  app.get(
    "/factors/:region/listings/:id",
    guarded((c) => showListing(c, regionOf(c), caller(c), c.req.param("id") ?? "")),
  );
  app.get(
    "/factors/:region/disposals/:id",
    guarded((c) => showDisposal(c, regionOf(c), caller(c), c.req.param("id") ?? "")),
  );

  function post<A>(
    path: string,
    key: A,
    show: (c: FxContext, region: string, p: Principal, id: string, failed?: Failed<A>) => Promise<Response>,
    run: (c: FxContext, region: string, p: Principal, id: string, form: Form) => Promise<Attempt<string>>,
  ) {
    app.post(
      path,
      csrf(),
      needsSignIn(),
      formOnce(),
      guarded(async (c) => {
        const region = regionOf(c);
        const p = caller(c);
        const id = c.req.param("id") ?? "";
        const form = await formOf(c);
        const done = await run(c, region, p, id, form);
        if (done.ok) return c.redirect(done.value, 303);
        return show(c, region, p, id, { action: key, problem: done.problem, values: valuesOf(form) });
      }),
    );
  }

  const listing = "/factors/:region/listings/:id";
  post<ListingAction>(`${listing}/bid`, "bid", showListing, (c, region, p, id, form) =>
    attempt(langOf(c), async () => {
      await placeBid(depsFor(region), p, { listing: "transfer", listingId: id, ...bidOf(form) });
      return fxPath.listing(region, id);
    }),
  );
  post<ListingAction>(`${listing}/consent`, "consent", showListing, (c, region, p, id) =>
    attempt(langOf(c), async () => {
      await consentToTransfer(depsFor(region), p, { listingId: id });
      return fxPath.listing(region, id);
    }),
  );
  post<ListingAction>(`${listing}/award`, "award", showListing, (c, region, p, id) =>
    attempt(langOf(c), async () => {
      await awardTransfer(depsFor(region), p, { listingId: id });
      return fxPath.listing(region, id);
    }),
  );
  post<ListingAction>(`${listing}/register-transfer`, "register", showListing, (c, region, p, id) =>
    attempt(langOf(c), async () => {
      const r = await registerTransfer(depsFor(region), p, { listingId: id });
      return `${fxPath.listing(region, id)}?done=${r.outcome === "registered" ? "registered" : "awaiting"}`;
    }),
  );

  const disposal = "/factors/:region/disposals/:id";
  post<DisposalAction>(`${disposal}/bid`, "bid", showDisposal, (c, region, p, id, form) =>
    attempt(langOf(c), async () => {
      await placeBid(depsFor(region), p, { listing: "disposal", listingId: id, ...bidOf(form) });
      return fxPath.disposal(region, id);
    }),
  );
  post<DisposalAction>(`${disposal}/complete`, "complete", showDisposal, (c, region, p, id, form) =>
    attempt(langOf(c), async () => {
      const proceeds = text(form, "auctionProceeds");
      await completeDisposal(depsFor(region), p, {
        disposalId: id,
        costsFen: money(form, "costs"),
        ...(proceeds ? { auctionProceedsFen: money(form, "auctionProceeds") } : {}),
        ...(text(form, "auctionBuyer") ? { auctionBuyer: text(form, "auctionBuyer") } : {}),
      });
      return fxPath.disposal(region, id);
    }),
  );
}

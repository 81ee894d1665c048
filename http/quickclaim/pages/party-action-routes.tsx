import type { MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { businessDateOf, type Principal } from "../../../core/kernel/mod.ts";
import {
  addPhoto,
  openClaim,
  paramsAsOf,
  type QuickClaimDeps,
  signLetter,
  submitEvidence,
  submitPartyItems,
  submitSurvey,
} from "../../../core/quickclaim/mod.ts";
import type { App, AppEnv } from "../../env.ts";
import { principalOf } from "../../middleware/authenticate.ts";
import type { CasePageProps } from "./case-page.tsx";
import { renderCase } from "./case-render.tsx";
import { formOf, formOnce, text } from "./form-once.tsx";
import { pageProblem } from "./page-errors.ts";
import { type DepsFor, guarded, type QcContext, regionOf } from "./qc-context.tsx";
import { qcPath } from "./qc-paths.ts";
import { beijingInstant, numberOrText } from "./report-routes.tsx";

type Form = Record<string, string | File>;

/** A file field as the use cases take it; a missing file stays missing, to be refused by name. */
async function fileOf(form: Form, name: string) {
  const f = form[name];
  if (!(f instanceof File) || f.size === 0) return undefined;
  return { contentType: f.type || "application/octet-stream", bytes: new Uint8Array(await f.arrayBuffer()) };
}

/** Uploads may be as big as the pack's largest photo times `files`, plus room for the other fields. */
function uploadLimit(depsFor: DepsFor, files: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = depsFor(regionOf(c));
    const today = businessDateOf(c.get("platform").clock.now());
    c.set("bodyLimit", paramsAsOf(deps.policy, today).photoMaxBytes * files + 256 * 1024);
    await next();
  };
}

interface Act {
  readonly c: QcContext;
  readonly region: string;
  readonly caseId: string;
  readonly deps: QuickClaimDeps;
  readonly p: Principal;
  readonly form: Form;
}

/**
 * One party action: run the use case, then back to the case page with a "done" note (303); a
 * DomainError shows the case page again with the problem and its status, nothing half-done.
 */
function action(
  depsFor: DepsFor,
  run: (a: Act) => Promise<unknown>,
  done: NonNullable<CasePageProps["done"]>,
  keep?: (a: Act) => Pick<CasePageProps, "itemValues" | "claimValues">,
) {
  return guarded(async (c) => {
    const region = regionOf(c);
    const p = principalOf(c);
    const deps = depsFor(region);
    const caseId = c.req.param("caseId") ?? "";
    const a: Act = { c, region, caseId, deps, p, form: await formOf(c) };
    try {
      await run(a);
    } catch (e) {
      const problem = pageProblem(e, c.get("lang") ?? "zh");
      if (!problem || problem.status === 401 || problem.status === 404) throw e;
      return renderCase(c, deps, region, caseId, p, { problem, ...(keep ? keep(a) : {}) });
    }
    return c.redirect(`${qcPath.case(region, caseId)}?done=${done}`, 303);
  });
}

/** "yes"/"no" as a boolean; anything else is passed on for the use case to refuse by name. */
function yesNo(s: string): boolean | string {
  return s === "yes" ? true : s === "no" ? false : s;
}

function values(form: Form, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, text(form, n)]));
}

const ITEM_FIELDS = [
  "driverName",
  "driverLicenceNo",
  "vehicleLicenceNo",
  "insurerId",
  "compulsoryPolicyNo",
  "commercialPolicyNo",
  "mobile",
] as const;
const CLAIM_FIELDS = ["idName", "residentId", "cardNumber", "holderName", "bankName"] as const;

/** The party's steps: photos, five items, submit evidence, sign, claim, follow-up. */
export function registerPartyActionRoutes(app: App, depsFor: DepsFor): void {
  const base = "/quickclaim/:region/cases/:caseId";
  const forms = csrf();

  app.post(
    `${base}/photos`,
    forms,
    uploadLimit(depsFor, 1),
    formOnce(),
    action(
      depsFor,
      async ({ deps, p, caseId, form }) => {
        const file = await fileOf(form, "photo");
        await addPhoto(
          deps,
          {
            caseId,
            slot: text(form, "slot"),
            contentType: file?.contentType ?? "",
            bytes: file?.bytes,
            capturedAt: beijingInstant(text(form, "capturedAt")),
            point: { lat: numberOrText(text(form, "lat")), lng: numberOrText(text(form, "lng")) },
          },
          p,
        );
      },
      "photo",
    ),
  );

  app.post(
    `${base}/items`,
    forms,
    formOnce(),
    action(
      depsFor,
      ({ deps, p, caseId, form }) => {
        const commercial = text(form, "commercialPolicyNo");
        return submitPartyItems(
          deps,
          {
            caseId,
            partyId: text(form, "partyId"),
            items: {
              plate: text(form, "plate"),
              ...values(form, ITEM_FIELDS),
              commercialPolicyNo: commercial === "" ? null : commercial,
            },
          },
          p,
        );
      },
      "items",
      ({ form }) => ({ itemValues: { partyId: text(form, "partyId"), values: values(form, ITEM_FIELDS) } }),
    ),
  );

  app.post(
    `${base}/submit`,
    forms,
    formOnce(),
    action(depsFor, ({ deps, p, caseId }) => submitEvidence(deps, { caseId }, p), "submitted"),
  );

  app.post(
    `${base}/sign`,
    forms,
    formOnce(),
    action(
      depsFor,
      ({ deps, p, caseId, form }) => {
        const reason = text(form, "disputeReason");
        return signLetter(
          deps,
          {
            caseId,
            letterHash: text(form, "letterHash"),
            decision: text(form, "decision"),
            mutualConsent: text(form, "mutualConsent") === "on",
            disputeReason: reason === "" ? null : reason,
          },
          p,
        );
      },
      "signed",
    ),
  );

  app.post(
    `${base}/claim`,
    forms,
    uploadLimit(depsFor, 2),
    formOnce(),
    action(
      depsFor,
      async ({ deps, p, caseId, form }) => {
        const bankName = text(form, "bankName");
        await openClaim(
          deps,
          {
            caseId,
            idCard: {
              name: text(form, "idName"),
              residentId: text(form, "residentId"),
              photo: await fileOf(form, "idPhoto"),
            },
            bankCard: {
              number: text(form, "cardNumber"),
              holderName: text(form, "holderName"),
              bankName: bankName === "" ? null : bankName,
              photo: await fileOf(form, "cardPhoto"),
            },
          },
          p,
        );
      },
      "claimed",
      ({ form }) => ({ claimValues: values(form, CLAIM_FIELDS) }),
    ),
  );

  app.post(
    `${base}/survey`,
    forms,
    formOnce(),
    action(
      depsFor,
      ({ deps, p, caseId, form }) => {
        const suggestion = text(form, "suggestion");
        return submitSurvey(
          deps,
          { caseId, satisfied: yesNo(text(form, "satisfied")), suggestion: suggestion === "" ? null : suggestion },
          p,
        );
      },
      "survey",
    ),
  );
}

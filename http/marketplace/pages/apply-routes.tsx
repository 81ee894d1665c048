import { csrf } from "hono/csrf";
import { DomainError, type Principal } from "../../../core/kernel/mod.ts";
import {
  APPLY_CODE_RULE,
  type MarketplaceUseCases,
  type ProductDetail,
  parseApplyCodeToken,
} from "../../../core/marketplace/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { checkApplyForm } from "./apply-check.ts";
import { type ApplyForm, ApplyPage, EMPTY_APPLY_FORM, type QrPrefill } from "./apply-page.tsx";
import { institutionDirectory } from "./catalogue-data.ts";
import { all, formOf, formOnce, text } from "./form-once.tsx";
import { guarded, type MkContext, type MkRoutesDeps, newOnce, param, regionOf, signedIn } from "./mk-context.tsx";
import { mkPath } from "./mk-paths.ts";
import { type PageProblem, pageProblem } from "./page-errors.ts";
import { isSimulated } from "./simulated.ts";

/**
 * The apply flow: the apply page with its consent screen, the POST that gives the consent and
 * submits the application (MKT-R01/R02/R03, MKT-R06 for direct-connect products), and the
 * 码上贷 landing a QR code opens (MKT-R08: the scan is counted, the application opens pre-filled).
 */
async function qrPrefill(
  deps: MkRoutesDeps,
  region: string,
  detail: ProductDetail,
  token: string | undefined,
  lang: "zh" | "en",
): Promise<QrPrefill | undefined> {
  if (!token) return undefined;
  const { claims } = parseApplyCodeToken(token); // the signature is verified by the core on submit
  if (claims.productId !== detail.product.id || claims.regionCode !== region) {
    throw new DomainError("the QR code is for another product", { ruleId: APPLY_CODE_RULE, field: "token" });
  }
  let branchName: string | null = null;
  if (claims.branchId) {
    const inst = (await institutionDirectory(deps.depsFor(region))).get(detail.product.institutionId);
    const branch = inst?.branches.find((b) => b.id === claims.branchId);
    branchName = branch ? branch.name[lang] : claims.branchId;
  }
  return { token, branchName, managerId: claims.managerId };
}

function formFrom(body: Awaited<ReturnType<typeof formOf>>): ApplyForm {
  const idKind = text(body, "idKind") === "uscc" ? "uscc" : "resident-id";
  return {
    idKind,
    name: text(body, "name"),
    idNumber: text(body, "idNumber").toUpperCase(),
    mobile: text(body, "mobile"),
    amount: text(body, "amount"),
    term: text(body, "term"),
    categories: all(body, "categories"),
    agreed: text(body, "agree") === "yes",
  };
}

/** Revokes the consent of a failed attempt at once (nothing was pushed under it). */
async function withdrawConsent(c: MkContext, uc: MarketplaceUseCases, consentId: string, principal: Principal) {
  try {
    await uc.revokeConsent.execute({ consentId }, principal);
    return true;
  } catch (e) {
    c.get("logger").error("marketplace pages: could not revoke the consent of a failed application", {
      requestId: c.get("requestId"),
      consentId,
      error: e,
    });
    return false;
  }
}

export function registerApplyRoutes(app: App, deps: MkRoutesDeps): void {
  const forms = csrf();

  app.get(
    "/marketplace/:region/qr/:token",
    guarded(async (c) => {
      const region = regionOf(c);
      const prefill = await deps
        .useCases(region)
        .scanApplyCode.execute({ token: param(c, "token") }, c.get("principal"));
      return c.redirect(mkPath.apply(region, prefill.productId, prefill.token), 303);
    }),
  );

  app.get(
    "/marketplace/:region/products/:productId/apply",
    guarded(async (c) => {
      const region = regionOf(c);
      const principal = signedIn(c, "citizen");
      const detail = await deps.useCases(region).getProduct.execute({ productId: param(c, "productId") });
      const qr = await qrPrefill(deps, region, detail, c.req.query("code"), c.get("lang") ?? "zh");
      return c.html(
        <ApplyPage
          page={pageContext(c)}
          region={region}
          principal={principal}
          simulated={isSimulated(c, region)}
          detail={detail}
          form={EMPTY_APPLY_FORM}
          once={newOnce(c)}
          qr={qr}
        />,
      );
    }),
  );

  app.post(
    "/marketplace/:region/products/:productId/apply",
    forms,
    formOnce(),
    guarded(async (c) => {
      const region = regionOf(c);
      const principal = signedIn(c, "citizen");
      const uc = deps.useCases(region);
      const lang = c.get("lang") ?? "zh";
      const productId = param(c, "productId");
      const detail = await uc.getProduct.execute({ productId });
      const body = await formOf(c);
      const form = formFrom(body);
      const token = text(body, "code") || undefined;
      const qr = await qrPrefill(deps, region, detail, token, lang);
      const again = (problem: PageProblem, consentWithdrawn = false) =>
        c.html(
          <ApplyPage
            page={pageContext(c)}
            region={region}
            principal={principal}
            simulated={isSimulated(c, region)}
            detail={detail}
            form={form}
            once={newOnce(c)}
            qr={qr}
            problem={problem}
            consentWithdrawn={consentWithdrawn}
          />,
          problem.status,
        );
      const checked = checkApplyForm(form, detail, lang);
      if ("problem" in checked) return again(checked.problem);
      const { amount, termMonths, mobile, categories } = checked.ok;
      const subject = { idKind: form.idKind, idNumber: form.idNumber };

      let consentId: string;
      try {
        const consent = await uc.grantConsent.execute({ productId, subject, categories }, principal);
        consentId = consent.id;
      } catch (e) {
        const problem = pageProblem(e, lang);
        if (!problem || problem.status === 401) throw e;
        return again(problem);
      }
      try {
        const submitted = await uc.submitApplication.execute(
          {
            productId,
            consentId,
            applicant: { ...subject, name: form.name },
            contactMobile: mobile,
            amount,
            termMonths,
            ...(token ? { applyCodeToken: token } : {}),
          },
          principal,
        );
        return c.redirect(mkPath.application(region, submitted.application.id), 303);
      } catch (e) {
        const withdrawn = await withdrawConsent(c, uc, consentId, principal);
        const problem = pageProblem(e, lang);
        if (!problem || problem.status === 401) throw e;
        return again(problem, withdrawn);
      }
    }),
  );
}

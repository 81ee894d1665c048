import { csrf } from "hono/csrf";
import QRCode from "qrcode";
import type { Principal } from "../../../core/kernel/mod.ts";
import { parseApplyCodeToken, type ReportColumn } from "../../../core/marketplace/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { publicOrigin } from "../api/qr-image.ts";
import type { IssuedCode } from "./apply-code-section.tsx";
import { deadlinesNow, institutionDirectory } from "./catalogue-data.ts";
import { formOf, formOnce, text } from "./form-once.tsx";
import { guarded, type MkContext, type MkRoutesDeps, newOnce, regionOf, signedIn } from "./mk-context.tsx";
import { mkPath, queryString } from "./mk-paths.ts";
import { type PageProblem, pageProblem } from "./page-errors.ts";
import { QUEUE_COLUMNS, QueuePage } from "./queue-page.tsx";
import { isSimulated } from "./simulated.ts";

/**
 * The institution desk: its own row of the real-time report, its work queue by column (the
 * core's GetInstitutionReport scopes both to the caller's institution, MKT-R09), and 码上贷 code
 * issuing (MKT-R08). A new code is shown from its token in the redirect, so nothing personal is
 * kept as the form's stored answer.
 */
const PAGE_SIZE = 25;
const STAFF = ["institution_staff", "institution_admin"] as const;

/** The QR image of a code: the absolute landing URL as SVG markup (no inline style). */
export async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const safeLabel = label.replace(/[<>&"]/g, "");
  return svg.replace("<svg ", `<svg class="mk-qr" role="img" aria-label="${safeLabel}" data-testid="qr-svg" `);
}

/**
 * The code of the `issued` link (its token), with its scan and application counts — only for the
 * institution's own codes (ManageApplyCode checks it); anything else shows no code.
 */
async function issuedFrom(
  c: MkContext,
  deps: MkRoutesDeps,
  region: string,
  principal: Principal,
  token: string | undefined,
): Promise<IssuedCode | undefined> {
  if (!token) return undefined;
  let codeId: string;
  try {
    codeId = parseApplyCodeToken(token).claims.codeId;
  } catch {
    return undefined; // a hand-edited link shows no code; the landing refuses it anyway
  }
  const code = await deps
    .useCases(region)
    .manageApplyCode.get({ applyCodeId: codeId }, principal)
    .catch(() => undefined);
  if (!code) return undefined;
  const url = `${publicOrigin(c.req.url)}${mkPath.qr(region, token)}`;
  return {
    svg: await qrSvg(url, code.productId),
    url,
    expiresAt: code.expiresAt,
    scans: code.scans,
    applications: code.applications,
  };
}

async function render(c: MkContext, deps: MkRoutesDeps, region: string, principal: Principal, problem?: PageProblem) {
  const uc = deps.useCases(region);
  const md = deps.depsFor(region);
  const lang = c.get("lang") ?? "zh";
  const asked = c.req.query("column");
  const column: ReportColumn = QUEUE_COLUMNS.find((x) => x === asked) ?? "open";
  const offset = Math.max(0, Math.min(1_000_000, Number.parseInt(c.req.query("offset") ?? "0", 10) || 0));
  const institutionId = principal.institutionId ?? "";
  const [answer, directory, products] = await Promise.all([
    uc.getInstitutionReport.execute({ column, limit: PAGE_SIZE, offset }, principal),
    institutionDirectory(md),
    uc.searchProducts.execute({ institutionId, limit: 500 }),
  ]);
  const institution = directory.get(institutionId);
  const own = answer.report.rows.find((r) => r.institutionId === institutionId) ?? answer.report.totals;
  const names = new Map(products.items.map((p) => [p.id, p.name[lang]]));
  return c.html(
    <QueuePage
      page={pageContext(c)}
      region={region}
      principal={principal}
      simulated={isSimulated(c, region)}
      institutionName={institution?.name[lang] ?? institutionId}
      deadlines={deadlinesNow(md)}
      row={own}
      column={column}
      items={answer.list?.items ?? []}
      total={answer.list?.total ?? 0}
      offset={offset}
      pageSize={PAGE_SIZE}
      now={answer.report.at}
      productName={(id) => names.get(id) ?? id}
      codes={{
        lang,
        region,
        products: products.items.map((p) => ({ id: p.id, name: p.name[lang] })),
        branches: (institution?.branches ?? []).map((b) => ({ id: b.id, name: b.name[lang] })),
        once: newOnce(c),
        issued: await issuedFrom(c, deps, region, principal, c.req.query("issued")),
      }}
      problem={problem}
    />,
    problem?.status ?? 200,
  );
}

export function registerQueueRoutes(app: App, deps: MkRoutesDeps): void {
  const forms = csrf();

  app.get(
    "/marketplace/:region/institution",
    guarded(async (c) => {
      const region = regionOf(c);
      return render(c, deps, region, signedIn(c, ...STAFF));
    }),
  );

  app.post(
    "/marketplace/:region/institution/apply-codes",
    forms,
    formOnce(),
    guarded(async (c) => {
      const region = regionOf(c);
      const principal = signedIn(c, ...STAFF);
      const form = await formOf(c);
      const days = text(form, "validDays");
      const input = {
        productId: text(form, "productId"),
        ...(text(form, "branchId") ? { branchId: text(form, "branchId") } : {}),
        ...(text(form, "managerId") ? { managerId: text(form, "managerId") } : {}),
        ...(days ? { validDays: /^\d{1,4}$/.test(days) ? Number(days) : Number.NaN } : {}),
      };
      try {
        const { token } = await deps.useCases(region).issueApplyCode.execute(input, principal);
        return c.redirect(`${mkPath.queue(region, queryString({ issued: token }))}#codes`, 303);
      } catch (e) {
        const problem = pageProblem(e, c.get("lang") ?? "zh");
        if (!problem || problem.status === 401) throw e;
        return render(c, deps, region, principal, problem);
      }
    }),
  );
}

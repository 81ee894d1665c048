import QRCode from "qrcode";
import { actsForSubject, type Principal } from "../../../core/kernel/mod.ts";
import { type CaseView, getCase, paramsAsOf, type QuickClaimDeps } from "../../../core/quickclaim/mod.ts";
import { pageContext } from "../../pages/layout.tsx";
import { CasePage, type CasePageProps, DONE_FLASHES, type DoneFlash } from "./case-page.tsx";
import { myClaim } from "./claim-section.tsx";
import type { PageProblem } from "./page-errors.ts";
import { beijingLocalInput } from "./page-kit.tsx";
import { newOnce, type QcContext } from "./qc-context.tsx";
import { qcPath } from "./qc-paths.ts";

/** An absolute URL of one of our pages, for links sent to the other party and QR codes. */
export function absoluteUrl(c: QcContext, path: string): string {
  return new URL(path, c.req.url).toString();
}

/** A QR code of `text` as an SVG string (no style attributes: fine under the pages' CSP). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/** Should the page refresh itself while the party waits for someone else? */
function waiting(view: CaseView): boolean {
  if (view.status === "EVIDENCE_SUBMITTED") return true;
  if (view.viewer !== "party") return false;
  if (view.status === "DETERMINED" && view.letter) {
    const hash = view.letter.contentHash;
    return view.signatures.some((s) => !s.voided && s.letterHash === hash && s.partyId === view.myPartyId);
  }
  const claim = myClaim(view);
  return claim !== undefined && ["OPEN", "ASSESSED", "ACCEPTED", "PAYING"].includes(claim.status);
}

export function doneFlash(value: string | undefined): DoneFlash | undefined {
  return DONE_FLASHES.find((d) => d === value);
}

/** Renders the party's case page (with the problem of a failed action, if any). */
export async function renderCase(
  c: QcContext,
  deps: QuickClaimDeps,
  region: string,
  caseId: string,
  p: Principal,
  extra: {
    readonly problem?: PageProblem;
    readonly done?: DoneFlash | undefined;
    readonly itemValues?: CasePageProps["itemValues"];
    readonly claimValues?: CasePageProps["claimValues"];
  } = {},
): Promise<Response> {
  const view = await getCase(deps, { caseId }, p);
  const shareUrl = absoluteUrl(c, qcPath.case(region, view.id));
  const params = paramsAsOf(deps.policy, view.accidentDate);
  const driverId = view.parties.find((x) => x.id === view.myPartyId)?.items?.driverLicenceNo;
  const identityProved =
    driverId !== undefined && actsForSubject(p, deps.blindIndex.index("resident-id", driverId.toUpperCase()));
  if (!extra.problem && waiting(view)) c.header("Refresh", "15");
  return c.html(
    <CasePage
      page={pageContext(c)}
      region={region}
      view={view}
      policy={deps.policy}
      params={params}
      once={() => newOnce(c)}
      nowLocal={beijingLocalInput(c.get("platform").clock.now())}
      shareUrl={shareUrl}
      qrSvg={view.status === "REPORTED" ? await qrSvg(shareUrl) : ""}
      problem={extra.problem}
      done={extra.done}
      itemValues={extra.itemValues}
      claimValues={extra.claimValues}
      identityProved={identityProved}
    />,
    extra.problem?.status ?? 200,
  );
}

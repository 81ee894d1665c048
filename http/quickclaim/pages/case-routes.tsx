import { DomainError } from "../../../core/kernel/mod.ts";
import { getCase, paramsAsOf } from "../../../core/quickclaim/mod.ts";
import type { App } from "../../env.ts";
import { principalOf } from "../../middleware/authenticate.ts";
import { pageContext } from "../../pages/layout.tsx";
import { absoluteUrl, doneFlash, qrSvg, renderCase } from "./case-render.tsx";
import { LetterPage } from "./letter-page.tsx";
import { type DepsFor, guarded, regionOf } from "./qc-context.tsx";
import { qcPath } from "./qc-paths.ts";

const notFound = (what: string) => new DomainError(`${what} not found`, { ruleId: "KRN-R06", kind: "not_found" });

/** The case page (party view), the printable letter, and the case's photos (KRN-R06 checked). */
export function registerCaseRoutes(app: App, depsFor: DepsFor): void {
  app.get(
    "/quickclaim/:region/cases/:caseId",
    guarded(async (c) => {
      const region = regionOf(c);
      const p = principalOf(c);
      const deps = depsFor(region);
      const caseId = c.req.param("caseId") ?? "";
      const view = await getCase(deps, { caseId }, p);
      if (view.viewer === "police") return c.redirect(qcPath.policeCase(region, caseId), 303);
      if (view.viewer === "adjuster") return c.redirect(qcPath.adjusterCase(region, caseId), 303);
      const done = doneFlash(c.req.query("done") ?? (c.req.query("reported") ? "reported" : undefined));
      return renderCase(c, deps, region, caseId, p, { done });
    }),
  );

  app.get(
    "/quickclaim/:region/cases/:caseId/letter",
    guarded(async (c) => {
      const region = regionOf(c);
      const deps = depsFor(region);
      const view = await getCase(deps, { caseId: c.req.param("caseId") ?? "" }, principalOf(c));
      if (!view.letter) throw notFound("determination letter");
      const url = absoluteUrl(c, qcPath.letter(region, view.id));
      return c.html(
        <LetterPage
          page={pageContext(c)}
          region={region}
          view={view}
          policy={deps.policy}
          url={url}
          qrSvg={await qrSvg(url)}
        />,
      );
    }),
  );

  app.get(
    "/quickclaim/:region/cases/:caseId/photos/:photoId",
    guarded(async (c) => {
      const region = regionOf(c);
      const deps = depsFor(region);
      const view = await getCase(deps, { caseId: c.req.param("caseId") ?? "" }, principalOf(c));
      const photo = view.photos.find((ph) => ph.id === c.req.param("photoId"));
      if (!photo) throw notFound("photo");
      const allowed = paramsAsOf(deps.policy, view.accidentDate).photoContentTypes;
      const stored = await deps.photos.get(photo.storageKey);
      if (!stored) throw notFound("photo");
      const type = allowed.includes(stored.contentType) ? stored.contentType : "application/octet-stream";
      return new Response(stored.bytes.slice(), {
        status: 200,
        headers: {
          "Content-Type": type,
          "Content-Disposition": "inline",
          "Cache-Control": "private, max-age=300",
          "X-Content-Type-Options": "nosniff",
        },
      });
    }),
  );
}

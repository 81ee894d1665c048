import { csrf } from "hono/csrf";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { categoryNamer } from "./catalogue-data.ts";
import { formOnce } from "./form-once.tsx";
import { guarded, type MkRoutesDeps, newOnce, param, regionOf, signedIn } from "./mk-context.tsx";
import { mkPath } from "./mk-paths.ts";
import { MyDataPage } from "./my-data-page.tsx";
import { isSimulated } from "./simulated.ts";

/** "My data": the citizen's consents and pushes (ListMyData) and revocation (RevokeConsent, MKT-R01). */
export function registerMyDataRoutes(app: App, deps: MkRoutesDeps): void {
  const forms = csrf();

  app.get(
    "/marketplace/:region/my-data",
    guarded(async (c) => {
      const region = regionOf(c);
      const principal = signedIn(c, "citizen");
      const data = await deps.useCases(region).listMyData.execute({}, principal);
      return c.html(
        <MyDataPage
          page={pageContext(c)}
          region={region}
          principal={principal}
          simulated={isSimulated(c, region)}
          data={data}
          categoryName={categoryNamer(deps.depsFor(region), c.get("lang") ?? "zh")}
          once={newOnce(c)}
          revoked={c.req.query("revoked") === "1"}
        />,
      );
    }),
  );

  app.post(
    "/marketplace/:region/my-data/consents/:consentId/revoke",
    forms,
    formOnce(),
    guarded(async (c) => {
      const region = regionOf(c);
      const principal = signedIn(c, "citizen");
      await deps.useCases(region).revokeConsent.execute({ consentId: param(c, "consentId") }, principal);
      return c.redirect(`${mkPath.myData(region)}?revoked=1`, 303);
    }),
  );
}

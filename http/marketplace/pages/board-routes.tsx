import { csrf } from "hono/csrf";
import { businessDateOf, hasRole, type Principal } from "../../../core/kernel/mod.ts";
import type { FiguresResult, ReportColumn } from "../../../core/marketplace/mod.ts";
import type { App } from "../../env.ts";
import { pageContext } from "../../pages/layout.tsx";
import { type BoardList, BoardPage } from "./board-page.tsx";
import { deadlinesNow, institutionDirectory, specialActionsNow } from "./catalogue-data.ts";
import { type FiguresQueryForm, FiguresSection, GROUPS } from "./figures-section.tsx";
import { formOf, formOnce, text } from "./form-once.tsx";
import { guarded, type MkContext, type MkRoutesDeps, newOnce, regionOf, signedIn } from "./mk-context.tsx";
import { mkPath, queryString } from "./mk-paths.ts";
import { type PageProblem, pageProblem } from "./page-errors.ts";
import { QUEUE_COLUMNS } from "./queue-page.tsx";
import { isSimulated } from "./simulated.ts";
import { SnapshotSection } from "./snapshot-section.tsx";

/**
 * The regulator's board (银行机构对接实时通报, MKT-R04/R05/R09): live counts per institution with
 * an SVG chart, the lists behind every count, outcome figures and periodic notices. Institution
 * staff may open it too and see only their own row (the core scopes the report).
 */
const PAGE_SIZE = 25;
const READERS = ["regulator", "platform_admin", "institution_staff", "institution_admin"] as const;

function figuresQuery(c: MkContext): FiguresQueryForm {
  const g = c.req.query("groupBy");
  return {
    groupBy: GROUPS.find((x) => x === g) ?? "institution",
    from: (c.req.query("from") ?? "").trim().slice(0, 10),
    to: (c.req.query("to") ?? "").trim().slice(0, 10),
  };
}

async function render(c: MkContext, deps: MkRoutesDeps, region: string, principal: Principal, problem?: PageProblem) {
  const uc = deps.useCases(region);
  const md = deps.depsFor(region);
  const lang = c.get("lang") ?? "zh";
  const asked = c.req.query("column");
  const column = QUEUE_COLUMNS.find((x) => x === asked) as ReportColumn | undefined;
  const institutionId = (c.req.query("institution") ?? "").slice(0, 100) || undefined;
  const offset = Math.max(0, Math.min(1_000_000, Number.parseInt(c.req.query("offset") ?? "0", 10) || 0));
  const fq = figuresQuery(c);
  const [answer, listed, directory, products, snapshots] = await Promise.all([
    uc.getInstitutionReport.execute({}, principal),
    column
      ? uc.getInstitutionReport.execute(
          { column, limit: PAGE_SIZE, offset, ...(institutionId ? { institutionId } : {}) },
          principal,
        )
      : undefined,
    institutionDirectory(md),
    uc.searchProducts.execute({ limit: 500 }),
    uc.takeReportSnapshot.list({ limit: 12 }, principal),
  ]);
  let figures: FiguresResult | undefined;
  let figuresProblem: PageProblem | undefined;
  try {
    figures = await uc.getFigures.execute(
      { groupBy: fq.groupBy, ...(fq.from ? { from: fq.from } : {}), ...(fq.to ? { to: fq.to } : {}) },
      principal,
    );
  } catch (e) {
    figuresProblem = pageProblem(e, lang);
    if (figuresProblem?.status !== 422) throw e;
  }
  const institutionName = (id: string) => directory.get(id)?.name[lang] ?? answer.institutionNames[id]?.[lang] ?? id;
  const productNames = new Map(products.items.map((p) => [p.id, p.name[lang]]));
  const productName = (id: string) => productNames.get(id) ?? id;
  const actions = specialActionsNow(md);
  const keyName = (key: string) =>
    fq.groupBy === "institution"
      ? institutionName(key)
      : fq.groupBy === "product"
        ? productName(key)
        : fq.groupBy === "special-action"
          ? (actions.find((a) => a.code === key)?.name[lang] ?? key)
          : key;
  const list: BoardList | undefined =
    column && listed?.list
      ? { column, institutionId, items: listed.list.items, total: listed.list.total, offset, pageSize: PAGE_SIZE }
      : undefined;
  const mayTake = hasRole(principal, "regulator", "platform_admin");
  return c.html(
    <BoardPage
      page={pageContext(c)}
      region={region}
      principal={principal}
      simulated={isSimulated(c, region)}
      deadlines={deadlinesNow(md)}
      report={answer.report}
      institutionName={institutionName}
      productName={productName}
      list={list}
      figures={
        <FiguresSection
          lang={lang}
          region={region}
          query={fq}
          figures={figures}
          problem={figuresProblem}
          keyName={keyName}
        />
      }
      snapshots={
        <SnapshotSection
          lang={lang}
          region={region}
          snapshots={snapshots}
          mayTake={mayTake}
          once={newOnce(c)}
          taken={c.req.query("taken")?.slice(0, 40)}
          suggestedLabel={businessDateOf(md.clock.now()).slice(0, 7)}
          problem={problem}
        />
      }
    />,
    problem?.status ?? 200,
  );
}

export function registerBoardRoutes(app: App, deps: MkRoutesDeps): void {
  const forms = csrf();

  app.get(
    "/marketplace/:region/board",
    guarded(async (c) => {
      const region = regionOf(c);
      return render(c, deps, region, signedIn(c, ...READERS));
    }),
  );

  app.post(
    "/marketplace/:region/board/snapshots",
    forms,
    formOnce(),
    guarded(async (c) => {
      const region = regionOf(c);
      const principal = signedIn(c, "regulator", "platform_admin");
      const label = text(await formOf(c), "label");
      try {
        const snapshot = await deps.useCases(region).takeReportSnapshot.execute({ label }, principal);
        return c.redirect(`${mkPath.board(region, queryString({ taken: snapshot.label }))}#notices`, 303);
      } catch (e) {
        const problem = pageProblem(e, c.get("lang") ?? "zh");
        if (problem?.status !== 422) throw e;
        return render(c, deps, region, principal, problem);
      }
    }),
  );
}

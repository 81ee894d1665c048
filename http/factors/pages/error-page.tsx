import type { PageContext } from "../../pages/layout.tsx";
import type { PageProblem } from "./page-errors.ts";
import { FxPage, ProblemBox } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";

/** A factors page that could not be shown or an action that could not be taken. */
export function ErrorPage(props: {
  readonly page: PageContext;
  readonly problem: PageProblem;
  readonly back?: string;
}) {
  const { page, problem } = props;
  const t = commonText(page.lang);
  const generic =
    problem.status === 404
      ? t.notFound
      : problem.status === 403
        ? t.forbidden
        : problem.status === 503
          ? t.unavailable
          : undefined;
  return (
    <FxPage page={page} title={t.errorTitle}>
      <h1>{t.errorTitle}</h1>
      {generic ? <p class="notice">{generic}</p> : null}
      <ProblemBox problem={problem} lang={page.lang} />
      <p>
        <a href={props.back ?? "/factors"}>{t.back}</a>
      </p>
    </FxPage>
  );
}

import type { PageContext } from "../../pages/layout.tsx";
import { type PageProblem, statusMessage } from "./page-errors.ts";
import { MkPage } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";

/** A marketplace page that could not be shown or an action that could not be taken. */
export function ErrorPage(props: {
  readonly page: PageContext;
  readonly problem: PageProblem;
  readonly back?: string;
}) {
  const { page, problem } = props;
  const t = commonText(page.lang);
  const generic = statusMessage(problem.status, page.lang);
  return (
    <MkPage page={page} title={t.errorTitle}>
      <h1>{t.errorTitle}</h1>
      <div class="error" role="alert" data-testid="problem" data-rule={problem.ruleId ?? ""}>
        {problem.status === 404 || problem.status === 403 ? <p>{generic}</p> : null}
        <p>
          {problem.message}
          {problem.ruleId ? <span class="mk-rule">{t.ruleLabel.replace("{rule}", problem.ruleId)}</span> : null}
        </p>
      </div>
      <p>
        <a href={props.back ?? "/marketplace"}>{t.back}</a>
      </p>
    </MkPage>
  );
}

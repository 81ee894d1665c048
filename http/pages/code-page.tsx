import { format } from "./i18n.ts";
import { Layout, type PageContext } from "./layout.tsx";
import { CodeCard } from "./sign-in-forms.tsx";

/** Second step for citizens: the code that was just sent. */
export function CodePage(props: {
  readonly page: PageContext;
  readonly mobile: string;
  readonly maskedMobile: string;
  readonly minutes: number;
  readonly error?: string | undefined;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t.codeTitle}>
      <h1>{t.codeTitle}</h1>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : (
        <p class="notice">{format(t.codeSent, { mobile: props.maskedMobile, minutes: props.minutes })}</p>
      )}
      <CodeCard page={page} action="/sign-in/citizen/verify" testid="code-form" mobile={props.mobile} />
    </Layout>
  );
}

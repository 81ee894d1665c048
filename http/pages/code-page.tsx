import { format } from "./i18n.ts";
import { Layout, type PageContext } from "./layout.tsx";

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
      <section class="card">
        <form method="post" action="/sign-in/citizen/verify" data-testid="code-form">
          <input type="hidden" name="mobile" value={props.mobile} />
          <label for="code">{t.code}</label>
          <input
            id="code"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            maxlength={6}
            required
          />
          <button class="btn" type="submit">
            {t.verify}
          </button>
        </form>
      </section>
    </Layout>
  );
}

import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { MkPage } from "./page-kit.tsx";

/**
 * Sign-in that comes back to the marketplace page the person was on (the apply page, "my
 * data", the institution desk, the board): citizens by a one-time code, staff by API key.
 */
function Problem(props: { readonly error: string | undefined }) {
  if (!props.error) return null;
  return (
    <p class="error" role="alert" data-testid="problem">
      {props.error}
    </p>
  );
}

export function MkSignInPage(props: {
  readonly page: PageContext;
  readonly next: string;
  readonly error?: string | undefined;
  readonly mobile?: string;
  readonly hint?: string;
}) {
  const { page } = props;
  const t = page.t;
  return (
    <MkPage page={page} title={t.signInTitle}>
      <h1>{t.signInTitle}</h1>
      {props.hint ? <p class="notice">{props.hint}</p> : null}
      <Problem error={props.error} />
      <div class="grid">
        <section class="card">
          <h2>{t.citizenTitle}</h2>
          <p class="hint">{t.citizenHint}</p>
          <form method="post" action="/marketplace/sign-in/citizen" data-testid="mk-citizen-form">
            <input type="hidden" name="next" value={props.next} />
            <label for="mobile">{t.mobile}</label>
            <input
              id="mobile"
              name="mobile"
              type="tel"
              inputmode="numeric"
              autocomplete="tel"
              pattern="1[3-9][0-9]{9}"
              maxlength={11}
              required
              value={props.mobile ?? ""}
            />
            <button class="btn" type="submit">
              {t.sendCode}
            </button>
          </form>
        </section>
        <section class="card">
          <h2>{t.staffTitle}</h2>
          <p class="hint">{t.staffHint}</p>
          <form method="post" action="/marketplace/sign-in/staff" data-testid="mk-staff-form">
            <input type="hidden" name="next" value={props.next} />
            <label for="apiKey">{t.apiKey}</label>
            <textarea id="apiKey" name="apiKey" autocomplete="off" spellcheck={false} required />
            <button class="btn" type="submit">
              {t.staffSignIn}
            </button>
          </form>
        </section>
      </div>
    </MkPage>
  );
}

export function MkCodePage(props: {
  readonly page: PageContext;
  readonly next: string;
  readonly mobile: string;
  readonly maskedMobile: string;
  readonly minutes: number;
  readonly error?: string;
}) {
  const { page } = props;
  const t = page.t;
  return (
    <MkPage page={page} title={t.codeTitle}>
      <h1>{t.codeTitle}</h1>
      {props.error ? (
        <Problem error={props.error} />
      ) : (
        <p class="notice">{format(t.codeSent, { mobile: props.maskedMobile, minutes: props.minutes })}</p>
      )}
      <section class="card">
        <form method="post" action="/marketplace/sign-in/verify" data-testid="mk-code-form">
          <input type="hidden" name="next" value={props.next} />
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
    </MkPage>
  );
}

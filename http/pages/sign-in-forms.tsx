import type { Child } from "hono/jsx";
import type { PageContext } from "./layout.tsx";

/**
 * The three sign-in forms every sign-in page shows — the shell's /sign-in and each module's
 * (module-sign-in.tsx): a citizen's mobile for a one-time code, the code itself, a staff API key.
 * `next` (a module page to come back to) rides along as a hidden field when given.
 */
function Next(props: { readonly next: string | undefined }) {
  return props.next === undefined ? null : <input type="hidden" name="next" value={props.next} />;
}

/** Card: a citizen asks for a one-time code by mobile (`extra`: e.g. the region to act in). */
export function MobileCard(props: {
  readonly page: PageContext;
  readonly action: string;
  readonly testid: string;
  readonly next?: string | undefined;
  readonly mobile?: string | undefined;
  readonly hint?: boolean;
  readonly extra?: Child;
}) {
  const { t } = props.page;
  return (
    <section class="card">
      <h2>{t.citizenTitle}</h2>
      {props.hint ? <p class="hint">{t.citizenHint}</p> : null}
      <form method="post" action={props.action} data-testid={props.testid}>
        <Next next={props.next} />
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
        {props.extra}
        <button class="btn" type="submit">
          {t.sendCode}
        </button>
      </form>
    </section>
  );
}

/** Card: staff paste their API key. */
export function StaffKeyCard(props: {
  readonly page: PageContext;
  readonly action: string;
  readonly testid: string;
  readonly next?: string | undefined;
}) {
  const { t } = props.page;
  return (
    <section class="card">
      <h2>{t.staffTitle}</h2>
      <p class="hint">{t.staffHint}</p>
      <form method="post" action={props.action} data-testid={props.testid}>
        <Next next={props.next} />
        <label for="apiKey">{t.apiKey}</label>
        <textarea id="apiKey" name="apiKey" autocomplete="off" spellcheck={false} required />
        <button class="btn" type="submit">
          {t.staffSignIn}
        </button>
      </form>
    </section>
  );
}

/** Card: the one-time code just sent to `mobile`. */
export function CodeCard(props: {
  readonly page: PageContext;
  readonly action: string;
  readonly testid: string;
  readonly mobile: string;
  readonly next?: string | undefined;
}) {
  const { t } = props.page;
  return (
    <section class="card">
      <form method="post" action={props.action} data-testid={props.testid}>
        <Next next={props.next} />
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
  );
}

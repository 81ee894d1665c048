import type { RegionContext } from "../../adapters/composition/platform.ts";
import { Layout, type PageContext } from "./layout.tsx";

/** Sign-in: a citizen asks for a one-time code by mobile; staff paste their API key. */
export function SignInPage(props: {
  readonly page: PageContext;
  readonly regions: readonly RegionContext[];
  readonly error?: string | undefined;
  readonly mobile?: string | undefined;
  readonly region?: string | undefined;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t.signInTitle}>
      <h1>{t.signInTitle}</h1>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <div class="grid">
        <section class="card">
          <h2>{t.citizenTitle}</h2>
          <p class="hint">{t.citizenHint}</p>
          <form method="post" action="/sign-in/citizen" data-testid="citizen-form">
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
            {props.regions.length > 1 ? (
              <>
                <label for="region">{t.region}</label>
                <select id="region" name="region">
                  {props.regions.map((r) => (
                    <option value={r.code} selected={r.code === props.region}>
                      {r.name[page.lang]}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
            <button class="btn" type="submit">
              {t.sendCode}
            </button>
          </form>
        </section>
        <section class="card">
          <h2>{t.staffTitle}</h2>
          <p class="hint">{t.staffHint}</p>
          <form method="post" action="/sign-in/staff" data-testid="staff-form">
            <label for="apiKey">{t.apiKey}</label>
            <textarea id="apiKey" name="apiKey" autocomplete="off" spellcheck={false} required />
            <button class="btn" type="submit">
              {t.staffSignIn}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  );
}

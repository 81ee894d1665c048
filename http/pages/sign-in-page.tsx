import type { RegionContext } from "../../adapters/composition/platform.ts";
import { Layout, type PageContext } from "./layout.tsx";
import { MobileCard, StaffKeyCard } from "./sign-in-forms.tsx";

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
        <MobileCard
          page={page}
          action="/sign-in/citizen"
          testid="citizen-form"
          mobile={props.mobile}
          hint
          extra={
            props.regions.length > 1 ? (
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
            ) : null
          }
        />
        <StaffKeyCard page={page} action="/sign-in/staff" testid="staff-form" />
      </div>
    </Layout>
  );
}

import type { VerifiedIdentity } from "../../adapters/auth/citizen-identities.ts";
import { format } from "./i18n.ts";
import { Layout, type PageContext } from "./layout.tsx";

/** 实名认证: the account's proved identities, and the forms to prove a person or an enterprise. */
export function IdentityPage(props: {
  readonly page: PageContext;
  readonly identities: readonly VerifiedIdentity[];
  readonly error?: string | undefined;
  readonly done?: VerifiedIdentity | undefined;
  readonly simulated: boolean;
  readonly values?: Readonly<Record<string, string>>;
}) {
  const { page } = props;
  const { t } = page;
  const value = (name: string) => props.values?.[name] ?? "";
  const hasPerson = props.identities.some((i) => i.idKind === "resident-id");
  return (
    <Layout page={page} title={t.identityTitle}>
      <h1>{t.identityTitle}</h1>
      <p class="hint">{t.identityHint}</p>
      {props.simulated ? <p class="notice">{t.simulatedVerifier}</p> : null}
      {props.error ? (
        <p class="error" role="alert" data-testid="identity-error">
          {props.error}
        </p>
      ) : null}
      {props.done ? (
        <p class="notice" role="status" data-testid="identity-ok">
          {format(t.identityOk, { name: props.done.name, id: props.done.idMasked })}
        </p>
      ) : null}
      <section class="card" data-testid="identities">
        <h2>{t.identityDone}</h2>
        {props.identities.length === 0 ? (
          <p class="hint">{t.identityNone}</p>
        ) : (
          <ul>
            {props.identities.map((i) => (
              <li data-kind={i.idKind}>
                {i.name} · <code>{i.idMasked}</code> · {i.verifiedAt.toISOString().slice(0, 10)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="grid">
        <section class="card">
          <h2>{t.personTitle}</h2>
          <p class="hint">{t.personHint}</p>
          <form method="post" action="/identity/person" data-testid="person-form">
            <label for="name">{t.name}</label>
            <input id="name" name="name" autocomplete="name" maxlength={60} required value={value("name")} />
            <label for="residentId">{t.residentId}</label>
            <input
              id="residentId"
              name="residentId"
              autocomplete="off"
              maxlength={18}
              pattern="[0-9]{17}[0-9Xx]"
              required
              value={value("residentId")}
            />
            <label for="mobile">{t.mobile}</label>
            <input
              id="mobile"
              name="mobile"
              type="tel"
              inputmode="numeric"
              pattern="1[3-9][0-9]{9}"
              maxlength={11}
              required
              value={value("mobile")}
            />
            <button class="btn" type="submit">
              {t.verifyIdentity}
            </button>
          </form>
        </section>
        <section class="card">
          <h2>{t.enterpriseTitle}</h2>
          <p class="hint">{t.enterpriseHint}</p>
          <form method="post" action="/identity/enterprise" data-testid="enterprise-form">
            <label for="uscc">{t.uscc}</label>
            <input id="uscc" name="uscc" autocomplete="off" maxlength={18} required value={value("uscc")} />
            <label for="enterpriseName">{t.enterpriseName}</label>
            <input id="enterpriseName" name="enterpriseName" maxlength={60} required value={value("enterpriseName")} />
            <label for="agentResidentId">{t.agentResidentId}</label>
            <input
              id="agentResidentId"
              name="agentResidentId"
              autocomplete="off"
              maxlength={18}
              required
              value={value("agentResidentId")}
            />
            <button class="btn" type="submit" disabled={!hasPerson}>
              {t.verifyIdentity}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  );
}

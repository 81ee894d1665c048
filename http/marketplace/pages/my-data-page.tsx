import type { Principal } from "../../../core/kernel/mod.ts";
import type { MyData } from "../../../core/marketplace/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { OnceField } from "./form-once.tsx";
import { beijingDeadline, beijingTime, purposeIn, shortHash } from "./formatting.ts";
import { mkPath } from "./mk-paths.ts";
import { Facts, MkPage, Period } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { myDataText } from "./text-my-data.ts";

/**
 * "My data" (MKT-R01/R03): the signed-in citizen's consents with the status in force now and a
 * revoke button for active ones, and every push made under them — who received which categories,
 * for which period, when, how many records, with the content hash.
 */
export function MyDataPage(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly principal: Principal;
  readonly simulated: boolean;
  readonly data: MyData;
  readonly categoryName: (code: string) => string;
  readonly once: string;
  readonly revoked?: boolean;
}) {
  const { page, region, data } = props;
  const lang = page.lang;
  const t = myDataText(lang);
  const tc = commonText(lang);
  const names = (codes: readonly string[]) => codes.map(props.categoryName).join("、");
  return (
    <MkPage
      page={page}
      title={t.title}
      region={region}
      principal={props.principal}
      current="my-data"
      simulated={props.simulated}
    >
      <h1>{t.title}</h1>
      <p class="mk-lead">{t.lead}</p>
      {props.revoked ? (
        <p class="notice" data-testid="revoked-notice">
          {t.revoked}
        </p>
      ) : null}
      <h2>{t.consentsTitle}</h2>
      {data.consents.length === 0 ? <p class="mk-empty">{t.consentsNone}</p> : null}
      <ul class="mk-list">
        {data.consents.map((cn) => (
          <li class="mk-card" data-testid="consent" data-consent={cn.id} data-status={cn.effectiveStatus}>
            <h3>{cn.recipientName[lang]}</h3>
            <p>
              <span class={`mk-badge ${cn.effectiveStatus === "ACTIVE" ? "mk-s-approved" : "mk-s-withdrawn"}`}>
                {tc[`consent.${cn.effectiveStatus}`]}
              </span>
            </p>
            <Facts
              rows={[
                [t.purpose, purposeIn(lang, cn.purpose.text)],
                [t.categories, <span data-testid="consent-categories">{names(cn.categories)}</span>],
                [t.period, <Period period={cn.dataPeriod} />],
                [t.life, format(t.lifeValue, { n: cn.dataLifeMonths })],
                [t.grantedAt, beijingTime(cn.grantedAt)],
                [t.expiresAt, beijingTime(cn.expiresAt)],
                ...(cn.revokedAt ? [[t.revokedAt, beijingTime(cn.revokedAt)] as const] : []),
              ]}
            />
            {cn.effectiveStatus === "ACTIVE" ? (
              <form method="post" action={mkPath.revokeConsent(region, cn.id)} data-testid="revoke-form">
                <OnceField value={props.once} />
                <p class="hint">{t.revokeHint}</p>
                <button class="btn btn-danger" type="submit">
                  {t.revoke}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      <h2 class="mk-gap">{t.pushesTitle}</h2>
      {data.pushes.length === 0 ? <p class="mk-empty">{t.pushesNone}</p> : null}
      <ul class="mk-list">
        {data.pushes.map((p) => (
          <li class="mk-card" data-testid="push" data-push={p.id}>
            <h3 data-testid="push-recipient">{p.recipientName[lang]}</h3>
            <Facts
              rows={[
                [t.categories, <span data-testid="push-categories">{names(p.categories)}</span>],
                [t.period, <Period period={p.dataPeriod} />],
                [t.pushedAt, beijingTime(p.pushedAt)],
                [t.records, String(p.recordCount)],
                [t.retainUntil, p.payloadHeld ? beijingDeadline(p.retainUntil) : t.purged],
                [
                  t.contentHash,
                  <span class="mk-code" title={p.contentHash}>
                    {shortHash(p.contentHash)}
                  </span>,
                ],
                ...(p.applicationId
                  ? [
                      [
                        t.application,
                        <a href={mkPath.application(region, p.applicationId)}>{p.applicationId}</a>,
                      ] as const,
                    ]
                  : []),
              ]}
            />
          </li>
        ))}
      </ul>
    </MkPage>
  );
}

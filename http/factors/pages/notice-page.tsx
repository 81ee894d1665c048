import type { FactorsPolicy, PublicNoticeDetail } from "../../../core/factors/mod.ts";
import type { PageContext } from "../../pages/layout.tsx";
import type { ActionForm } from "./factor-actions.tsx";
import { AreaField } from "./fields.tsx";
import { beijingTime, placeName, quantityText, typeName } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { ActionCard } from "./market-kit.tsx";
import { Badge, Facts, type FxFrame, FxPage } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { factorText } from "./text-factor.ts";
import { marketText } from "./text-market.ts";

/** FAC-R02 公示: a factor on public notice, its objections, and the form to object. */
export function NoticePage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly detail: PublicNoticeDetail;
  readonly policy: FactorsPolicy;
  readonly today: string;
  readonly objected: boolean;
  readonly form: ActionForm;
}) {
  const { page, detail, policy } = props;
  const lang = page.lang;
  const t = marketText(lang);
  const f = factorText(lang);
  const c = commonText(lang);
  const n = detail.notice;
  const region = props.frame.region;
  const open = n.noticeClosesOn !== null && props.today <= n.noticeClosesOn;
  return (
    <FxPage page={page} title={`${t.noticeTitle} · ${n.title}`} frame={{ ...props.frame, on: "market" }}>
      <h1 data-testid="notice-title">
        {n.title} <Badge status={n.status} label={c[`factorStatus_${n.status}`]} />
      </h1>
      <p class="tagline">
        {t.noticeTitle} · {n.typeCode} {typeName(policy, n.typeCode, lang)} · {placeName(n.countyCode, lang)}
      </p>
      {props.objected ? (
        <p class="fx-ok" role="status" data-testid="done">
          {t.objected}
        </p>
      ) : null}
      <section class="card" data-testid="notice-facts">
        <Facts
          rows={[
            [t.noticeHolder, n.holderName],
            [f.location2, n.location],
            [f.quantity2, quantityText(n.quantity.milli, n.quantity.unit)],
            [f.certificate, n.certificateNo ?? c.none],
            [t.noticeCloses, n.noticeClosesOn ?? "—"],
          ]}
        />
      </section>
      {detail.objections.length > 0 ? (
        <section class="card" data-testid="notice-objections">
          <h2>{t.objectionsTitle}</h2>
          <ul class="fx-list">
            {detail.objections.map((o) => (
              <li data-objection={o.id}>
                <Badge
                  status={o.status === "open" ? "open" : o.status === "upheld" ? "REJECTED" : "ACTIVE"}
                  label={f[`objection_${o.status}`]}
                />{" "}
                <span class="hint">{beijingTime(o.lodgedAt)}</span>
                <p>{o.grounds}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {open ? (
        <ActionCard
          lang={lang}
          title={f.objectTitle}
          hint={f.objectHint}
          action={fxPath.noticeAction(region, n.id)}
          form={props.form}
          testid="object"
          button={f.objectButton}
        >
          <AreaField name="grounds" label={f.grounds} values={props.form.values} required />
        </ActionCard>
      ) : null}
    </FxPage>
  );
}

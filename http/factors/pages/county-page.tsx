import type { CountyQueue, FactorView } from "../../../core/factors/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { type Choice, SelectField } from "./fields.tsx";
import { placeName } from "./format.ts";
import { fxPath } from "./fx-paths.ts";
import { Badge, type FxFrame, FxPage, Money } from "./page-kit.tsx";
import { commonText } from "./text-common.ts";
import { marketText } from "./text-market.ts";
import { queueText } from "./text-queue.ts";

function FactorList(props: {
  readonly lang: PageContext["lang"];
  readonly region: string;
  readonly title: string;
  readonly testid: string;
  readonly factors: readonly FactorView[];
}) {
  const c = commonText(props.lang);
  const t = queueText(props.lang);
  return (
    <section class="card" data-testid={props.testid}>
      <h2>
        {props.title} <span class="fx-badge">{props.factors.length}</span>
      </h2>
      {props.factors.length === 0 ? <p class="hint">{c.empty}</p> : null}
      <ul class="fx-list">
        {props.factors.map((f) => (
          <li data-factor={f.id}>
            <a class="fx-open" href={fxPath.factor(props.region, f.id)}>
              {f.title}
            </a>{" "}
            <Badge status={f.status} label={c[`factorStatus_${f.status}`]} />
            <p class="hint">
              {f.typeCode} · {placeName(f.countyCode, props.lang)} · {f.holder.name}
              {f.noticeClosesOn ? ` · ${format(t.noticeCloses, { date: f.noticeClosesOn })}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The county desk: confirmations, notices, objections and changes of holder (FAC-R01/R02/R10). */
export function CountyPage(props: {
  readonly page: PageContext;
  readonly frame: FxFrame;
  readonly queue: CountyQueue;
  readonly counties: readonly Choice[];
  readonly county: string;
}) {
  const { page, queue } = props;
  const lang = page.lang;
  const t = queueText(lang);
  const m = marketText(lang);
  const region = props.frame.region;
  return (
    <FxPage page={page} title={t.countyTitle} frame={{ ...props.frame, on: "county" }}>
      <h1>{t.countyTitle}</h1>
      <p class="tagline">{t.countyIntro}</p>
      <form method="get" action={fxPath.county(region)} class="card fx-filter" data-testid="county-filter">
        <div>
          <SelectField name="county" label={t.chooseCounty} choices={props.counties} value={props.county} />
        </div>
        <button class="btn fx-2" type="submit">
          {t.show}
        </button>
      </form>
      <p />
      <FactorList lang={lang} region={region} title={t.disputed} testid="county-disputed" factors={queue.disputed} />
      <FactorList
        lang={lang}
        region={region}
        title={t.awaitingConfirmation}
        testid="county-submitted"
        factors={queue.awaitingConfirmation}
      />
      <FactorList lang={lang} region={region} title={t.onNotice} testid="county-notice" factors={queue.onNotice} />
      <section class="card" data-testid="county-sales">
        <h2>
          {t.sales} <span class="fx-badge">{queue.salesAwaitingRegistration.length}</span>
        </h2>
        <ul class="fx-list">
          {queue.salesAwaitingRegistration.map((x) => (
            <li>
              <a class="fx-open" href={fxPath.listing(region, x.id)}>
                {m.kind_sale} · {x.unitId}
              </a>
              <p class="hint">
                {placeName(x.countyCode, lang)} · {m.reserve} <Money fen={x.reservePrice} lang={lang} />
              </p>
            </li>
          ))}
        </ul>
      </section>
    </FxPage>
  );
}

import type { Principal } from "../../../core/kernel/mod.ts";
import type { Institution, Product, SpecialAction } from "../../../core/marketplace/mod.ts";
import { format } from "../../pages/i18n.ts";
import type { PageContext } from "../../pages/layout.tsx";
import { nameIn, rateRange, yuanRangeCompact } from "./formatting.ts";
import { mkPath, queryString } from "./mk-paths.ts";
import { MkPage, Tag } from "./page-kit.tsx";
import { catalogueText } from "./text-catalogue.ts";
import { commonText } from "./text-common.ts";

/** The raw filter values of the marketplace form (as typed, so the form shows them again). */
export interface CatalogueFilters {
  readonly action: string;
  readonly type: string;
  readonly segment: string;
  readonly channel: string;
  readonly institution: string;
  readonly amount: string;
  readonly term: string;
  readonly text: string;
}

export const PRODUCT_TYPES = ["credit", "mortgage", "guarantee", "insurance"] as const;
export const SEGMENTS = ["small-firm", "individual-business", "farmer", "new-agri-entity"] as const;
export const CHANNELS = ["direct", "manual"] as const;

export interface CatalogueView {
  readonly page: PageContext;
  readonly region: string;
  readonly principal: Principal | undefined;
  readonly simulated: boolean;
  readonly actions: readonly (SpecialAction & { readonly count: number })[];
  readonly allCount: number;
  readonly filters: CatalogueFilters;
  readonly filterErrors: readonly string[];
  readonly institutions: ReadonlyMap<string, Institution>;
  readonly items: readonly Product[];
  readonly total: number;
  readonly pageNo: number;
  readonly pageSize: number;
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  any: string;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        <option value="">{props.any}</option>
        {props.options.map(([v, l]) => (
          <option value={v} selected={v === props.value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ProductCard(props: {
  readonly page: PageContext;
  readonly region: string;
  readonly product: Product;
  readonly institution: Institution | undefined;
  readonly actions: readonly SpecialAction[];
}) {
  const { page, product: p } = props;
  const lang = page.lang;
  const t = commonText(lang);
  const c = catalogueText(lang);
  return (
    <li class="mk-card" data-testid="product" data-product={p.id}>
      <h2>
        <a href={mkPath.product(props.region, p.id)}>{p.name[lang]}</a>
      </h2>
      <p class="mk-inst">
        {nameIn(lang, props.institution?.name, p.institutionId)}
        {props.institution ? ` · ${t[`kind.${props.institution.kind}`]}` : ""}
      </p>
      <div class="mk-tags">
        {p.channel === "direct" ? <Tag kind="direct">{t["channel.direct"]}</Tag> : null}
        <Tag>{t[`type.${p.type}`]}</Tag>
        {p.specialActions.map((code) => (
          <Tag kind="action">{nameIn(lang, props.actions.find((a) => a.code === code)?.name, code)}</Tag>
        ))}
      </div>
      <div class="mk-figs">
        <div>
          <span>{c.amountLabel}</span>
          <b>{yuanRangeCompact(lang, p.amountMin, p.amountMax)}</b>
        </div>
        <div>
          <span>{c.termLabel}</span>
          <b>{format(t.monthsRange, { min: p.termMonthsMin, max: p.termMonthsMax })}</b>
        </div>
        <div>
          <span>{c.rateLabel}</span>
          <b>{rateRange(p.rateMinBp, p.rateMaxBp)}</b>
        </div>
      </div>
      <a class="btn btn-2" href={mkPath.product(props.region, p.id)}>
        {c.view}
      </a>
    </li>
  );
}

export function CataloguePage(v: CatalogueView) {
  const { page, region, filters: f } = v;
  const lang = page.lang;
  const t = commonText(lang);
  const c = catalogueText(lang);
  // Links keep the other filters; a new column or filter starts again at page 1.
  const link = (changes: Partial<CatalogueFilters> & { page?: number }) =>
    mkPath.catalogue(region, queryString({ ...f, ...changes, page: changes.page }));
  const institutions = [...v.institutions.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const lastPage = Math.max(1, Math.ceil(v.total / v.pageSize));
  return (
    <MkPage
      page={page}
      title={c.title}
      region={region}
      principal={v.principal}
      current="catalogue"
      simulated={v.simulated}
    >
      <h1>{c.title}</h1>
      <p class="mk-lead">{c.lead}</p>
      <nav class="mk-cols" aria-label={c.allProducts} data-testid="special-actions">
        <a class="mk-col" href={link({ action: "" })} aria-current={f.action === "" ? "page" : undefined}>
          <strong>{c.allProducts}</strong>
          <span>{format(c.productsCount, { n: v.allCount })}</span>
        </a>
        {v.actions.map((a) => (
          <a
            class="mk-col"
            href={link({ action: a.code })}
            data-action={a.code}
            aria-current={f.action === a.code ? "page" : undefined}
          >
            <strong>{a.name[lang]}</strong>
            <span>{format(c.productsCount, { n: a.count })}</span>
          </a>
        ))}
      </nav>
      <details class="mk-filters" open={Object.entries(f).some(([k, x]) => k !== "action" && x !== "")}>
        <summary>{c.filters}</summary>
        <form method="get" action={mkPath.catalogue(region)} data-testid="filters">
          <input type="hidden" name="action" value={f.action} />
          <div class="mk-filter-grid">
            <div class="wide">
              <label for="text">{c.text}</label>
              <input id="text" name="text" value={f.text} maxlength={100} />
            </div>
            <Select
              id="type"
              label={c.type}
              value={f.type}
              any={c.any}
              options={PRODUCT_TYPES.map((x) => [x, t[`type.${x}`]])}
            />
            <Select
              id="segment"
              label={c.segment}
              value={f.segment}
              any={c.any}
              options={SEGMENTS.map((x) => [x, t[`segment.${x}`]])}
            />
            <Select
              id="channel"
              label={c.channel}
              value={f.channel}
              any={c.any}
              options={CHANNELS.map((x) => [x, t[`channel.${x}`]])}
            />
            <Select
              id="institution"
              label={c.institution}
              value={f.institution}
              any={c.any}
              options={institutions.map((i) => [i.id, i.name[lang]])}
            />
            <div>
              <label for="amount">{c.amount}</label>
              <input id="amount" name="amount" inputmode="decimal" value={f.amount} maxlength={16} />
            </div>
            <div>
              <label for="term">{c.term}</label>
              <input id="term" name="term" inputmode="numeric" value={f.term} maxlength={3} />
            </div>
          </div>
          {v.filterErrors.map((e) => (
            <p class="error" role="alert" data-testid="filter-error">
              {e}
            </p>
          ))}
          <button class="btn" type="submit">
            {c.search}
          </button>{" "}
          <a href={mkPath.catalogue(region)}>{c.reset}</a>
        </form>
      </details>
      <p class="mk-count" data-testid="found">
        {format(c.found, { n: v.total })}
      </p>
      {v.items.length === 0 ? <p class="mk-empty">{c.none}</p> : null}
      <ul class="mk-list">
        {v.items.map((p) => (
          <ProductCard
            page={page}
            region={region}
            product={p}
            institution={v.institutions.get(p.institutionId)}
            actions={v.actions}
          />
        ))}
      </ul>
      {lastPage > 1 ? (
        <nav class="mk-pager">
          {v.pageNo > 1 ? <a href={link({ page: v.pageNo - 1 })}>{c.prev}</a> : <span />}
          <span>
            {v.pageNo} / {lastPage}
          </span>
          {v.pageNo < lastPage ? <a href={link({ page: v.pageNo + 1 })}>{c.next}</a> : <span />}
        </nav>
      ) : null}
    </MkPage>
  );
}

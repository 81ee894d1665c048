import { type DatedParam, since } from "../kernel/mod.ts";
import type { CollectionCompanyRef, ConfirmingDepartment, CountyPolicy } from "./policy-county.ts";
import { DEFAULTS_FROM } from "./policy-defaults-catalogue.ts";

const SEED_COMPANIES =
  "seed 一(二)二 要求全市9个县市区建立资产收储公司，目前已成立霞浦县福宁海投公司、屏南县八百公司等6家";
const SEED_FUAN =
  "seed 一(二)三 福安市农村生产要素确权工作方案: 果园大棚、农村集体资产股权、农村房屋所有权及宅基地使用权、船网指标等8类非标资产的确权单位";

function company(id: string, zh: string, en: string, named: boolean): DatedParam<CollectionCompanyRef | null> {
  const source = named
    ? SEED_COMPANIES
    : `${SEED_COMPANIES}; the seed does not name this one: demo placeholder (default), replace with the county's company`;
  return since(DEFAULTS_FROM, { institutionId: id, name: { zh, en } }, source);
}

function none(): DatedParam<CollectionCompanyRef | null> {
  return since(
    DEFAULTS_FROM,
    null,
    `${SEED_COMPANIES}; not among the 6 in the default pack: listing and auction only (FAC-R08, default)`,
  );
}

function dept(id: string, zh: string, en: string, named: boolean): DatedParam<ConfirmingDepartment> {
  const source = named
    ? SEED_FUAN
    : `${SEED_FUAN}; the seed names 4 of the 8 (等8类): this type and department are our default`;
  return since(DEFAULTS_FROM, { departmentId: id, name: { zh, en } }, source);
}

const AGRI = ["fuan-agri", "福安市农业农村局", "Fu'an agriculture and rural affairs bureau"] as const;
const LAND = ["fuan-natural-resources", "福安市自然资源局", "Fu'an natural resources bureau"] as const;
const SEA = ["fuan-ocean-fishery", "福安市海洋与渔业局", "Fu'an ocean and fishery bureau"] as const;
const FOREST = ["fuan-forestry", "福安市林业局", "Fu'an forestry bureau"] as const;

function county(zh: string, en: string, collectionCompany: DatedParam<CollectionCompanyRef | null>): CountyPolicy {
  return { name: { zh, en }, collectionCompany, confirmingDepartments: {} };
}

/**
 * Ningde's 9 counties (GB/T 2260). Six have a collection company (seed: 6 of 9; 霞浦 福宁海投 and
 * 屏南 八百 are named, the other four companies are placeholders); Fu'an names the departments
 * that confirm its eight non-standard (无证) types.
 */
export const ningdeCounties: Readonly<Record<string, CountyPolicy>> = {
  "350902": county(
    "蕉城区",
    "Jiaocheng",
    company("jiaocheng-collection", "蕉城区资产收储公司（演示）", "Jiaocheng asset collection company (demo)", false),
  ),
  "350921": county(
    "霞浦县",
    "Xiapu",
    company("xiapu-funing-haitou", "霞浦县福宁海投公司", "Xiapu Funing Haitou", true),
  ),
  "350922": county(
    "古田县",
    "Gutian",
    company("gutian-collection", "古田县资产收储公司（演示）", "Gutian asset collection company (demo)", false),
  ),
  "350923": county("屏南县", "Pingnan", company("pingnan-babai", "屏南县八百公司", "Pingnan Babai", true)),
  "350924": county("寿宁县", "Shouning", none()),
  "350925": county("周宁县", "Zhouning", none()),
  "350926": county("柘荣县", "Zherong", none()),
  "350981": {
    ...county(
      "福安市",
      "Fu'an",
      company("fuan-collection", "福安市资产收储公司（演示）", "Fu'an asset collection company (demo)", false),
    ),
    confirmingDepartments: {
      A02: dept(...AGRI, true),
      R06: dept(...AGRI, true),
      A07: dept(...LAND, true),
      R03: dept(...LAND, true),
      R07: dept(...SEA, true),
      A01: dept(...SEA, false),
      A03: dept(...AGRI, false),
      R08: dept(...FOREST, false),
    },
  },
  "350982": county(
    "福鼎市",
    "Fuding",
    company("fuding-collection", "福鼎市资产收储公司（演示）", "Fuding asset collection company (demo)", false),
  ),
};

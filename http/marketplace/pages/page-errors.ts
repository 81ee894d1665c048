import { type DomainErrorKind, isDomainError } from "../../../core/kernel/mod.ts";
import type { Lang } from "../../pages/i18n.ts";
import { commonText } from "./text-common.ts";

/** A failed action as a page shows it: the status to answer with, the rule, the message, the field. */
export interface PageProblem {
  readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 503;
  readonly ruleId: string | undefined;
  readonly message: string;
  readonly field: string | undefined;
  readonly fieldLabel: string | undefined;
}

const STATUS: Record<DomainErrorKind, PageProblem["status"]> = {
  validation: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  unavailable: 503,
};

/** Field paths of the use cases' inputs and how a person calls them. */
const FIELD_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  productId: { zh: "产品", en: "product" },
  consentId: { zh: "数据授权", en: "consent" },
  name: { zh: "申请人名称", en: "applicant name" },
  idKind: { zh: "证件类型", en: "identity type" },
  idNumber: { zh: "证件号码", en: "identity number" },
  contactMobile: { zh: "联系手机", en: "contact mobile" },
  amount: { zh: "申请金额", en: "amount" },
  termMonths: { zh: "期限", en: "term" },
  applyCodeToken: { zh: "码上贷二维码", en: "QR code" },
  token: { zh: "码上贷二维码", en: "QR code" },
  categories: { zh: "授权的数据类别", en: "consented data categories" },
  dataPeriodMonths: { zh: "数据期间", en: "data period" },
  dataLifeMonths: { zh: "数据保存期限", en: "data life" },
  amountGranted: { zh: "批准金额", en: "approved amount" },
  rateBp: { zh: "年利率", en: "annual rate" },
  grantedTermMonths: { zh: "批准期限", en: "approved term" },
  amountDisbursed: { zh: "放款金额", en: "disbursed amount" },
  reason: { zh: "原因", en: "reason" },
  institutionReference: { zh: "机构业务编号", en: "institution reference" },
  branchId: { zh: "网点", en: "branch" },
  managerId: { zh: "客户经理", en: "customer manager" },
  validDays: { zh: "有效天数", en: "days valid" },
  label: { zh: "通报期次", en: "notice period" },
  from: { zh: "开始日期", en: "from" },
  to: { zh: "结束日期", en: "to" },
  consent: { zh: "授权确认", en: "consent confirmation" },
};

/** The person's name for a field path such as "applicant.idNumber" or "categories". */
export function fieldLabel(field: string | undefined, lang: Lang): string | undefined {
  if (!field) return undefined;
  const exact = FIELD_LABELS[field];
  if (exact) return exact[lang];
  const parts = field.split(".");
  for (let i = 1; i < parts.length; i++) {
    const tail = FIELD_LABELS[parts.slice(i).join(".")];
    if (tail) return tail[lang];
  }
  return field;
}

/** A DomainError as a page problem; anything else is not ours to show (undefined). */
export function pageProblem(e: unknown, lang: Lang): PageProblem | undefined {
  if (!isDomainError(e)) return undefined;
  return {
    status: STATUS[e.kind],
    ruleId: e.ruleId,
    message: e.message,
    field: e.field,
    fieldLabel: fieldLabel(e.field, lang),
  };
}

/** A problem the page layer itself finds (expired form, a box not ticked …). */
export function localProblem(
  status: PageProblem["status"],
  message: string,
  ruleId?: string,
  field?: string,
  lang: Lang = "zh",
): PageProblem {
  return { status, ruleId, message, field, fieldLabel: fieldLabel(field, lang) };
}

/** Generic message for a status when a page cannot show its own form again. */
export function statusMessage(status: PageProblem["status"], lang: Lang): string {
  const t = commonText(lang);
  if (status === 404) return t.notFound;
  if (status === 403) return t.forbidden;
  if (status === 401) return t.signInFirst;
  if (status === 503) return t.unavailable;
  return t.errorTitle;
}

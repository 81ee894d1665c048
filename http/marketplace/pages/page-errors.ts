import { type FieldLabels, pageProblems } from "../../pages/page-problems.ts";
import { commonText } from "./text-common.ts";

export type { PageProblem } from "../../pages/page-problems.ts";

/** Field paths of the use cases' inputs and how a person calls them. */
const FIELD_LABELS: FieldLabels = {
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

/** The marketplace pages' refusals (http/pages/page-problems.ts with this module's field names and words). */
export const { fieldLabel, pageProblem, localProblem, statusMessage } = pageProblems(FIELD_LABELS, commonText);

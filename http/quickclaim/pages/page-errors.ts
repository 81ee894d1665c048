import { type DomainErrorKind, isDomainError } from "../../../core/kernel/mod.ts";
import type { Lang } from "../../pages/i18n.ts";
import { commonText } from "./text-common.ts";

/** A failed action as a page shows it: the status to answer with, the rule, the message, the field. */
export interface PageProblem {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 503;
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
  regionCode: { zh: "事故所在区县", en: "county of the accident" },
  accidentAt: { zh: "事故时间", en: "accident time" },
  "place.address": { zh: "事故地点", en: "accident address" },
  "place.point": { zh: "事故位置坐标", en: "accident position" },
  parties: { zh: "当事车辆", en: "vehicles" },
  plate: { zh: "车牌号", en: "plate" },
  mobile: { zh: "手机号", en: "mobile number" },
  driverName: { zh: "驾驶人姓名", en: "driver name" },
  driverLicenceNo: { zh: "驾驶证号（身份证号）", en: "driving licence number" },
  vehicleLicenceNo: { zh: "行驶证号", en: "vehicle licence number" },
  insurerId: { zh: "保险公司", en: "insurer" },
  compulsoryPolicyNo: { zh: "交强险保单号", en: "compulsory policy number" },
  commercialPolicyNo: { zh: "商业险保单号", en: "commercial policy number" },
  slot: { zh: "照片类型", en: "photo slot" },
  "photo.contentType": { zh: "照片文件类型", en: "photo file type" },
  "photo.size": { zh: "照片大小", en: "photo size" },
  capturedAt: { zh: "拍摄时间", en: "capture time" },
  point: { zh: "拍摄位置", en: "capture position" },
  letterHash: { zh: "认定书版本", en: "letter version" },
  "idCard.name": { zh: "身份证姓名", en: "name on the ID card" },
  "idCard.residentId": { zh: "身份证号", en: "resident ID number" },
  "idCard.photo": { zh: "身份证照片", en: "ID card photo" },
  "bankCard.number": { zh: "银行卡号", en: "bank card number" },
  "bankCard.holderName": { zh: "持卡人姓名", en: "card holder" },
  "bankCard.photo": { zh: "银行卡照片", en: "bank card photo" },
  facts: { zh: "事故事实", en: "facts" },
  faultPartyId: { zh: "过错车辆", en: "vehicle at fault" },
  form: { zh: "事故形态", en: "accident form" },
  losses: { zh: "定损金额", en: "assessed losses" },
  "losses.property": { zh: "财产损失合计", en: "total property loss" },
  "losses.injury": { zh: "人身伤害损失合计", en: "total injury loss" },
  vehicle: { zh: "车辆损失", en: "vehicle loss" },
  otherProperty: { zh: "其他财产损失", en: "other property loss" },
  medical: { zh: "医疗费用", en: "medical costs" },
  bytes: { zh: "照片文件", en: "photo file" },
  anyoneInjured: { zh: "有人受伤", en: "someone hurt" },
  deathOrSeriousInjury: { zh: "有人死亡或重伤", en: "death or serious injury" },
  vehiclesMovable: { zh: "车辆能移动", en: "vehicles can move" },
  suspectedDrinkDriving: { zh: "酒驾嫌疑", en: "suspected drink-driving" },
  suspectedUnlicensedDriving: { zh: "无证驾驶嫌疑", en: "suspected unlicensed driving" },
  suspectedHitAndRun: { zh: "肇事逃逸嫌疑", en: "suspected hit-and-run" },
  satisfied: { zh: "是否满意", en: "satisfied" },
  suggestion: { zh: "意见建议", en: "suggestion" },
  disputeReason: { zh: "异议理由", en: "reason for the dispute" },
  decision: { zh: "签名意见", en: "decision" },
  claimId: { zh: "理赔申请", en: "claim" },
  status: { zh: "案件状态", en: "case status" },
  reason: { zh: "原因", en: "reason" },
  "override.reason": { zh: "调整理由", en: "reason for the override" },
  "override.decision": { zh: "责任比例", en: "liability shares" },
  from: { zh: "开始日期", en: "from" },
  to: { zh: "结束日期", en: "to" },
};

/** The person's name for a field path such as "items.driverLicenceNo" or "parties.1.plate". */
export function fieldLabel(field: string | undefined, lang: Lang): string | undefined {
  if (!field) return undefined;
  const exact = FIELD_LABELS[field];
  if (exact) return exact[lang];
  const parts = field.split(".");
  for (let i = 1; i < parts.length; i++) {
    const tail = FIELD_LABELS[parts.slice(i).join(".")];
    if (tail) return tail[lang];
  }
  return FIELD_LABELS[parts.at(-1) ?? ""]?.[lang] ?? field;
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

/** A problem the page layer itself finds (expired form, oversize upload …). */
export function localProblem(status: PageProblem["status"], message: string, ruleId?: string): PageProblem {
  return { status, ruleId, message, field: undefined, fieldLabel: undefined };
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

import { defineMessages } from "../../pages/i18n.ts";

/** Texts of the institution desk and the county desk. */
export const queueText = defineMessages({
  zh: {
    bankTitle: "机构工作台",
    bankIntro: "本机构在本地区的抵押申请、贷款、处置、流转同意请求和损失分担。",
    applications: "抵押申请",
    loans: "在贷贷款",
    disposals: "进行中的处置",
    consents: "待同意的流转",
    losses: "损失分担",
    countyTitle: "区县审核台",
    countyIntro: "确权、公示、异议和过户登记，按区县办理。",
    awaitingConfirmation: "待确权",
    onNotice: "公示中",
    disputed: "异议待处理",
    sales: "待过户登记的转让",
    noticeCloses: "公示截止 {date}",
    chooseCounty: "区县",
    show: "查看",
  },
  en: {
    bankTitle: "Institution desk",
    bankIntro:
      "Your institution's mortgage applications, loans, disposals, transfer consents and loss sharing in this region.",
    applications: "Mortgage applications",
    loans: "Loans outstanding",
    disposals: "Disposals under way",
    consents: "Transfers awaiting your consent",
    losses: "Loss sharing",
    countyTitle: "County desk",
    countyIntro: "Confirmations, public notices, objections and changes of holder, county by county.",
    awaitingConfirmation: "Awaiting confirmation",
    onNotice: "On public notice",
    disputed: "Objections to decide",
    sales: "Sales awaiting the change of holder",
    noticeCloses: "notice closes {date}",
    chooseCounty: "County",
    show: "Show",
  },
});

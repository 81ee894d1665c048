import { syntheticResidentId, syntheticUscc } from "./synthetic-identities.ts";

/**
 * The demo story's people who use the marketplace (spec 90-demo-story.md). Everyone here is
 * invented; the identity numbers pass their check characters but belong to no one.
 */
export const storyPeople = {
  /** 张师傅, shop owner in 新罗: scans a 码上贷 code, first loan ever, instant 小店经济 decision. */
  zhang: {
    name: "张师傅",
    mobile: "13859012345",
    residentId: "350802198801153019",
    shop: { idKind: "uscc", idNumber: "92350802MA31XK5R2X", name: "新罗区张师傅便利店" },
  },
  /** 龙岩闽西茶业有限公司: applies for 兴业兴闪贷 and is left waiting three working days. */
  teaCo: {
    name: "龙岩闽西茶业有限公司",
    mobile: "13906901234",
    subject: { idKind: "uscc", idNumber: "91350800MA2YQ3LF3C", name: "龙岩闽西茶业有限公司" },
  },
} as const;

const SURNAMES = ["陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "邱", "赖", "罗", "钟", "游", "傅"];
const GIVEN = ["建华", "秀英", "志强", "丽娟", "国平", "美玲", "海峰", "春梅", "永福", "金水", "文彬", "晓燕"];
const PLACES = ["新罗区", "永定区", "长汀县", "上杭县", "武平县", "连城县", "漳平市"];
const TRADES = ["恒盛建材", "绿源茶业", "客家米粉", "闽西竹业", "汀江物流", "冠豸山旅游", "金山农机", "紫金食品"];
const COUNTY_CODES = ["350802", "350803", "350821", "350823", "350824", "350825", "350881"];

export interface DemoApplicant {
  readonly mobile: string;
  readonly name: string;
  readonly subject: { readonly idKind: "resident-id" | "uscc"; readonly idNumber: string };
}

/** The nth invented applicant of the demo history: a person, or (organisation) a firm. */
export function historyApplicant(n: number, organisation: boolean): DemoApplicant {
  const mobile = `1375905${String(n).padStart(4, "0")}`;
  const county = COUNTY_CODES[n % COUNTY_CODES.length] as string;
  if (organisation) {
    const body = `${String(10_000_000 + n * 7919).slice(-8)}`;
    return {
      mobile,
      name: `${PLACES[n % PLACES.length]}${TRADES[n % TRADES.length]}有限公司`,
      subject: { idKind: "uscc", idNumber: syntheticUscc(`91${county}MA${body.slice(0, 7)}`) },
    };
  }
  const year = 1965 + (n % 30);
  const month = String(1 + (n % 12)).padStart(2, "0");
  const day = String(1 + (n % 28)).padStart(2, "0");
  const seq = String(100 + (n % 800)).padStart(3, "0");
  return {
    mobile,
    name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`,
    subject: { idKind: "resident-id", idNumber: syntheticResidentId(`${county}${year}${month}${day}${seq}`) },
  };
}

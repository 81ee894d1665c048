/**
 * The factors of the Ningde demo (spec 90-demo-story.md, and more invented people so that the
 * dashboards have something to show). Everyone is synthetic: ID numbers pass GB 11643 but belong
 * to no one. The registry simulators answer from this book by default, and the demo seed
 * registers exactly these factors — so the registry confirms what the seed submits.
 */
export interface DemoPerson {
  readonly key: string;
  readonly name: string;
  readonly idNumber: string;
  /** Citizens who sign in themselves (OTP); the others are served by their bank's staff (代办). */
  readonly mobile: string | null;
  readonly countyCode: string;
}

export interface DemoFactorRecord {
  /** Stable key of the record in the demo. */
  readonly key: string;
  readonly person: string;
  readonly countyCode: string;
  readonly typeCode: string;
  readonly title: string;
  readonly location: string;
  /** In the type's unit, as typed on the form. */
  readonly quantity: string;
  /** Null for a non-standard (无证) type: its department confirms it by location. */
  readonly certificateNo: string | null;
  /** Fu'an's non-standard types: the department whose filing this is (FAC-R01). */
  readonly departmentId?: string;
  readonly siteRef?: string;
  readonly recordNo: string;
  readonly termEndsOn: string | null;
  /** The department has the file but has not decided yet (KRN-R10 demo). */
  readonly pending?: boolean;
  readonly encumbrances?: readonly {
    readonly creditor: string;
    readonly amountFen: number;
    readonly recordedOn: string;
  }[];
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { key: "lin", name: "林阿伯", idNumber: "350981196803121039", mobile: "13905930001", countyCode: "350981" },
  { key: "huang", name: "黄先生", idNumber: "350921198204205030", mobile: "13905930002", countyCode: "350921" },
  { key: "chen", name: "陈丽华", idNumber: "350982197509082025", mobile: "13905931234", countyCode: "350982" },
  { key: "zheng", name: "郑明华", idNumber: "350902197103150137", mobile: null, countyCode: "350902" },
  { key: "wu", name: "吴秀兰", idNumber: "350922197806220248", mobile: null, countyCode: "350922" },
  { key: "liu", name: "刘建平", idNumber: "350923196609080313", mobile: null, countyCode: "350923" },
  { key: "zhou", name: "周德胜", idNumber: "35092419720130015X", mobile: null, countyCode: "350924" },
  { key: "he", name: "何春梅", idNumber: "350925198304110261", mobile: null, countyCode: "350925" },
  { key: "guo", name: "郭志强", idNumber: "350926196907190376", mobile: null, countyCode: "350926" },
  { key: "xie", name: "谢玉珍", idNumber: "350982198011050282", mobile: null, countyCode: "350982" },
  { key: "zhong", name: "钟国良", idNumber: "350981196408160353", mobile: null, countyCode: "350981" },
  { key: "huangwei", name: "黄伟", idNumber: "350925198803020412", mobile: null, countyCode: "350925" },
];

const LIN_SITE = "FA-XBS-0001";
const HUANG_SITE = "XP-SC-0117";

export const DEMO_FACTORS: readonly DemoFactorRecord[] = [
  // 林阿伯, 福安 下白石: 三权合一 (sea-area use + 12 rafts + aquaculture right), self-assessed 280,000 yuan.
  {
    key: "lin-sea",
    person: "lin",
    countyCode: "350981",
    typeCode: "R04",
    title: "下白石海域使用权",
    location: "福安市下白石镇 下白石海域 0001 号养殖区",
    quantity: "20",
    certificateNo: "闽(2019)福安海域第0001号",
    siteRef: LIN_SITE,
    recordNo: "HY-350981-2019-0001",
    termEndsOn: "2034-06-30",
  },
  {
    key: "lin-raft",
    person: "lin",
    countyCode: "350981",
    typeCode: "A01",
    title: "渔排 12 口",
    location: "福安市下白石镇 下白石海域 0001 号养殖区 渔排",
    quantity: "12",
    certificateNo: null,
    departmentId: "fuan-ocean-fishery",
    siteRef: LIN_SITE,
    recordNo: "FA-YP-2019-0001",
    termEndsOn: null,
  },
  {
    key: "lin-aqua",
    person: "lin",
    countyCode: "350981",
    typeCode: "R05",
    title: "水域滩涂养殖证",
    location: "福安市下白石镇 下白石海域 0001 号养殖区",
    quantity: "20",
    certificateNo: "闽福安(2019)养证第0001号",
    siteRef: LIN_SITE,
    recordNo: "YZ-350981-2019-0001",
    termEndsOn: "2034-06-30",
  },
  {
    key: "lin-farmer",
    person: "lin",
    countyCode: "350981",
    typeCode: "L01",
    title: "新型职业农民证书（渔业）",
    location: "福安市",
    quantity: "1",
    certificateNo: "XNZ-350981-2020-0123",
    recordNo: "XNZ-350981-2020-0123",
    termEndsOn: null,
  },
  // 黄先生, 霞浦 三沙: bundle; 120 days overdue after a typhoon; bought out by 福宁海投 at 75 %.
  {
    key: "huang-sea",
    person: "huang",
    countyCode: "350921",
    typeCode: "R04",
    title: "三沙海域使用权",
    location: "霞浦县三沙镇 东壁海域 0117 号养殖区",
    quantity: "16",
    certificateNo: "闽(2018)霞浦海域第0117号",
    siteRef: HUANG_SITE,
    recordNo: "HY-350921-2018-0117",
    termEndsOn: "2033-12-31",
  },
  {
    key: "huang-raft",
    person: "huang",
    countyCode: "350921",
    typeCode: "A01",
    title: "渔排 10 口",
    location: "霞浦县三沙镇 东壁海域 0117 号养殖区 渔排",
    quantity: "10",
    certificateNo: "霞渔排备(2018)0117",
    siteRef: HUANG_SITE,
    recordNo: "YP-350921-2018-0117",
    termEndsOn: null,
  },
  {
    key: "huang-aqua",
    person: "huang",
    countyCode: "350921",
    typeCode: "R05",
    title: "水域滩涂养殖证",
    location: "霞浦县三沙镇 东壁海域 0117 号养殖区",
    quantity: "16",
    certificateNo: "闽霞浦(2018)养证第0117号",
    siteRef: HUANG_SITE,
    recordNo: "YZ-350921-2018-0117",
    termEndsOn: "2033-12-31",
  },
  // 陈姐, 福鼎 太姥山: 民宿贷 on the homestay's revenue right plus the house.
  {
    key: "chen-homestay",
    person: "chen",
    countyCode: "350982",
    typeCode: "I01",
    title: "太姥山下“海岚”民宿经营收益权",
    location: "福鼎市秦屿镇 太姥山下 海岚民宿",
    quantity: "1",
    certificateNo: "福鼎民宿备(2020)0032",
    recordNo: "MS-350982-2020-0032",
    termEndsOn: null,
  },
  {
    key: "chen-house",
    person: "chen",
    countyCode: "350982",
    typeCode: "A07",
    title: "秦屿镇农房 180 平方米",
    location: "福鼎市秦屿镇 太姥山下 海岚民宿",
    quantity: "180",
    certificateNo: "闽(2015)福鼎不动产权第0208号",
    recordNo: "BDC-350982-2015-0208",
    termEndsOn: null,
  },
  {
    key: "zheng-greenhouse",
    person: "zheng",
    countyCode: "350902",
    typeCode: "A02",
    title: "连栋蔬菜大棚",
    location: "蕉城区赤溪镇 长腰村 设施农业园 7 号",
    quantity: "2500",
    certificateNo: "蕉设施备(2021)0007",
    recordNo: "SS-350902-2021-0007",
    termEndsOn: null,
  },
  {
    key: "wu-coldstore",
    person: "wu",
    countyCode: "350922",
    typeCode: "A03",
    title: "食用菌冷库",
    location: "古田县大桥镇 食用菌产业园 B-12",
    quantity: "300",
    certificateNo: "古设施备(2020)0112",
    recordNo: "SS-350922-2020-0112",
    termEndsOn: null,
  },
  {
    key: "liu-forest",
    person: "liu",
    countyCode: "350923",
    typeCode: "R02",
    title: "杉木林 120 亩",
    location: "屏南县棠口乡 漈头村 后山林班 03",
    quantity: "120",
    certificateNo: "屏林证字(2016)第0303号",
    recordNo: "LQ-350923-2016-0303",
    termEndsOn: "2066-12-31",
  },
  {
    key: "zhou-house",
    person: "zhou",
    countyCode: "350924",
    typeCode: "A07",
    title: "下党乡农房 150 平方米",
    location: "寿宁县下党乡 下党村 28 号",
    quantity: "150",
    certificateNo: "闽(2017)寿宁不动产权第0528号",
    recordNo: "BDC-350924-2017-0528",
    termEndsOn: null,
  },
  {
    key: "he-carbon",
    person: "he",
    countyCode: "350925",
    typeCode: "R08",
    title: "林业碳票 3,000 吨",
    location: "周宁县纯池镇 禾溪村 集体林",
    quantity: "3000",
    certificateNo: "周碳票(2022)0019",
    recordNo: "TP-350925-2022-0019",
    termEndsOn: null,
  },
  {
    key: "he-land",
    person: "he",
    countyCode: "350925",
    typeCode: "R01",
    title: "茶园土地经营权 30 亩",
    location: "周宁县纯池镇 禾溪村 茶园 5 号地块",
    quantity: "30",
    certificateNo: "周经营权(2020)0405",
    recordNo: "JY-350925-2020-0405",
    termEndsOn: "2035-12-31",
  },
  {
    key: "guo-tractor",
    person: "guo",
    countyCode: "350926",
    typeCode: "A04",
    title: "拖拉机 2 台",
    location: "柘荣县富溪镇 农机合作社",
    quantity: "2",
    certificateNo: "闽柘拖(2021)0031",
    recordNo: "NJ-350926-2021-0031",
    termEndsOn: null,
  },
  {
    key: "xie-tea",
    person: "xie",
    countyCode: "350982",
    typeCode: "A06",
    title: "福鼎白茶仓单 5,000 公斤",
    location: "福鼎市点头镇 白茶交易市场 监管仓 3 号",
    quantity: "5000",
    certificateNo: "FD-CD-2024-0303",
    recordNo: "CD-350982-2024-0303",
    termEndsOn: null,
  },
  // 福安 non-standard (无证) types: confirmed by the department the county pack names.
  {
    key: "zhong-orchard",
    person: "zhong",
    countyCode: "350981",
    typeCode: "A02",
    title: "葡萄果园大棚",
    location: "福安市穆阳镇 苏堤村 果园大棚 3 号",
    quantity: "1800",
    certificateNo: null,
    departmentId: "fuan-agri",
    recordNo: "FA-NY-2023-0003",
    termEndsOn: null,
  },
  {
    key: "zhong-equity",
    person: "zhong",
    countyCode: "350981",
    typeCode: "R06",
    title: "苏堤村集体资产股权 20 股",
    location: "福安市穆阳镇 苏堤村 股份经济合作社",
    quantity: "20",
    certificateNo: null,
    departmentId: "fuan-agri",
    recordNo: "FA-NY-2024-0107",
    termEndsOn: null,
    pending: true,
  },
  {
    key: "huangwei-forest",
    person: "huangwei",
    countyCode: "350925",
    typeCode: "R02",
    title: "毛竹林 80 亩",
    location: "周宁县七步镇 后洋村 林班 11",
    quantity: "80",
    certificateNo: "周林证字(2015)第1107号",
    recordNo: "LQ-350925-2015-1107",
    termEndsOn: "2065-12-31",
  },
];

export function demoPerson(key: string): DemoPerson {
  const p = DEMO_PEOPLE.find((x) => x.key === key);
  if (!p) throw new Error(`no demo person ${key}`);
  return p;
}

import type { QuickClaimPolicy, ServiceCentre } from "./policy.ts";

/**
 * The Ningde (宁德 350900) quick-claim pack: the default values reproduce the seed notice and
 * spec 20-quickclaim.md. Values marked "(default)" are the spec's own choices where the seed is
 * silent; a region changes them in its pack, never in code.
 */

const SEED =
  "福建省地方金融监督管理局 2022-01-18《关于推广福建省国家级普惠金融改革试验区第三批可复制创新成果的通知》二";
const SPEC = "spec 20-quickclaim.md";
/** Earliest date the pack covers: cases before it are not judged by this pack. */
const PACK_START = "2010-01-01";
/** The Ningde reform date is not given in the seed; 2021-01-01 is the pack's (default). */
const REFORM_DATE = "2021-01-01";

function centre(
  id: string,
  zh: string,
  en: string,
  countyCode: string,
  address: string,
  lat: number,
  lng: number,
): ServiceCentre {
  return { id, name: { zh, en }, countyCode, servesCounties: [countyCode], address, point: { lat, lng } };
}

/**
 * 10 service centres (seed 二(三): "共建成…服务中心10个"): one in each of the 9 counties and a
 * second in 蕉城 for the 东侨 development zone. Names, addresses and points are illustrative
 * (default) placements at the county seats, to be replaced by the region's real list.
 */
export const ningdeServiceCentres: readonly ServiceCentre[] = [
  centre(
    "jiaocheng",
    "蕉城快处快赔服务中心",
    "Jiaocheng quick-claim centre",
    "350902",
    "宁德市蕉城区",
    26.6617,
    119.5227,
  ),
  centre(
    "dongqiao",
    "东侨快处快赔服务中心",
    "Dongqiao quick-claim centre",
    "350902",
    "宁德市东侨经济技术开发区",
    26.6546,
    119.5617,
  ),
  centre("xiapu", "霞浦快处快赔服务中心", "Xiapu quick-claim centre", "350921", "宁德市霞浦县", 26.8855, 120.0051),
  centre("gutian", "古田快处快赔服务中心", "Gutian quick-claim centre", "350922", "宁德市古田县", 26.5777, 118.7463),
  centre("pingnan", "屏南快处快赔服务中心", "Pingnan quick-claim centre", "350923", "宁德市屏南县", 26.9109, 118.9861),
  centre("shouning", "寿宁快处快赔服务中心", "Shouning quick-claim centre", "350924", "宁德市寿宁县", 27.46, 119.5147),
  centre(
    "zhouning",
    "周宁快处快赔服务中心",
    "Zhouning quick-claim centre",
    "350925",
    "宁德市周宁县",
    27.1039,
    119.3393,
  ),
  centre("zherong", "柘荣快处快赔服务中心", "Zherong quick-claim centre", "350926", "宁德市柘荣县", 27.2339, 119.9001),
  centre("fuan", "福安快处快赔服务中心", "Fu'an quick-claim centre", "350981", "宁德市福安市", 27.0888, 119.6479),
  centre("fuding", "福鼎快处快赔服务中心", "Fuding quick-claim centre", "350982", "宁德市福鼎市", 27.3243, 120.2164),
];

export const ningdeQuickClaimPolicy: QuickClaimPolicy = {
  regionCode: "350900",
  serviceCentres: ningdeServiceCentres.map((c) => ({ ...c, servesCounties: [...c.servesCounties] })),
  insurers: [
    { id: "picc-ningde", name: { zh: "人保财险宁德市分公司", en: "PICC P&C Ningde branch" } },
    { id: "pingan-ningde", name: { zh: "平安产险宁德中心支公司", en: "Ping An P&C Ningde branch" } },
  ],
  remoteLimits: [
    {
      from: PACK_START,
      value: { propertyCapFen: 200_000, injuryCapFen: 0, boundary: "below" },
      source: `${SEED}(二) "突破原有财损2000元快处的限制": before the reform only property-only cases below 2,000 yuan`,
    },
    {
      from: REFORM_DATE,
      value: { propertyCapFen: 500_000, injuryCapFen: 200_000, boundary: "below" },
      source: `${SEED}(二) "财损5000元以下、人伤2000元以下"; ${SPEC} QC-R01 ("below"); from-date (default)`,
    },
  ],
  maxParties: [{ from: PACK_START, value: 3, source: `${SPEC} QC-R01 (default)` }],
  photoSlots: [
    {
      from: PACK_START,
      value: [
        { id: "front", label: { zh: "车辆前方全景", en: "Front view with both vehicles" } },
        { id: "rear", label: { zh: "车辆后方全景", en: "Rear view" } },
        { id: "collision", label: { zh: "碰撞部位", en: "Collision point" } },
      ],
      source: `${SEED}(一) "三张照片"; ${SPEC} QC-R02`,
    },
  ],
  photoTimeToleranceMinutes: [{ from: PACK_START, value: 30, source: `${SPEC} QC-R02 (default)` }],
  photoDistanceToleranceMetres: [{ from: PACK_START, value: 500, source: `${SPEC} QC-R02 (default)` }],
  photoContentTypes: [
    { from: PACK_START, value: ["image/jpeg", "image/png", "image/heic"], source: `${SPEC} QC-R02 (default)` },
  ],
  photoMaxBytes: [{ from: PACK_START, value: 10 * 1024 * 1024, source: `${SPEC} QC-R02 (default) 10 MiB` }],
  liabilityShares: [
    {
      from: PACK_START,
      value: { soleFault: { atFault: 10_000 }, mainSecondary: { main: 7_000, secondary: 3_000 } },
      source: `${SPEC} QC-R03 (sole fault 100 %, main/secondary 70/30)`,
    },
  ],
  compulsoryLimits: [
    {
      from: "2008-02-01",
      value: {
        liable: { propertyFen: 200_000, medicalFen: 1_000_000 },
        notLiable: { propertyFen: 10_000, medicalFen: 100_000 },
      },
      source: "中国保监会 交强险责任限额调整 (2008-02-01 起): 财产 2,000 / 医疗 10,000; 无责 100 / 1,000",
    },
    {
      from: "2020-09-19",
      value: {
        liable: { propertyFen: 200_000, medicalFen: 1_800_000 },
        notLiable: { propertyFen: 10_000, medicalFen: 180_000 },
      },
      source: `银保监发〔2020〕41号 车险综合改革 (2020-09-19 起); ${SPEC} QC-R05`,
    },
  ],
  mutualSelfCompensation: [
    {
      from: "2009-02-01",
      value: { enabled: true, vehicleLossLimitFen: 200_000 },
      source: `中国保险行业协会《交强险财产损失"互碰自赔"处理办法》; ${SPEC} QC-R06 (within 2,000 yuan)`,
    },
  ],
  paymentLeaseSeconds: [{ from: PACK_START, value: 60, source: `${SPEC} QC-R07 (default)` }],
  videoSearch: [
    {
      from: PACK_START,
      value: { minutesBefore: 10, minutesAfter: 10, radiusMetres: 300 },
      source: `${SEED}(一) 视频监控系统 实时调查事故现场视频; window (default)`,
    },
  ],
  letterNumberPrefix: [{ from: PACK_START, value: "宁公交快", source: `${SPEC} determination letter (default)` }],
};

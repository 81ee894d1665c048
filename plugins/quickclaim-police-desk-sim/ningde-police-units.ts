import type { PoliceUnit } from "./simulated-police-desk.ts";

/**
 * Default roster of the simulator: the traffic police brigades of 宁德's counties. Names are
 * the public unit names; the officers are invented (demo data).
 */
export const ningdePoliceUnits: readonly PoliceUnit[] = [
  {
    id: "ningde-traffic-police",
    name: "宁德市公安局交通警察支队",
    officers: [
      { name: "林警官", badgeNo: "350900-0101" },
      { name: "黄警官", badgeNo: "350900-0102" },
    ],
  },
  {
    id: "fuding-traffic-police",
    name: "福鼎市公安局交通警察大队",
    officers: [
      { name: "郑警官", badgeNo: "350982-0123" },
      { name: "蔡警官", badgeNo: "350982-0124" },
    ],
  },
  {
    id: "fuan-traffic-police",
    name: "福安市公安局交通警察大队",
    officers: [{ name: "刘警官", badgeNo: "350981-0201" }],
  },
  {
    id: "xiapu-traffic-police",
    name: "霞浦县公安局交通警察大队",
    officers: [{ name: "陈警官", badgeNo: "350921-0301" }],
  },
  {
    id: "jiaocheng-traffic-police",
    name: "宁德市公安局蕉城分局交通警察大队",
    officers: [{ name: "吴警官", badgeNo: "350902-0401" }],
  },
];

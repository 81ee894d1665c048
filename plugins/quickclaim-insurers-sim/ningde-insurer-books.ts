import type { InsurerBook } from "./simulated-insurer.ts";

/**
 * Default books of the two simulated Ningde insurers (ids as in the Ningde quickclaim pack).
 * The known vehicles are the demo story's: 陈姐's car with PICC, 吴建国's delivery van with Ping An.
 */
export const ningdeInsurerBooks: readonly InsurerBook[] = [
  {
    id: "picc-ningde",
    name: "人保财险宁德市分公司",
    vehicles: [
      {
        plate: "闽J·8K627",
        compulsoryPolicyNo: "PDZA2026350900001111",
        commercialPolicyNo: "PDAA2026350900001112",
        commercialLimitFen: 100_000_000,
      },
    ],
    acceptDeclaredPolicies: true,
    declaredCommercialLimitFen: 100_000_000,
    declineAboveFen: null,
  },
  {
    id: "pingan-ningde",
    name: "平安产险宁德中心支公司",
    vehicles: [
      {
        plate: "闽J·D50213",
        compulsoryPolicyNo: "PDZA2026350900002221",
        commercialPolicyNo: "PDAA2026350900002222",
        commercialLimitFen: 200_000_000,
      },
    ],
    acceptDeclaredPolicies: true,
    declaredCommercialLimitFen: 100_000_000,
    declineAboveFen: null,
  },
];

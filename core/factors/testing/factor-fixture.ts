import type { Factor } from "../domain/factor.ts";

/** A factor for tests: an ACTIVE fish raft of 林阿伯 in 福安 unless overridden. */
export function aFactor(overrides: Partial<Factor> = {}): Factor {
  return {
    id: "fac-1",
    regionCode: "350900",
    countyCode: "350981",
    typeCode: "A04",
    category: "A",
    status: "ACTIVE",
    holder: { kind: "person", ref: "ref:lin", idEncrypted: "enc:lin", name: "林阿伯" },
    registrantRef: "subject:lin",
    registrantInstitutionId: null,
    institutionIds: [],
    title: "插秧机",
    location: "福安市下白石镇",
    quantity: { milli: 1000, unit: "台" },
    certificateNo: "NJ-001",
    registryRecordNo: "REC-001",
    siteRef: null,
    bundleId: null,
    termEndsOn: null,
    evidence: [],
    offPlatformClaims: [],
    noticeClosesOn: null,
    lease: null,
    pendingHolder: null,
    createdAt: "2026-03-01T02:00:00.000Z",
    updatedAt: "2026-03-01T02:00:00.000Z",
    version: 1,
    ...overrides,
  };
}

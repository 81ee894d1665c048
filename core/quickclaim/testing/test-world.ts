import type { Principal } from "../../kernel/mod.ts";
import type { QuickClaimPolicy } from "../policy.ts";
import { ningdeQuickClaimPolicy } from "../policy-defaults.ts";
import type { QuickClaimDeps } from "../use-cases/deps.ts";
import {
  FakeInsurer,
  FakePaymentGateway,
  FakePoliceDesk,
  FakeTrafficVideo,
  MemoryPhotoStore,
  RecordingNotifier,
  SequentialIds,
  TestBlindIndexer,
  TestClock,
  TestHasher,
} from "./fakes.ts";
import { InMemoryQuickClaimStore } from "./in-memory-store.ts";

/**
 * The demo story's quick claim (spec 90-demo-story.md): 陈姐, homestay owner in 福鼎, is
 * rear-ended by a delivery van driven by 吴建国 near 太姥山. Identities pass their check digits.
 */
export const CHEN = {
  name: "陈丽华",
  residentId: "350982197509082025",
  mobile: "13905931234",
  plate: "闽J·8K627",
  card: "6222021234567890128",
  insurerId: "picc-ningde",
} as const;
export const WU = {
  name: "吴建国",
  residentId: "350982199001012017",
  mobile: "13805936789",
  plate: "闽J·D50213",
  card: "6217009876543210981",
  insurerId: "pingan-ningde",
} as const;
export const FUDING_POINT = { lat: 27.0931, lng: 120.2014 };
export const ACCIDENT_AT = "2026-03-01T05:40:00.000Z"; // 13:40 in 福鼎
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

/** Everything a use-case test needs: deps wired to fakes, the fakes themselves and principals. */
export interface TestWorld {
  readonly deps: QuickClaimDeps;
  readonly store: InMemoryQuickClaimStore;
  readonly clock: TestClock;
  readonly gateway: FakePaymentGateway;
  readonly insurer: FakeInsurer;
  readonly police: FakePoliceDesk;
  readonly video: FakeTrafficVideo;
  readonly photos: MemoryPhotoStore;
  readonly notifier: RecordingNotifier;
  /** A citizen signed in with `mobile`; a demo person (陈丽华, 吴建国) has done 实名认证 (KRN-R06) on it. */
  citizen(mobile: string): Principal;
  readonly officer: Principal;
  readonly clerk: Principal;
  adjuster(insurerId: string): Principal;
  readonly regulator: Principal;
  readonly system: Principal;
}

export function createTestWorld(policy: QuickClaimPolicy = ningdeQuickClaimPolicy): TestWorld {
  const store = new InMemoryQuickClaimStore();
  const clock = new TestClock("2026-03-01T05:45:00.000Z");
  const gateway = new FakePaymentGateway();
  const insurer = new FakeInsurer();
  const police = new FakePoliceDesk();
  const video = new FakeTrafficVideo();
  const photos = new MemoryPhotoStore();
  const notifier = new RecordingNotifier();
  const blindIndex = new TestBlindIndexer();
  police.officers.set("police:fd-01", {
    id: "fd-01",
    name: "郑警官",
    badgeNo: "350982-0123",
    unit: "福鼎市公安局交警大队",
  });
  insurer.covers.set("闽J8K627", {
    compulsory: { insurerId: CHEN.insurerId, policyNo: "PDZA2026350900001111" },
    commercialThirdParty: { insurerId: CHEN.insurerId, policyNo: "PDAA2026350900001112", limitFen: 100_000_000 },
  });
  insurer.covers.set("闽JD50213", {
    compulsory: { insurerId: WU.insurerId, policyNo: "PDZA2026350900002221" },
    commercialThirdParty: { insurerId: WU.insurerId, policyNo: "PDAA2026350900002222", limitFen: 200_000_000 },
  });
  const deps: QuickClaimDeps = {
    uow: store,
    queries: store,
    clock,
    ids: new SequentialIds(),
    hasher: new TestHasher(),
    blindIndex,
    policy,
    photos,
    police,
    video,
    insurer,
    payments: gateway,
    notifier,
  };
  return {
    deps,
    store,
    clock,
    gateway,
    insurer,
    police,
    video,
    photos,
    notifier,
    citizen: (mobile) => ({
      id: `citizen:${mobile}`,
      roles: ["citizen"],
      regionCodes: [],
      subjectRef: blindIndex.index("mobile", mobile),
      identities: [CHEN, WU]
        .filter((d) => d.mobile === mobile)
        .map((d) => blindIndex.index("resident-id", d.residentId)),
    }),
    officer: { id: "police:fd-01", roles: ["police"], regionCodes: ["350982"] },
    clerk: { id: "clerk:fd-07", roles: ["clerk"], regionCodes: ["350982"] },
    adjuster: (insurerId) => ({
      id: `adjuster:${insurerId}`,
      roles: ["adjuster"],
      institutionId: insurerId,
      regionCodes: ["350900"],
    }),
    regulator: { id: "regulator:nd", roles: ["regulator"], regionCodes: ["350900"] },
    system: { id: "system", roles: ["platform_admin"], regionCodes: ["350900"] },
  };
}

import type { Principal } from "../../kernel/mod.ts";
import type { MarketplacePolicy } from "../policy.ts";
import { marketplacePolicyDefaults } from "../policy-defaults.ts";
import type { MarketplaceDeps } from "../use-cases/deps.ts";
import { calendar2026 } from "./calendar-2026.ts";
import {
  FakeApplyCodeSigner,
  FakeBlindIndexer,
  FakeCipher,
  FakeHasher,
  FixedClock,
  SequenceIds,
} from "./fake-adapters.ts";
import { FakeCreditDataSource, FakeLenderGateway, FakeRealEstateRegistry } from "./fake-outside-systems.ts";
import { FakeTimer } from "./fake-timer.ts";
import { InMemoryMarketplaceStore } from "./in-memory-store.ts";
import { institutions, products } from "./test-catalogue.ts";

/** A ready 龙岩 marketplace for use-case tests: fakes wired, catalogue loaded, people to act. */
export interface TestWorld {
  readonly deps: MarketplaceDeps;
  readonly store: InMemoryMarketplaceStore;
  readonly clock: FixedClock;
  /** Budgets run out only when a test advances it (it moves the clock along). */
  readonly timer: FakeTimer;
  readonly creditData: FakeCreditDataSource;
  readonly lenders: FakeLenderGateway;
  readonly registry: FakeRealEstateRegistry;
  readonly signer: FakeApplyCodeSigner;
  readonly cipher: FakeCipher;
  readonly blindIndex: FakeBlindIndexer;
}

const REGION = "350800";

/** The demo people (spec 90-demo-story.md). */
export const people = {
  /** 张师傅, shop owner in 新罗. */
  zhang: { idKind: "resident-id", idNumber: "350802198801153019", name: "张师傅", mobile: "13859012345" },
  zhangShop: { idKind: "uscc", idNumber: "92350802MA31XK5R2X", name: "新罗区张师傅便利店", mobile: "13859012345" },
  /** 龙岩闽西茶业有限公司. */
  teaCo: { idKind: "uscc", idNumber: "91350800MA2YQ3LF3C", name: "龙岩闽西茶业有限公司", mobile: "13906901234" },
} as const;

/** The blind indexes of IDs a citizen proved (实名认证), as the world's indexer makes them. */
export const proved = (...ids: readonly { readonly idKind: string; readonly idNumber: string }[]) =>
  ids.map((id) => new FakeBlindIndexer().index(id.idKind, id.idNumber)).sort();

export const principals = {
  /** 张师傅 has proved himself and his shop. */
  zhang: {
    id: "citizen:zhang",
    roles: ["citizen"],
    regionCodes: [REGION],
    subjectRef: "acct_zhang",
    identities: proved(people.zhang, people.zhangShop),
  },
  teaCo: {
    id: "citizen:teaco",
    roles: ["citizen"],
    regionCodes: [REGION],
    subjectRef: "acct_teaco",
    identities: proved(people.teaCo),
  },
  /** A signed-in citizen who has proved no ID. */
  stranger: { id: "citizen:stranger", roles: ["citizen"], regionCodes: [REGION], subjectRef: "acct_stranger" },
  ccbStaff: { id: "inst:ccb/u1", roles: ["institution_staff"], institutionId: "inst_ccb", regionCodes: [REGION] },
  ccbAdmin: { id: "inst:ccb/admin", roles: ["institution_admin"], institutionId: "inst_ccb", regionCodes: [REGION] },
  cibStaff: { id: "inst:cib/u1", roles: ["institution_staff"], institutionId: "inst_cib", regionCodes: [REGION] },
  lyrcbStaff: { id: "inst:lyrcb/u1", roles: ["institution_staff"], institutionId: "inst_lyrcb", regionCodes: [REGION] },
  regulator: { id: "reg:longyan", roles: ["regulator"], regionCodes: [REGION] },
  ningdeRegulator: { id: "reg:ningde", roles: ["regulator"], regionCodes: ["350900"] },
  admin: { id: "admin:1", roles: ["platform_admin"], regionCodes: [REGION] },
} satisfies Record<string, Principal>;

export async function createTestWorld(
  options: { readonly now?: string; readonly policy?: MarketplacePolicy; readonly catalogue?: boolean } = {},
): Promise<TestWorld> {
  const store = new InMemoryMarketplaceStore();
  const clock = new FixedClock(options.now ?? "2026-03-02T02:00:00Z"); // Monday 10:00 in 龙岩
  const timer = new FakeTimer(clock);
  const creditData = new FakeCreditDataSource();
  const lenders = new FakeLenderGateway();
  const registry = new FakeRealEstateRegistry();
  const signer = new FakeApplyCodeSigner();
  const cipher = new FakeCipher();
  const blindIndex = new FakeBlindIndexer();
  const deps: MarketplaceDeps = {
    regionCode: REGION,
    policy: options.policy ?? marketplacePolicyDefaults,
    calendar: calendar2026,
    uow: store,
    queries: store,
    clock,
    timer,
    ids: new SequenceIds(),
    hasher: new FakeHasher(),
    cipher,
    blindIndex,
    creditData,
    lenders,
    registry,
    applyCodeSigner: signer,
  };
  if (options.catalogue !== false) {
    await store.run(async (tx) => {
      for (const i of Object.values(institutions)) await tx.institutions.insert(i);
      for (const p of Object.values(products)) await tx.products.insert(p);
    });
  }
  return { deps, store, clock, timer, creditData, lenders, registry, signer, cipher, blindIndex };
}

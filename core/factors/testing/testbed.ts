import type { Principal } from "../../kernel/mod.ts";
import type { FactorsPolicy } from "../policy.ts";
import { ningdeFactorsPolicy } from "../policy-defaults.ts";
import type { FactorsDeps } from "../use-cases/support/deps.ts";
import {
  FakeAppraiser,
  FakeCollectionCompany,
  FakeRegistry,
  FixedClock,
  fakeBlindIndex,
  fakeCipher,
  SequenceIds,
} from "./fakes.ts";
import { InMemoryFactorsStore } from "./in-memory-factors.ts";
import { InMemoryQueries } from "./in-memory-queries.ts";
import { InMemoryStatistics } from "./in-memory-statistics.ts";

export const demoIds = {
  lin: "350981196803121039",
  huang: "350921198204205030",
  chen: "350982197509082025",
  linCooperative: "93350981MA2Y0T8Q11",
} as const;

/** The blind indexes of the IDs a citizen has proved by 实名认证 (KRN-R06), as the test indexer makes them. */
const proved = (...ids: { readonly kind: "resident-id" | "uscc"; readonly id: string }[]): string[] =>
  ids.map((x) => fakeBlindIndex.index(x.kind, x.id));

/** The synthetic people of spec 90-demo-story.md, as principals. */
export const demoPrincipals = {
  lin: {
    id: "citizen:lin",
    roles: ["citizen"],
    regionCodes: ["350900"],
    subjectRef: "subject:lin",
    // 林阿伯 and the cooperative he represents
    identities: proved({ kind: "resident-id", id: demoIds.lin }, { kind: "uscc", id: demoIds.linCooperative }),
  },
  huang: {
    id: "citizen:huang",
    roles: ["citizen"],
    regionCodes: ["350900"],
    subjectRef: "subject:huang",
    identities: proved({ kind: "resident-id", id: demoIds.huang }),
  },
  chen: {
    id: "citizen:chen",
    roles: ["citizen"],
    regionCodes: ["350900"],
    subjectRef: "subject:chen",
    identities: proved({ kind: "resident-id", id: demoIds.chen }),
  },
  buyer: { id: "citizen:buyer", roles: ["citizen"], regionCodes: ["350900"], subjectRef: "subject:buyer" },
  ruralBank: {
    id: "inst:nd-rural-bank/u1",
    roles: ["institution_staff"],
    institutionId: "nd-rural-bank",
    regionCodes: ["350900"],
  },
  ruralBankAdmin: {
    id: "inst:nd-rural-bank/admin",
    roles: ["institution_admin"],
    institutionId: "nd-rural-bank",
    regionCodes: ["350900"],
  },
  postalBank: {
    id: "inst:nd-postal-bank/u1",
    roles: ["institution_staff"],
    institutionId: "nd-postal-bank",
    regionCodes: ["350900"],
  },
  regulator: { id: "reg:ningde", roles: ["regulator"], regionCodes: ["350900"] },
  fuanOfficial: { id: "reg:fuan", roles: ["regulator"], regionCodes: ["350981"] },
  admin: { id: "admin:1", roles: ["platform_admin"], regionCodes: ["350900"] },
} satisfies Record<string, Principal>;

export interface FactorsTestbed {
  readonly deps: FactorsDeps;
  readonly store: InMemoryFactorsStore;
  readonly clock: FixedClock;
  readonly registry: FakeRegistry;
  readonly appraiser: FakeAppraiser;
  readonly collection: FakeCollectionCompany;
  /** A JSON snapshot of everything stored, to show a refused call wrote nothing. */
  snapshot(): string;
}

/** Use cases wired to in-memory fakes over the Ningde default pack (or another pack). */
export function factorsTestbed(
  now = "2026-03-02T02:00:00.000Z",
  policy: FactorsPolicy = ningdeFactorsPolicy,
): FactorsTestbed {
  const store = new InMemoryFactorsStore();
  const clock = new FixedClock(now);
  const registry = new FakeRegistry();
  const appraiser = new FakeAppraiser();
  const collection = new FakeCollectionCompany();
  const deps: FactorsDeps = {
    regionCode: "350900",
    uow: store,
    clock,
    ids: new SequenceIds(),
    policyFor: () => policy,
    blindIndex: fakeBlindIndex,
    cipher: fakeCipher,
    registry,
    appraiser,
    collection,
    statistics: new InMemoryStatistics(() => store.state),
    queries: new InMemoryQueries(() => store.state),
  };
  const snapshot = () => JSON.stringify(store.state, (_k, v) => (v instanceof Map ? [...v.entries()] : v));
  return { deps, store, clock, registry, appraiser, collection, snapshot };
}

import { KyselyFactorsQueries } from "../../../adapters/factors/kysely-queries.ts";
import { KyselyFactorsStatistics } from "../../../adapters/factors/kysely-statistics.ts";
import { KyselyFactorsUnitOfWork } from "../../../adapters/factors/kysely-unit-of-work.ts";
import { RandomIds } from "../../../adapters/platform/random-ids.ts";
import { type FactorsTestbed, factorsTestbed } from "../../../core/factors/testing/mod.ts";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.ts";

/**
 * The core's testbed (fakes for the outside systems, a fixed clock, sequence ids) with the
 * persistence swapped for the kysely adapters on a real database: the same scenario run on both
 * must give the same answers. Outbox event ids come from their own generator, so the business
 * ids stay in step with the in-memory run.
 */
export async function kyselyTestbed(now?: string): Promise<FactorsTestbed & { readonly database: TestDatabase }> {
  const database = await createTestDatabase();
  const tb = factorsTestbed(now);
  const deps = {
    ...tb.deps,
    uow: new KyselyFactorsUnitOfWork(database.db, { clock: tb.clock, ids: new RandomIds(tb.clock) }),
    statistics: new KyselyFactorsStatistics(database.db),
    queries: new KyselyFactorsQueries(database.db),
  };
  return { ...tb, deps, database };
}

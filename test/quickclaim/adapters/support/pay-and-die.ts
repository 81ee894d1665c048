/**
 * Child process of the crash test (payout-crash.test.ts): opens the test's Postgres database and
 * data folder, starts paying one claim with the real use case and plugins, and stops dead at the
 * step named by QC_KILL_AT — "reserved" (the payment record is committed, the order not yet
 * sent) or "executed" (the simulated bank executed the order, its answer not yet recorded) —
 * printing "STEP <name>" so that the parent can SIGKILL it there.
 */

import { createDatabase } from "../../../../adapters/db/create-database.ts";
import { FixedClock } from "../../../../adapters/platform/fixed-clock.ts";
import { type PaymentGateway, payClaim } from "../../../../core/quickclaim/mod.ts";
import { createQuickClaimTestPlatform } from "./quickclaim-platform.ts";

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};

const killAt = env("QC_KILL_AT");
const database = await createDatabase({ url: env("QC_DATABASE_URL"), maxConnections: 2 });
const t = await createQuickClaimTestPlatform({
  database: { ...database, label: "child" },
  dataDir: env("QC_DATA_DIR"),
  clock: new FixedClock(env("QC_NOW")),
});
const hang = (step: string) =>
  new Promise<never>(() => {
    process.stdout.write(`STEP ${step}\n`);
  });
const real = t.deps.payments;
const dying: PaymentGateway = {
  async pay(order) {
    if (killAt === "reserved") return hang("reserved");
    await real.pay(order);
    return hang("executed");
  },
  status: (requestId) => real.status(requestId),
};
await payClaim({ ...t.deps, payments: dying }, { claimId: env("QC_CLAIM_ID") }, t.citizen(env("QC_MOBILE")));
process.stdout.write("STEP finished\n");

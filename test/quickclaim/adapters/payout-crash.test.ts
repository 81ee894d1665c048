import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../../core/kernel/mod.ts";
import { payClaim, reconcileStalePayments } from "../../../core/quickclaim/mod.ts";
import { CHEN, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { readPaymentLedger } from "../../../plugins/quickclaim-payment-sim/payment-ledger.ts";
import { driveOnPlatform } from "./support/drive.ts";
import { createQuickClaimTestPlatform, type QuickClaimTestPlatform } from "./support/quickclaim-platform.ts";

const url = process.env.DATABASE_URL;

/** Runs pay-and-die.ts in a child process and SIGKILLs it when it reports the step. */
async function payAndKill(t: QuickClaimTestPlatform, claimId: string, mobile: string, killAt: string): Promise<string> {
  const dbName = t.database.label.replace(/^postgres:/, "");
  const dbUrl = new URL(url as string);
  dbUrl.pathname = `/${dbName}`;
  const child = spawn(process.execPath, ["--import", "tsx", "test/quickclaim/adapters/support/pay-and-die.ts"], {
    env: {
      ...process.env,
      QC_DATABASE_URL: dbUrl.toString(),
      QC_DATA_DIR: t.dataDir,
      QC_NOW: t.clock.now().toISOString(),
      QC_CLAIM_ID: claimId,
      QC_MOBILE: mobile,
      QC_KILL_AT: killAt,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (b: Buffer) => {
    err += b.toString();
  });
  const step = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child never reached a step: ${out} ${err}`)), 60_000);
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /STEP (\w+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.kill("SIGKILL");
        resolve(m[1] as string);
      }
    });
    child.on("exit", (code) => reject(new Error(`child exited ${code} before the step: ${out} ${err}`)));
  });
  await new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
  expect(child.signalCode).toBe("SIGKILL");
  return step;
}

describe.skipIf(!url)(
  "QC-R07 a process killed between payout steps, then retried: exactly one payment (Postgres)",
  () => {
    let t: QuickClaimTestPlatform;
    beforeAll(async () => {
      t = await createQuickClaimTestPlatform();
    });
    afterAll(async () => {
      await t?.close();
    });

    const ledgerOf = (claimId: string) =>
      readPaymentLedger(`${t.dataDir}/simulators/payment-ledger/350900.jsonl`).filter(
        (e) => e.requestId.startsWith(`${claimId}.`) && e.outcome.status === "succeeded",
      );

    it.each([
      ["killed after the bank executed the order, before its answer was recorded", "executed", 1],
      ["killed after the payment record was committed, before the order was sent", "reserved", 0],
    ])("%s: the retry after the lease pays once in all", async (_title, killAt, movedBeforeRetry) => {
      const { claims } = await driveOnPlatform(t, "accepted");
      const claimId = claims.A as string;
      expect(await payAndKill(t, claimId, CHEN.mobile, killAt)).toBe(killAt);

      const stuck = await t.deps.uow.run(
        async (tx) => [await tx.claims.get(claimId), await tx.payments.getForClaim(claimId)] as const,
      );
      expect([stuck[0]?.status, stuck[1]?.state]).toEqual(["PAYING", "PENDING"]);
      expect(ledgerOf(claimId).length).toBe(movedBeforeRetry);

      // a click while the dead process's lease runs: "in progress", nothing sent
      const early = await payClaim(t.deps, { claimId }, t.citizen(CHEN.mobile)).catch((e: unknown) => e);
      expect(early).toBeInstanceOf(DomainError);
      expect((early as DomainError).kind).toBe("conflict");
      expect(ledgerOf(claimId).length).toBe(movedBeforeRetry);

      t.clock.advance(61_000); // the lease (60 s in the Ningde pack) runs out
      const result = await payClaim(t.deps, { claimId }, t.citizen(CHEN.mobile));
      expect([result.status, result.requestId, result.attemptState]).toEqual(["PAID", `${claimId}.p1`, "SUCCEEDED"]);
      const claim = await t.deps.uow.run((tx) => tx.claims.get(claimId));
      const paid = ledgerOf(claimId);
      expect(paid.length).toBe(1);
      expect(paid[0]?.amountFen).toBe(claim?.payoutFen);
      expect(claim?.paidFen).toBe(claim?.payoutFen);
    });

    it("a claim left behind by a killed process is finished by the reconciliation job, once", async () => {
      const { claims } = await driveOnPlatform(t, "accepted");
      const claimId = claims.B as string;
      expect(await payAndKill(t, claimId, WU.mobile, "executed")).toBe("executed");
      t.clock.advance(61_000);
      const done = await reconcileStalePayments(t.deps, 50, t.system);
      expect(done.find((r) => r.claimId === claimId)?.status).toBe("PAID");
      expect(await reconcileStalePayments(t.deps, 50, t.system)).toEqual([]);
      const claim = await t.deps.uow.run((tx) => tx.claims.get(claimId));
      expect(ledgerOf(claimId).map((e) => e.amountFen)).toEqual([claim?.payoutFen]);
      expect(claim?.paidFen).toBe(claim?.payoutFen);
    });
  },
);

import { sql } from "kysely";
import { Tokens } from "../../adapters/composition/tokens.ts";
import { marketplaceDeps } from "../../adapters/marketplace/marketplace-deps.ts";
import type { BlindIndexer, FieldCipher } from "../../core/kernel/mod.ts";
import {
  type Application,
  createMarketplaceUseCases,
  type DecisionContext,
  type LenderGateway,
  type PushContent,
  RequestInstantDecision,
} from "../../core/marketplace/mod.ts";
import { benchProductId } from "../seed-marketplace-bench.ts";
import { runPgbench } from "./marketplace-pgbench-run.ts";
import { pgbenchScript } from "./marketplace-pgbench-script.ts";
import type { MarketplaceScratch } from "./marketplace-scratch.ts";
import { capture, prepareWorkers, recordingDeps } from "./marketplace-write-path.ts";
import { percentile, type Row } from "./measure.ts";

/**
 * Issue 3: "Instant decision with a zero-latency simulated bank: platform-added p50/p99 at 200
 * req/s". Submitted direct-connect applications are decided by the real RequestInstantDecision
 * (request built from the push, the bank asked within the budget, the outcome written with its
 * audit entry and outbox event under the application's row lock). Requests start on a fixed
 * schedule (open loop: a slow answer does not delay the next start), each latency is measured
 * from its scheduled start, and the bank's own time is subtracted to give what the platform adds.
 */
const COLUMNS_BUT_ID = `region_code, product_id, institution_id, product_type, channel, special_actions, subject_ref,
  applicant_kind, applicant_index, applicant_cipher, applicant_name, contact_mobile_cipher, amount_requested, term_months,
  consent_id, push_id, source, apply_code_id, branch_id, manager_id, first_loan, submitted_at, submitted_on, contact_due_at,
  conclude_due_at, amount_disbursed, disbursed_at, reason, updated_at`;

let benchRuns = 0;

export async function instantDecisionRows(s: MarketplaceScratch, rate: number, seconds: number): Promise<Row[]> {
  const deps = marketplaceDeps(s.platform, "350800");
  const root = s.platform.container;
  const [worker] = await prepareWorkers(deps, root.resolve<BlindIndexer>(Tokens.BlindIndexer), 1, benchProductId(0));
  if (!worker) throw new Error("no bench worker");
  const submitted = await createMarketplaceUseCases(deps).submitApplication.execute(
    { ...worker.input, productId: benchProductId(0) },
    worker.principal,
  );
  const template = submitted.application.id;
  const n = rate * seconds;
  const db = s.platform.database.db;
  const prefix = `appi${(benchRuns++).toString(36)}_`;
  await sql
    .raw(`insert into marketplace.applications (id, state, fell_back_to_manual, ${COLUMNS_BUT_ID})
    select '${prefix}' || lpad(g::text, 6, '0'), 'SUBMITTED', false, ${COLUMNS_BUT_ID}
    from marketplace.applications, generate_series(1, ${n + 1}) as g where id = '${template}'`)
    .execute(db);

  const found = await deps.uow.run(async (tx) => {
    const app = await tx.applications.get(template);
    const product = app ? await tx.products.get(app.productId) : undefined;
    const push = app ? await tx.pushes.get(app.pushId) : undefined;
    return { app, product, push };
  });
  if (!found.app || !found.product || !found.push?.payloadCipher) throw new Error("bench template application missing");
  const content = JSON.parse(
    root.resolve<FieldCipher>(Tokens.FieldCipher).decrypt(found.push.payloadCipher),
  ) as PushContent;
  const base: Application = {
    ...found.app,
    state: "SUBMITTED",
    instantDecision: null,
    contactedAt: null,
    decidedAt: null,
    concludedAt: null,
    amountGranted: null,
    rateBp: null,
    grantedTermMonths: null,
    institutionReference: null,
    fellBackToManual: false,
  };
  const applicant = worker.input.applicant as { idKind: "uscc"; idNumber: string };
  const contexts: DecisionContext[] = Array.from({ length: n + 1 }, (_, i) => ({
    app: { ...base, id: `${prefix}${String(i + 1).padStart(6, "0")}` },
    product: found.product as NonNullable<typeof found.product>,
    push: found.push as NonNullable<typeof found.push>,
    content,
    applicant: { idKind: applicant.idKind, idNumber: applicant.idNumber },
  }));

  const bankMs = new Map<string, number>();
  const bank = deps.lenders;
  const timed: LenderGateway = {
    async requestDecision(request, options) {
      const t0 = performance.now();
      try {
        return await bank.requestDecision(request, options);
      } finally {
        bankMs.set(request.applicationId, performance.now() - t0);
      }
    },
  };
  const decider = new RequestInstantDecision({ ...deps, lenders: timed });
  const spare = contexts.pop() as DecisionContext; // its statements become the pgbench baseline

  // Warm-up outside the measured schedule: batches in parallel, so that every connection of the
  // pool is open and has its statements prepared before the first measured request.
  const warm = contexts.splice(0, Math.min(120, Math.floor(n / 5)));
  for (let i = 0; i < warm.length; i += 12) {
    await Promise.all(warm.slice(i, i + 12).map((ctx) => decider.decide(ctx, "system")));
  }

  const interval = 1000 / rate;
  const settle = Math.min(contexts.length - 1, rate * 2); // the first two seconds of the schedule are not counted
  const start = performance.now() + 20;
  const added: number[] = [];
  const total: number[] = [];
  const own: number[] = [];
  const runs: Promise<void>[] = [];
  for (let i = 0; i < contexts.length; i++) {
    const at = start + i * interval;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const ctx = contexts[i] as DecisionContext;
    runs.push(
      decider.decide(ctx, "system").then((app) => {
        if (app.state !== "APPROVED" && app.state !== "REJECTED" && app.instantDecision?.outcome !== "referred") {
          throw new Error(`application ${app.id} was not decided: ${app.instantDecision?.outcome}`);
        }
        if (i < settle) return;
        const ms = performance.now() - at;
        const b = bankMs.get(ctx.app.id) ?? 0;
        total.push(ms);
        own.push(b);
        added.push(ms - b);
      }),
    );
  }
  await Promise.all(runs);
  const elapsed = (performance.now() - start) / 1000;
  const measured = contexts.length - settle;

  // Baseline: the same statements one decision sends, by pgbench at the same rate and
  // concurrency, each on a random one of the applications above.
  const rec = recordingDeps(s, deps);
  const steps = await capture(s, () =>
    new RequestInstantDecision({ ...rec.deps, lenders: bank }).decide(spare, "system"),
  );
  const script = pgbenchScript(steps, {
    mintedIds: rec.minted,
    consentId: "-",
    consentPrefix: "-",
    substitutions: new Map([[spare.app.id, `('${prefix}' || lpad(:k::text, 6, '0'))`]]),
    preamble: [`\\set k random(1, ${n})`],
  });
  const pg = runPgbench(s.url, script, {
    clients: 8,
    seconds: Math.max(2, Math.round(contexts.length / rate)),
    settleSeconds: 2,
    rate,
  }).latenciesMs;
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const [a, t, b] = [sorted(added), sorted(total), sorted(own)];
  return [
    {
      section: "marketplace",
      measure: `instant decision (MKT-R06), zero-latency simulated bank, ${rate} req/s open loop, ${measured} decisions after ${settle} to settle`,
      value: `platform-added p50 ${percentile(a, 50).toFixed(1)} ms p90 ${percentile(a, 90).toFixed(1)} ms p99 ${percentile(a, 99).toFixed(1)} ms (total p99 ${percentile(t, 99).toFixed(1)} ms)`,
      baseline: `pgbench, same statements at ${rate}/s: p50 ${percentile(pg, 50).toFixed(1)} ms p90 ${percentile(pg, 90).toFixed(1)} ms p99 ${percentile(pg, 99).toFixed(1)} ms (bank's own p99 ${percentile(b, 99).toFixed(2)} ms; ${(contexts.length / elapsed).toFixed(0)} req/s achieved)`,
      ratio: `p99 ${(percentile(a, 99) - percentile(pg, 99)).toFixed(1)} ms above the database's own`,
      goal: "p99 < 20 ms",
    },
  ];
}

import { sql } from "kysely";
import { Tokens } from "../../adapters/composition/tokens.ts";
import { syntheticUscc } from "../../adapters/marketplace/demo/synthetic-identities.ts";
import { KyselyMarketplaceUnitOfWork } from "../../adapters/marketplace/kysely-unit-of-work.ts";
import { marketplaceDeps } from "../../adapters/marketplace/marketplace-deps.ts";
import type { BlindIndexer, FieldCipher, Hasher, IdGenerator, Principal } from "../../core/kernel/mod.ts";
import {
  createMarketplaceUseCases,
  type MarketplaceDeps,
  RequestInstantDecision,
  SubmitApplication,
} from "../../core/marketplace/mod.ts";
import { benchProductId } from "../seed-marketplace-bench.ts";
import { bareDriverReplay } from "./bare-driver-replay.ts";
import { runPgbench } from "./marketplace-pgbench-run.ts";
import { type CapturedStep, pgbenchScript } from "./marketplace-pgbench-script.ts";
import type { MarketplaceScratch } from "./marketplace-scratch.ts";
import { prepareWriteTx, type WriteTx } from "./marketplace-write-tx.ts";
import { fmtRatio, type Row } from "./measure.ts";

/**
 * Issue 3: "Submit-application write path (consent check + push log + audit + outbox in one
 * transaction) against a pgbench script running the same statements at the same concurrency".
 * Each of C workers submits applications for a manual product under its own consent, through
 * the real use case (validation, live data fetch from the zero-latency simulator, minimisation,
 * content hash, encryption, the transaction). The statements of one submission are captured and
 * replayed by pgbench with C clients on the same database.
 */
export interface Worker {
  readonly principal: Principal;
  readonly input: Record<string, unknown>;
}

export async function prepareWorkers(
  deps: MarketplaceDeps,
  blind: BlindIndexer,
  count: number,
  productId: string,
): Promise<Worker[]> {
  const uc = createMarketplaceUseCases(deps);
  const workers: Worker[] = [];
  for (let k = 0; k < count; k++) {
    const mobile = `1380000${String(k).padStart(4, "0")}`;
    const subject = {
      idKind: "uscc" as const,
      idNumber: syntheticUscc(`91350800MA${String(4_000_000 + k).slice(0, 7)}`),
    };
    // The citizen has proved the enterprise's ID on the account (实名认证), as a consent needs.
    const principal: Principal = {
      id: `citizen:bench-${k}`,
      roles: ["citizen"],
      regionCodes: [deps.regionCode],
      subjectRef: blind.index("mobile", mobile),
      identities: [blind.index(subject.idKind, subject.idNumber)],
    };
    const consent = await uc.grantConsent.execute({ productId, subject, categories: ["tax.paid"] }, principal);
    workers.push({
      principal,
      input: {
        productId,
        consentId: consent.id,
        applicant: { ...subject, name: `基准申请人${k}` },
        contactMobile: mobile,
        amount: 5_000_000,
        termMonths: 12,
      },
    });
  }
  return workers;
}

/** Runs `work` in `workers` parallel loops for `ms`; returns completions per second. */
async function loops(count: number, ms: number, work: (k: number) => Promise<unknown>): Promise<number> {
  const end = performance.now() + ms;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, k) => {
      while (performance.now() < end) {
        await work(k);
        done++;
      }
    }),
  );
  return (done * 1000) / (performance.now() - started);
}

/** A copy of the region's deps whose ids are recorded, for capturing one call's statements. */
export function recordingDeps(
  s: MarketplaceScratch,
  deps: MarketplaceDeps,
): { deps: MarketplaceDeps; minted: string[] } {
  const root = s.platform.container;
  const minted: string[] = [];
  const ids: IdGenerator = {
    next: (prefix) => {
      const id = s.platform.ids.next(prefix);
      minted.push(id);
      return id;
    },
  };
  const uow = new KyselyMarketplaceUnitOfWork(s.platform.database.db, {
    clock: s.platform.clock,
    ids,
    cipher: root.resolve<FieldCipher>(Tokens.FieldCipher),
    hasher: root.resolve<Hasher>(Tokens.Hasher),
  });
  return { deps: { ...deps, ids, uow }, minted };
}

/** The statements `call` sends (Kysely reports the transactions' begin and commit too). */
export async function capture(s: MarketplaceScratch, call: () => Promise<unknown>): Promise<CapturedStep[]> {
  const steps: CapturedStep[] = [];
  s.onQuery = (q) => steps.push({ kind: "query", ...q });
  try {
    await call();
  } finally {
    s.onQuery = undefined;
  }
  return steps;
}

function describe(steps: readonly CapturedStep[]): string {
  const queries = steps.filter((x) => x.kind === "query");
  const statements = queries.filter((x) => !/^(begin|commit)/i.test(x.sql)).length;
  const transactions = queries.filter((x) => /^begin/i.test(x.sql)).length;
  return `${statements} statements in ${transactions} transaction${transactions === 1 ? "" : "s"}`;
}

async function compare(
  s: MarketplaceScratch,
  measure: string,
  clients: number,
  seconds: number,
  steps: CapturedStep[],
  minted: string[],
  consentId: string,
  work: (k: number) => Promise<unknown>,
): Promise<Row[]> {
  const script = pgbenchScript(steps, { mintedIds: minted, consentId, consentPrefix: "cns_pgb_" });
  const checkpoint = () => sql`checkpoint`.execute(s.platform.database.db).catch(() => {});
  await loops(clients, 2000, work); // warm-up
  runPgbench(s.url, script, { clients, seconds: 2 }); // warm-up
  await checkpoint();
  // Both sides in alternating slices, so a change in the machine's load (a shared machine) falls
  // on both alike rather than on whichever side happened to run at the time.
  const rounds = Math.max(1, Math.min(seconds, Number(process.env.MARKETPLACE_BENCH_ROUNDS ?? 3)));
  const slice = Math.max(1, Math.round(seconds / rounds)); // whole seconds (pgbench -T)
  let ours = 0;
  let baseline = 0;
  let bare = 0;
  let bareCpu = 0;
  for (let r = 0; r < rounds; r++) {
    ours += (await loops(clients, slice * 1000, work)) / rounds;
    baseline += runPgbench(s.url, script, { clients, seconds: slice }).tps / rounds;
    const replay = await bareDriverReplay(s.url, script, { clients, seconds: slice });
    bare += replay.tps / rounds;
    bareCpu += replay.cpuMicrosPerTx / rounds;
  }
  return [
    {
      section: "marketplace",
      measure: `${measure}, ${clients} concurrent (${describe(steps)})`,
      value: `${ours.toFixed(0)} /s`,
      baseline: `${baseline.toFixed(0)} /s pgbench, same statements, ${clients} clients`,
      ratio: fmtRatio(ours, baseline),
      goal: "≥ 70 %",
    },
    {
      section: "marketplace",
      measure: `  the driver's ceiling: that pgbench script replayed by bare postgres.js (no application code; ${bareCpu.toFixed(0)} µs Node CPU per tx)`,
      value: `${bare.toFixed(0)} /s`,
      baseline: `${baseline.toFixed(0)} /s pgbench`,
      ratio: fmtRatio(bare, baseline),
      goal: "(context)",
    },
    {
      section: "marketplace",
      measure: "  the same against that bare-driver replay (what the application itself costs)",
      value: `${ours.toFixed(0)} /s`,
      baseline: `${bare.toFixed(0)} /s bare postgres.js`,
      ratio: fmtRatio(ours, bare),
      goal: "(context)",
    },
  ];
}

export async function writePathRows(s: MarketplaceScratch, clients: number, seconds: number): Promise<Row[]> {
  const deps = marketplaceDeps(s.platform, "350800");
  const blind = s.platform.container.resolve<BlindIndexer>(Tokens.BlindIndexer);
  const workers = await prepareWorkers(deps, blind, clients, benchProductId(1));
  const first = workers[0] as Worker;
  const consentId = first.input.consentId as string;
  for (let k = 0; k < clients; k++) {
    await sql`insert into marketplace.consents (id, region_code, subject_ref, data_subject_kind, data_subject_index, data_subject_cipher,
        recipient_institution_id, purpose, categories, data_from, data_to, data_life_months, granted_at, expires_at, status, revoked_at)
      select ${`cns_pgb_${k}`}, region_code, subject_ref, data_subject_kind, data_subject_index, data_subject_cipher,
        recipient_institution_id, purpose, categories, data_from, data_to, data_life_months, granted_at, expires_at, status, revoked_at
      from marketplace.consents where id = ${consentId}`.execute(s.platform.database.db);
  }
  const rows: Row[] = [];

  // The write path: the submission's transaction.
  const tx = recordingDeps(s, deps);
  const captured = await prepareWriteTx(tx.deps, first);
  const txSteps = await capture(s, () => captured.run());
  const writeTxs = await Promise.all(workers.map((w) => prepareWriteTx(deps, w)));
  rows.push(
    ...(await compare(
      s,
      "submit write path (consent under lock, push log, application, audit, outbox)",
      clients,
      seconds,
      txSteps,
      tx.minted,
      consentId,
      (k) => (writeTxs[k] as WriteTx).run(),
    )),
  );

  // The whole use case: validation, live data fetch, first-loan check and the transaction.
  const uc = createMarketplaceUseCases(deps);
  const whole = recordingDeps(s, deps);
  const steps = await capture(s, () =>
    new SubmitApplication(whole.deps, new RequestInstantDecision(whole.deps)).execute(first.input, first.principal),
  );
  rows.push(
    ...(await compare(
      s,
      "submit application use case end to end",
      clients,
      seconds,
      steps,
      whole.minted,
      consentId,
      (k) => uc.submitApplication.execute((workers[k] as Worker).input, (workers[k] as Worker).principal),
    )),
  );
  return rows;
}

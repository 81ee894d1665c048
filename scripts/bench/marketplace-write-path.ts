import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
import { type CapturedStep, pgbenchScript, pgbenchTps } from "./marketplace-pgbench-script.ts";
import type { MarketplaceScratch } from "./marketplace-scratch.ts";
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
    const principal: Principal = {
      id: `citizen:bench-${k}`,
      roles: ["citizen"],
      regionCodes: [deps.regionCode],
      subjectRef: blind.index("mobile", mobile),
    };
    const subject = {
      idKind: "uscc" as const,
      idNumber: syntheticUscc(`91350800MA${String(4_000_000 + k).slice(0, 7)}`),
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

/** The statements of one submission, with the ids it minted. */
async function capture(
  s: MarketplaceScratch,
  deps: MarketplaceDeps,
  worker: Worker,
): Promise<{ steps: CapturedStep[]; minted: string[] }> {
  const root = s.platform.container;
  const minted: string[] = [];
  const ids: IdGenerator = {
    next: (prefix) => {
      const id = s.platform.ids.next(prefix);
      minted.push(id);
      return id;
    },
  };
  const inner = new KyselyMarketplaceUnitOfWork(s.platform.database.db, {
    clock: s.platform.clock,
    ids,
    cipher: root.resolve<FieldCipher>(Tokens.FieldCipher),
    hasher: root.resolve<Hasher>(Tokens.Hasher),
  });
  // Kysely reports the transactions' own "begin" and "commit" as queries too.
  const steps: CapturedStep[] = [];
  const d: MarketplaceDeps = { ...deps, ids, uow: inner };
  s.onQuery = (q) => steps.push({ kind: "query", ...q });
  try {
    await new SubmitApplication(d, new RequestInstantDecision(d)).execute(worker.input, worker.principal);
  } finally {
    s.onQuery = undefined;
  }
  return { steps, minted };
}

function runPgbench(url: string, script: string, clients: number, seconds: number): number {
  const dir = mkdtempSync(join(tmpdir(), "mkt-pgbench-"));
  try {
    const file = join(dir, "submit.sql");
    writeFileSync(file, script);
    if (process.env.MARKETPLACE_BENCH_KEEP_SCRIPT) writeFileSync(process.env.MARKETPLACE_BENCH_KEEP_SCRIPT, script);
    const u = new URL(url);
    const args = ["-n", "-M", "prepared", "-c", String(clients), "-j", "2", "-T", String(seconds), "-f", file];
    args.push(
      "-h",
      u.hostname,
      "-p",
      u.port || "5432",
      "-U",
      decodeURIComponent(u.username || "postgres"),
      u.pathname.slice(1),
    );
    const env = { ...process.env, ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}) };
    const r = spawnSync("pgbench", args, { encoding: "utf8", env });
    if (r.status !== 0) throw new Error(`pgbench failed (${r.status}): ${r.stderr}\n${r.stdout}`);
    return pgbenchTps(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function writePathRows(s: MarketplaceScratch, clients: number, seconds: number): Promise<Row[]> {
  const deps = marketplaceDeps(s.platform, "350800");
  const blind = s.platform.container.resolve<BlindIndexer>(Tokens.BlindIndexer);
  const workers = await prepareWorkers(deps, blind, clients, benchProductId(1));
  const uc = createMarketplaceUseCases(deps);
  const submit = (k: number) =>
    uc.submitApplication.execute((workers[k] as Worker).input, (workers[k] as Worker).principal);

  const { steps, minted } = await capture(s, deps, workers[0] as Worker);
  const consentId = (workers[0] as Worker).input.consentId as string;
  for (let k = 0; k < clients; k++) {
    await sql`insert into marketplace.consents (id, region_code, subject_ref, data_subject_kind, data_subject_index, data_subject_cipher,
        recipient_institution_id, purpose, categories, data_from, data_to, data_life_months, granted_at, expires_at, status, revoked_at)
      select ${`cns_pgb_${k}`}, region_code, subject_ref, data_subject_kind, data_subject_index, data_subject_cipher,
        recipient_institution_id, purpose, categories, data_from, data_to, data_life_months, granted_at, expires_at, status, revoked_at
      from marketplace.consents where id = ${consentId}`.execute(s.platform.database.db);
  }
  const script = pgbenchScript(steps, { mintedIds: minted, consentId, consentPrefix: "cns_pgb_" });
  const statements = steps.filter((x) => x.kind === "query" && !/^(begin|commit)/i.test(x.sql)).length;
  const transactions = steps.filter((x) => x.kind === "query" && /^begin/i.test(x.sql)).length;

  await loops(clients, 2000, submit); // warm-up
  const ours = await loops(clients, seconds * 1000, submit);
  runPgbench(s.url, script, clients, 2); // warm-up
  const baseline = runPgbench(s.url, script, clients, seconds);
  return [
    {
      section: "marketplace",
      measure: `submit application, ${clients} concurrent (use case: ${statements} statements in ${transactions} transactions, audit + outbox)`,
      value: `${ours.toFixed(0)} submissions/s`,
      baseline: `${baseline.toFixed(0)} /s pgbench, same statements, ${clients} clients`,
      ratio: fmtRatio(ours, baseline),
      goal: "≥ 70 %",
    },
  ];
}

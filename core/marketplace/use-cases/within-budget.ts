import type { Timer } from "../marketplace.ports.ts";

/**
 * Runs `work` with a time budget (MKT-R06): the answer if it comes in time, "timeout" otherwise
 * (the deadline's signal is aborted so the adapter can stop), "failure" if it throws. Never
 * throws itself. The deadline comes from the Timer port: the core arms no timer of its own.
 */
export async function withinBudget<T>(
  timer: Timer,
  budgetMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<{ kind: "answer"; answer: T } | { kind: "timeout" } | { kind: "failure"; error: string }> {
  const deadline = timer.deadline(budgetMs);
  let started: Promise<T>;
  try {
    started = work(deadline.signal);
  } catch (e) {
    deadline.cancel();
    return { kind: "failure", error: describe(e) };
  }
  const answered = started.then(
    (answer) => ({ kind: "answer" as const, answer }),
    (e: unknown) => ({ kind: "failure" as const, error: describe(e) }),
  );
  const timeout = deadline.expired.then(() => ({ kind: "timeout" as const }));
  try {
    const outcome = await Promise.race([answered, timeout]);
    // A failure once the budget has run out is the adapter stopping because it was told to.
    return outcome.kind === "failure" && deadline.signal.aborted ? { kind: "timeout" } : outcome;
  } finally {
    deadline.cancel();
  }
}

function describe(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

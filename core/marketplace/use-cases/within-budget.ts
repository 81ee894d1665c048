/**
 * Runs `work` with a time budget (MKT-R06): the answer if it comes in time, "timeout" otherwise
 * (the signal is aborted so the adapter can stop), "failure" if it throws. Never throws itself.
 * Uses only the web-standard timer and AbortController, available on Node and Deno alike.
 */
export async function withinBudget<T>(
  budgetMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<{ kind: "answer"; answer: T } | { kind: "timeout" } | { kind: "failure"; error: string }> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ kind: "timeout" }>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ kind: "timeout" });
    }, budgetMs);
  });
  let started: Promise<T>;
  try {
    started = work(controller.signal);
  } catch (e) {
    clearTimeout(timer);
    return { kind: "failure", error: describe(e) };
  }
  const answered = started.then(
    (answer) => ({ kind: "answer" as const, answer }),
    (e: unknown) => ({ kind: "failure" as const, error: describe(e) }),
  );
  try {
    return await Promise.race([answered, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

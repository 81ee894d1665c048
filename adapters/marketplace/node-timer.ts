import type { Deadline, Timer } from "../../core/marketplace/mod.ts";

/**
 * The marketplace's Timer port on Node's timers (MKT-R06 time budgets): a deadline is a
 * setTimeout that aborts its AbortController and resolves `expired`; `cancel()` clears it, so a
 * budget that was met leaves no timer behind.
 */
export class NodeTimer implements Timer {
  deadline(ms: number): Deadline {
    const controller = new AbortController();
    let expire: () => void = () => {};
    const expired = new Promise<void>((resolve) => {
      expire = resolve;
    });
    const handle = setTimeout(
      () => {
        expire();
        controller.abort();
      },
      Math.max(0, ms),
    );
    return { signal: controller.signal, expired, cancel: () => clearTimeout(handle) };
  }
}

/** One shared instance: the timer holds no state. */
export const nodeTimer: Timer = new NodeTimer();

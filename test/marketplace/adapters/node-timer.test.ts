import { describe, expect, it } from "vitest";
import { NodeTimer } from "../../../adapters/marketplace/node-timer.ts";
import { withinBudget } from "../../../core/marketplace/mod.ts";

describe("MKT-R06 the Timer port on Node's timers", () => {
  it("a deadline expires after its time: expired resolves and the signal aborts", async () => {
    const d = new NodeTimer().deadline(20);
    expect(d.signal.aborted).toBe(false);
    await d.expired;
    expect(d.signal.aborted).toBe(true);
  });

  it("a cancelled deadline never fires", async () => {
    const d = new NodeTimer().deadline(10);
    d.cancel();
    const fired = await Promise.race([d.expired.then(() => true), new Promise((r) => setTimeout(() => r(false), 60))]);
    expect(fired).toBe(false);
    expect(d.signal.aborted).toBe(false);
  });

  it("withinBudget on Node's timers: a hanging call is a timeout after about the budget", async () => {
    const started = performance.now();
    const attempt = await withinBudget(new NodeTimer(), 50, () => new Promise(() => {}));
    expect(attempt).toEqual({ kind: "timeout" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });
});

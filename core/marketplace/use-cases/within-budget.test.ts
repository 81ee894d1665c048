import { describe, expect, it } from "vitest";
import { FakeTimer } from "../testing/fake-timer.ts";
import { withinBudget } from "./within-budget.ts";

describe("MKT-R06 the time budget of an instant decision", () => {
  it("an answer within the budget is returned, and the deadline is released", async () => {
    const timer = new FakeTimer();
    expect(await withinBudget(timer, 1000, async () => "ok")).toEqual({ kind: "answer", answer: "ok" });
    expect(timer.pending).toBe(0);
  });

  it("no answer within the budget is a timeout, and the adapter is told to stop", async () => {
    const timer = new FakeTimer();
    let aborted = false;
    const result = withinBudget(timer, 100, (signal) => {
      signal.addEventListener("abort", () => {
        aborted = true;
      });
      return new Promise(() => {});
    });
    await timer.armed();
    timer.advance(99);
    expect(aborted).toBe(false);
    timer.advance(1);
    expect(await result).toEqual({ kind: "timeout" });
    expect(aborted).toBe(true);
  });

  it("an answer that comes before the budget runs out wins, even if time moves on afterwards", async () => {
    const timer = new FakeTimer();
    let answer: (text: string) => void = () => {};
    const result = withinBudget(timer, 100, () => new Promise<string>((resolve) => (answer = resolve)));
    await timer.armed();
    timer.advance(60);
    answer("approved");
    expect(await result).toEqual({ kind: "answer", answer: "approved" });
    timer.advance(100);
    expect(timer.pending).toBe(0);
  });

  it.each([
    ["a rejected promise", () => Promise.reject(new Error("ECONNRESET")), "Error: ECONNRESET"],
    [
      "a synchronous throw",
      () => {
        throw new TypeError("bad config");
      },
      "TypeError: bad config",
    ],
  ])("%s is a failure, never an exception", async (_title, work, error) => {
    const timer = new FakeTimer();
    expect(await withinBudget(timer, 1000, work as () => Promise<unknown>)).toEqual({ kind: "failure", error });
    expect(timer.pending).toBe(0);
  });
});

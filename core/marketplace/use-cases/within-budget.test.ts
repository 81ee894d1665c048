import { describe, expect, it } from "vitest";
import { withinBudget } from "./within-budget.ts";

describe("MKT-R06 the time budget of an instant decision", () => {
  it("an answer within the budget is returned", async () => {
    expect(await withinBudget(1000, async () => "ok")).toEqual({ kind: "answer", answer: "ok" });
  });

  it("no answer within the budget is a timeout, and the adapter is told to stop", async () => {
    let aborted = false;
    const result = await withinBudget(100, (signal) => {
      signal.addEventListener("abort", () => {
        aborted = true;
      });
      return new Promise(() => {});
    });
    expect(result).toEqual({ kind: "timeout" });
    expect(aborted).toBe(true);
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
    expect(await withinBudget(1000, work as () => Promise<unknown>)).toEqual({ kind: "failure", error });
  });
});

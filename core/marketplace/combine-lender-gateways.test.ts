import { describe, expect, it } from "vitest";
import { combineLenderGateways } from "./combine-lender-gateways.ts";
import type { LenderDecisionRequest, LenderGateway } from "./marketplace.ports.ts";

/** A connection that answers with its own name as the reference, for the institutions it serves. */
function connection(name: string, served?: "*" | readonly string[]): LenderGateway {
  return {
    ...(served === undefined ? {} : { servedInstitutions: () => served }),
    requestDecision: (r) => Promise.resolve({ decision: "referred", reason: r.institutionId, reference: name }),
  };
}

const ask = (gateway: LenderGateway, institutionId: string) =>
  gateway
    .requestDecision({ institutionId } as LenderDecisionRequest, {
      signal: new AbortController().signal,
      budgetMs: 5000,
    })
    .then(
      (d) => (d.decision === "referred" ? d.reference : d.decision),
      (e: Error) => `failed: ${e.message}`,
    );

describe("MKT-R06 秒批直连 instant decisions with several connections in one region", () => {
  const https = connection("https", ["inst_ccb", "inst_abc"]);
  const sim = connection("sim", "*");

  it.each([
    ["建行 connected over HTTPS is asked over HTTPS", [https, sim], "inst_ccb", "https"],
    [
      "an institution the HTTPS plugin does not name goes to the simulator serving every other one",
      [https, sim],
      "inst_cib",
      "sim",
    ],
    ["the order the plugins are installed in does not matter", [sim, https], "inst_abc", "https"],
    [
      "with no connection serving the rest, an unnamed institution fails the call (the core falls back to the manual queue)",
      [https, connection("sim", ["inst_cib"])],
      "inst_lyrcb",
      "failed: institution inst_lyrcb has no direct connection in this region",
    ],
    ["a single connection is used as it is", [https], "inst_ccb", "https"],
  ])("%s", async (_title, gateways, institutionId, expected) => {
    const combined = combineLenderGateways(gateways.map((adapter, i) => ({ pluginId: `p${i}`, adapter })));
    expect(await ask(combined, institutionId)).toBe(expected);
  });

  it.each([
    [
      "an institution named by two plugins",
      [connection("a", ["inst_ccb"]), connection("b", ["inst_abc", "inst_ccb"])],
      "institution inst_ccb is served by both p0 and p1",
    ],
    [
      "two plugins that both serve every institution (a connection with no list serves every one)",
      [connection("a", "*"), connection("b")],
      "plugins p0 and p1 both decide for every institution",
    ],
  ])("refuses %s", (_title, gateways, message) => {
    expect(() => combineLenderGateways(gateways.map((adapter, i) => ({ pluginId: `p${i}`, adapter })))).toThrow(
      message,
    );
  });

  it("says which institutions it serves: every one when a plugin serves the rest, else the named ones", () => {
    const named = combineLenderGateways([
      { pluginId: "a", adapter: connection("a", ["inst_ccb"]) },
      { pluginId: "b", adapter: connection("b", ["inst_abc"]) },
    ]);
    expect(named.servedInstitutions?.()).toEqual(["inst_abc", "inst_ccb"]);
    const withRest = combineLenderGateways([
      { pluginId: "a", adapter: https },
      { pluginId: "b", adapter: sim },
    ]);
    expect(withRest.servedInstitutions?.()).toBe("*");
  });
});

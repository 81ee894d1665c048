import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../_framework/logger.ts";
import { manifest } from "./manifest.ts";
import { RoutingInsurer } from "./routing-insurer.ts";
import { SimulatedInsurer } from "./simulated-insurer.ts";

function insurers(change: Record<string, unknown> = {}) {
  const config = v.parse(manifest.configSchema, {});
  return new RoutingInsurer(config.insurers.map((b) => new SimulatedInsurer({ ...b, ...change }, silentLogger)));
}
const lookup = (
  insurerId: string,
  plate: string,
  compulsoryPolicyNo = "X",
  commercialPolicyNo: string | null = null,
) => ({
  insurerId,
  plate,
  compulsoryPolicyNo,
  commercialPolicyNo,
  date: "2026-03-01",
});
const line = {
  payerPartyId: "B",
  insurerId: "pingan-ningde",
  cover: "compulsory" as const,
  head: "property" as const,
  amountFen: 200_000,
};

describe("quickclaim-insurers-sim 保险公司（模拟：人保、平安）", () => {
  it("finds a known vehicle's policies by plate however the plate is written", async () => {
    const cover = await insurers().lookupCover(lookup("pingan-ningde", "闽JD50213"));
    expect(cover).toEqual({
      compulsory: { insurerId: "pingan-ningde", policyNo: "PDZA2026350900002221" },
      commercialThirdParty: { insurerId: "pingan-ningde", policyNo: "PDAA2026350900002222", limitFen: 200_000_000 },
    });
  });

  it("takes a party's well-formed declared policies for unknown vehicles, unless told not to", async () => {
    const declared = lookup("picc-ningde", "闽J·2M819", "PDZA2026350900003331", null);
    expect(await insurers().lookupCover(declared)).toEqual({
      compulsory: { insurerId: "picc-ningde", policyNo: "PDZA2026350900003331" },
      commercialThirdParty: null,
    });
    expect(await insurers({ acceptDeclaredPolicies: false }).lookupCover(declared)).toEqual({
      compulsory: null,
      commercialThirdParty: null,
    });
  });

  it("accepts a claim with a stable reference, answers a repeat the same, and declines above its limit", async () => {
    const ins = insurers();
    const req = {
      insurerId: "pingan-ningde",
      claimId: "qcclaim_1",
      caseId: "qccase_1",
      lines: [line],
      amountFen: 200_000,
    };
    const first = await ins.acceptClaim(req);
    expect(first).toEqual({ accepted: true, reference: expect.stringMatching(/^PINGAN-NINGDE-[0-9A-F]{8}$/) });
    expect(await ins.acceptClaim(req)).toEqual(first);
    const strict = insurers({ declineAboveFen: 100_000 });
    expect((await strict.acceptClaim(req)).accepted).toBe(false);
  });

  it("fails for an insurer not connected in the region, and records payout confirmations once", async () => {
    const ins = insurers();
    await expect(ins.lookupCover(lookup("acme", "闽J12345"))).rejects.toThrow("not connected");
    const paid = {
      insurerId: "picc-ningde",
      claimId: "c1",
      requestId: "c1.p1",
      amountFen: 100,
      paidAt: "2026-03-01T06:00:00.000Z",
    };
    await ins.confirmPayout(paid);
    await ins.confirmPayout({ ...paid, amountFen: 999 });
    expect(ins.company("picc-ningde").confirmations().get("c1")?.amountFen).toBe(100);
    expect(manifest.kind).toBe("simulator");
  });
});

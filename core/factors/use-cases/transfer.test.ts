import { describe, expect, it } from "vitest";
import { mortgageLoan, offer } from "../testing/lending-scenarios.ts";
import { activeFactor, linHolder, marineBundle, marineInputs, onRegistry } from "../testing/scenarios.ts";
import { demoIds, factorsTestbed, demoPrincipals as who } from "../testing/testbed.ts";
import { awardTransfer } from "./award-transfer.ts";
import { consentToTransfer } from "./consent-to-transfer.ts";
import { getFactorHistory } from "./get-factor-history.ts";
import { listForTransfer } from "./list-for-transfer.ts";
import { placeBid } from "./place-bid.ts";
import { registerTransfer } from "./register-transfer.ts";
import { valueCollateral } from "./value-collateral.ts";

const chenBidder = { kind: "person" as const, idNumber: demoIds.chen, name: "陈姐" };

describe("FAC-R10 流转 transfer: an encumbered bundle sold with the bank's consent, its lien following it", () => {
  it("lists, takes bids, refuses an award without consent, and completes once the registry records the buyer", async () => {
    const tb = factorsTestbed();
    const { factorIds } = await marineBundle(tb);
    const productId = await offer(tb, "fish-raft-farming");
    await valueCollateral(tb.deps, who.lin, { factorIds });
    const { liens } = await mortgageLoan(tb, who.lin, productId, factorIds, 150_000_00);
    const lien = liens[0]!;

    await expect(
      listForTransfer(tb.deps, who.lin, {
        factorIds: [factorIds[1]],
        kind: "sale",
        reservePriceFen: 1,
        closesOn: "2026-04-30",
      }),
    ).rejects.toMatchObject({ ruleId: "FAC-R03" });
    await expect(
      listForTransfer(tb.deps, who.lin, {
        factorIds,
        kind: "sale",
        reservePriceFen: 200_000_00,
        closesOn: "2026-03-20",
      }),
    ).rejects.toMatchObject({ ruleId: "FAC-R10", field: "closesOn" });
    const listing = await listForTransfer(tb.deps, who.lin, {
      factorIds,
      kind: "sale",
      reservePriceFen: 200_000_00,
      closesOn: "2026-03-30",
    });
    expect(tb.store.state.outbox.filter((e) => e.type === "factors.transfer.consent_requested")).toHaveLength(1);

    await expect(
      placeBid(tb.deps, who.lin, {
        listing: "transfer",
        listingId: listing.id,
        amountFen: 250_000_00,
        bidder: linHolder,
      }),
    ).rejects.toMatchObject({ ruleId: "FAC-R10", field: "bidder" });
    await placeBid(tb.deps, who.chen, {
      listing: "transfer",
      listingId: listing.id,
      amountFen: 210_000_00,
      bidder: chenBidder,
    });
    await expect(awardTransfer(tb.deps, who.lin, { listingId: listing.id })).rejects.toMatchObject({
      ruleId: "FAC-R10",
      kind: "conflict",
    });

    tb.clock.set("2026-04-01T02:00:00.000Z");
    const before = tb.snapshot();
    await expect(awardTransfer(tb.deps, who.lin, { listingId: listing.id })).rejects.toMatchObject({
      ruleId: "FAC-R10",
      field: "consents",
    });
    expect(tb.snapshot()).toBe(before);

    await consentToTransfer(tb.deps, who.ruralBank, { listingId: listing.id });
    const awarded = await awardTransfer(tb.deps, who.lin, { listingId: listing.id });
    expect(awarded.factors.map((f) => f.status)).toEqual(["TRANSFERRED", "TRANSFERRED", "TRANSFERRED"]);
    expect(JSON.stringify(awarded)).not.toContain(demoIds.chen);

    await expect(registerTransfer(tb.deps, who.fuanOfficial, { listingId: listing.id })).rejects.toMatchObject({
      ruleId: "FAC-R01",
      field: "holder",
    });
    for (const input of marineInputs()) onRegistry(tb, input, demoIds.chen, { termEndsOn: "2040-12-31" });
    const done = await registerTransfer(tb.deps, who.fuanOfficial, { listingId: listing.id });
    expect(done.outcome).toBe("registered");
    expect(done.factors.map((f) => f.status)).toEqual(["ENCUMBERED", "ENCUMBERED", "ENCUMBERED"]);

    const history = await getFactorHistory(tb.deps, who.chen, { factorId: factorIds[0] as string });
    expect(history.factor.holder.name).toBe("陈姐");
    expect(history.liens).toEqual([expect.objectContaining({ id: lien.id, status: "active", rank: 1 })]);
    expect(history.events.slice(-4).map((e) => e.kind)).toEqual([
      "listed_for_transfer",
      "transfer_consented",
      "transfer_awarded",
      "transfer_registered",
    ]);
  });
});

describe("FAC-R10 a lease of land may not outlast the contract term", () => {
  it("refuses a lease past the term, lists one within it and records the lessee on award; the owner keeps the factor", async () => {
    const tb = factorsTestbed();
    const land = await activeFactor(
      tb,
      who.lin,
      {
        countyCode: "350981",
        typeCode: "R01",
        holder: linHolder,
        title: "承包地 5 亩",
        location: "福安市穆阳镇",
        quantity: "5",
        certificateNo: "闽(2018)福安市农村土地承包经营权第0001号",
      },
      { termEndsOn: "2030-12-31" },
    );
    const base = { factorIds: [land.id], kind: "lease" as const, reservePriceFen: 5_000_00, closesOn: "2026-04-01" };
    await expect(
      listForTransfer(tb.deps, who.lin, { ...base, leaseFrom: "2026-05-01", leaseTo: "2031-04-30" }),
    ).rejects.toMatchObject({ ruleId: "FAC-R10", field: "leaseTo" });
    const listing = await listForTransfer(tb.deps, who.lin, {
      ...base,
      leaseFrom: "2026-05-01",
      leaseTo: "2030-12-31",
    });
    await placeBid(tb.deps, who.chen, {
      listing: "transfer",
      listingId: listing.id,
      amountFen: 6_000_00,
      bidder: chenBidder,
    });
    await placeBid(tb.deps, who.huang, {
      listing: "transfer",
      listingId: listing.id,
      amountFen: 6_000_00,
      bidder: { kind: "person", idNumber: demoIds.huang, name: "黄先生" },
    });
    tb.clock.set("2026-04-02T02:00:00.000Z");
    const { factors } = await awardTransfer(tb.deps, who.lin, { listingId: listing.id });
    expect(factors[0]).toMatchObject({
      status: "ACTIVE",
      holder: { name: "林阿伯" },
      lease: { lesseeName: "陈姐", from: "2026-05-01", to: "2030-12-31" },
    });
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as v from "valibot";
import { afterAll, describe, expect, it } from "vitest";
import { FixedClock } from "../../../adapters/platform/fixed-clock.ts";
import type { RegistryQuery } from "../../../core/factors/mod.ts";
import { SimulatedAppraiser } from "../../../plugins/factors-appraiser-sim/simulated-appraiser.ts";
import { manifest as collectionSim } from "../../../plugins/factors-collection-sim/manifest.ts";
import { SimulatedCollectionCompanies } from "../../../plugins/factors-collection-sim/simulated-collection-companies.ts";
import { LocalEvidenceFileStore } from "../../../plugins/factors-evidence-store-local/local-evidence-file-store.ts";
import { FuanRegistry } from "../../../plugins/factors-fuan-registry-sim/fuan-registry.ts";
import { InstitutionDesk } from "../../../plugins/factors-sim-support/institution-desk.ts";
import { demoRegistryRecords, RegistryBook } from "../../../plugins/factors-sim-support/registry-book.ts";
import { capturingLogger } from "../../composition/fixtures.ts";

const query = (over: Partial<RegistryQuery>): RegistryQuery => ({
  regionCode: "350900",
  countyCode: "350981",
  typeCode: "A02",
  registryKind: "department",
  departmentId: "fuan-agri",
  certificateNo: null,
  siteRef: null,
  location: "福安市穆阳镇 苏堤村 果园大棚 3 号",
  holderName: "钟国良",
  factorId: "fac-x",
  ...over,
});

describe("factors simulators are deterministic stand-ins of the outside systems", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("FAC-R01 福安's 无证 orchard greenhouse is found only at the department the county pack names", async () => {
    const book = new RegistryBook(demoRegistryRecords((c) => c === "350981"));
    const fuan = new FuanRegistry(book, ["fuan-agri", "fuan-natural-resources", "fuan-ocean-fishery", "fuan-forestry"]);
    const found = await fuan.lookup(query({}));
    expect(found).toMatchObject({
      status: "found",
      holderId: "350981196408160353",
      typeCode: "A02",
      quantityMilli: 1_800_000,
    });
    expect(await fuan.lookup(query({ departmentId: "fuan-forestry" }))).toEqual({ status: "not_found" });
    await expect(fuan.lookup(query({ departmentId: "fuan-water" }))).rejects.toThrow(/not connected/);
    await expect(fuan.lookup(query({ countyCode: "350921" }))).rejects.toThrow(/does not hold/);
    const pending = await fuan.lookup(query({ typeCode: "R06", location: "福安市穆阳镇 苏堤村 股份经济合作社" }));
    expect(pending).toEqual({ status: "pending" });
  });

  it("FAC-R01 a certified type is found by county and certificate number; an unreachable county throws", async () => {
    const book = new RegistryBook(demoRegistryRecords(), ["350925"]);
    const huangSea = await book.lookup(
      query({
        countyCode: "350921",
        typeCode: "R04",
        registryKind: "sea_area",
        departmentId: null,
        certificateNo: "闽(2018)霞浦海域第0117号",
      }),
    );
    expect(huangSea).toMatchObject({ status: "found", holderId: "350921198204205030", termEndsOn: "2033-12-31" });
    expect(
      await book.lookup(
        query({
          countyCode: "350902",
          registryKind: "sea_area",
          departmentId: null,
          certificateNo: "闽(2018)霞浦海域第0117号",
        }),
      ),
    ).toEqual({ status: "not_found" });
    await expect(
      book.lookup(query({ countyCode: "350925", registryKind: "forest", departmentId: null, certificateNo: "x" })),
    ).rejects.toThrow(/not answering/);
  });

  it("FAC-R08 six counties have a collection company; 福宁海投 offers 75 % and only in 霞浦", async () => {
    const { companies } = v.parse(collectionSim.configSchema, {});
    expect(companies.map((c) => c.countyCode).sort()).toEqual([
      "350902",
      "350921",
      "350922",
      "350923",
      "350981",
      "350982",
    ]);
    const sim = new SimulatedCollectionCompanies(companies);
    const request = {
      companyId: "xiapu-funing-haitou",
      regionCode: "350900",
      countyCode: "350921",
      disposalId: "dsp-1",
      unitId: "bun-1",
      valuationValue: 154_000_00,
    };
    const offer = await sim.requestBuyOut(request);
    expect(offer.offer).toBe(115_500_00);
    expect(await sim.requestBuyOut(request)).toEqual(offer);
    await expect(sim.requestBuyOut({ ...request, countyCode: "350923" })).rejects.toThrow(/buys only/);
    await expect(sim.requestBuyOut({ ...request, companyId: "shouning-collection" })).rejects.toThrow(/not connected/);
  });

  it("the appraiser values unit price × quantity × market factor, the same each time", async () => {
    const sim = new SimulatedAppraiser(
      { appraiserId: "nd-appraiser-sim", unitPricesFen: { A04: 6_000_000 }, marketBp: 10_000, offline: false },
      new FixedClock("2026-03-02T02:00:00Z"),
    );
    const request = {
      regionCode: "350900",
      countyCode: "350926",
      unitId: "fac-t",
      factors: [
        { id: "fac-t", typeCode: "A04", quantity: { milli: 2000, unit: "台" }, location: "柘荣", title: "拖拉机" },
      ],
      requestedBy: "inst:x",
    };
    const first = await sim.appraise(request);
    expect(first).toMatchObject({ value: 120_000_00, valuedOn: "2026-03-02" });
    expect(await sim.appraise(request)).toEqual(first);
  });

  it("an institution's desk dedupes by event id, and a configured failure makes the outbox retry", async () => {
    const desk = new InstitutionDesk(
      "guarantor",
      [{ id: "nd-gov-guarantor", name: "担保", failFirst: 1, offline: false }],
      capturingLogger(),
    );
    const notice = {
      eventId: "evt-1",
      type: "factors.loss.claim",
      institutionId: "nd-gov-guarantor",
      payload: { amount: 1 },
    };
    await expect(desk.deliver(notice)).rejects.toThrow(/simulated failure/);
    await desk.deliver(notice);
    await desk.deliver(notice);
    expect(desk.receipts()).toHaveLength(1);
    await expect(desk.deliver({ ...notice, institutionId: "someone-else" })).rejects.toThrow(/not connected/);
  });

  it("the local evidence store keeps keys inside its folder and files whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ev-"));
    dirs.push(dir);
    const store = new LocalEvidenceFileStore(dir, 1024 * 1024);
    await store.put({ key: "350900/ev_1", bytes: new Uint8Array([1, 2, 3]) });
    expect(await store.get("350900/ev_1")).toEqual(new Uint8Array([1, 2, 3]));
    expect(await store.get("350900/ev_2")).toBeUndefined();
    await expect(store.put({ key: "../escape", bytes: new Uint8Array([1]) })).rejects.toThrow(/invalid key/);
  });
});

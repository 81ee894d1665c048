import { describe, expect, it } from "vitest";
import { demoReport } from "../testing/drive-case.ts";
import { refusal } from "../testing/refusal.ts";
import { CHEN, createTestWorld, WU } from "../testing/test-world.ts";
import { reportAccident } from "./report-accident.ts";

describe("一次关注 report an accident (QC-R01 at report)", () => {
  it("陈姐 reports from her phone: the case is REPORTED at the 福鼎 centre and 吴建国 is invited", async () => {
    const w = createTestWorld();
    const r = await reportAccident(w.deps, demoReport(), w.citizen(CHEN.mobile));
    expect([r.status, r.centreId, r.accidentDate, r.reporterPartyId]).toEqual([
      "REPORTED",
      "fuding",
      "2026-03-01",
      "A",
    ]);
    expect(r.parties).toEqual([
      { partyId: "A", plate: "闽J8K627" },
      { partyId: "B", plate: "闽JD50213" },
    ]);
    const event = w.store.outbox[0];
    expect([event?.type, event?.payload.invitePartyIds]).toEqual(["quickclaim.case.reported", ["B"]]);
    expect(w.store.audit.map((a) => [a.action, a.actor])).toEqual([
      ["quickclaim.case.report", `citizen:${CHEN.mobile}`],
    ]);
    expect(JSON.stringify(w.store.outbox)).not.toContain(WU.mobile); // C2 never in events
  });

  it.each([
    ["someone is seriously hurt", { deathOrSeriousInjury: true }, "death_or_serious_injury"],
    ["a vehicle cannot move", { vehiclesMovable: false }, "vehicles_not_movable"],
    ["a driver seems drunk", { suspectedDrinkDriving: true }, "suspected_drink_driving"],
  ])("goes straight to OFFLINE when %s, and is still counted as an accident", async (_title, change, code) => {
    const w = createTestWorld();
    const input = { ...demoReport(), circumstances: { ...demoReport().circumstances, ...change } };
    const r = await reportAccident(w.deps, input, w.citizen(CHEN.mobile));
    expect([r.status, r.offlineReasons.map((x) => x.code)]).toEqual(["OFFLINE", [code]]);
    expect(w.store.case(r.caseId)?.offline?.ruleId).toBe("QC-R01");
  });

  it("an insurance assistant (clerk) may report for the parties in her county", async () => {
    const w = createTestWorld();
    expect((await reportAccident(w.deps, demoReport(), w.clerk)).status).toBe("REPORTED");
  });

  it.each([
    [
      "an invalid plate",
      {
        parties: [
          { plate: "闽J·1234", mobile: CHEN.mobile },
          { plate: WU.plate, mobile: WU.mobile },
        ],
      },
      ["QC-R02", "validation", "parties.0.plate"],
    ],
    [
      "an invalid mobile",
      {
        parties: [
          { plate: CHEN.plate, mobile: CHEN.mobile },
          { plate: WU.plate, mobile: "12345" },
        ],
      },
      ["QC-R02", "validation", "parties.1.mobile"],
    ],
    [
      "the same vehicle twice",
      {
        parties: [
          { plate: CHEN.plate, mobile: CHEN.mobile },
          { plate: "闽J 8K627", mobile: WU.mobile },
        ],
      },
      ["QC-R02", "validation", "parties.1.plate"],
    ],
    ["a county outside Ningde", { regionCode: "350802" }, ["QC-R01", "validation", "regionCode"]],
    ["a code that is no county", { regionCode: "350999" }, ["QC-R01", "validation", "regionCode"]],
    ["an accident in the future", { accidentAt: "2026-03-02T05:40:00Z" }, ["QC-R01", "validation", "accidentAt"]],
    ["a timestamp without a zone", { accidentAt: "2026-03-01 13:40" }, ["QC-R01", "validation", "accidentAt"]],
    [
      "a point off the globe",
      { place: { address: "福鼎", point: { lat: 127, lng: 120 } } },
      ["QC-R01", "validation", "place.point.lat"],
    ],
  ])("refuses %s, naming the rule and field, and writes nothing", async (_title, change, expected) => {
    const w = createTestWorld();
    expect(await refusal(reportAccident(w.deps, { ...demoReport(), ...change }, w.citizen(CHEN.mobile)))).toEqual(
      expected,
    );
    expect(w.store.counts()).toEqual({ cases: 0, claims: 0, payments: 0, surveys: 0, audit: 0, outbox: 0 });
  });

  it("a citizen reports only an accident she is a party of (KRN-R06)", async () => {
    const w = createTestWorld();
    expect(await refusal(reportAccident(w.deps, demoReport(), w.citizen("13700000000")))).toEqual([
      "KRN-R06",
      "forbidden",
      "parties",
    ]);
  });
});

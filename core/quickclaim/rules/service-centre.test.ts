import { describe, expect, it } from "vitest";
import { ningdeServiceCentres } from "../policy-defaults.ts";
import { assignServiceCentre } from "./service-centre.ts";

describe("QC-R08 服务中心归属 which of the 10 Ningde centres owns a case", () => {
  it("the Ningde pack has 10 service centres covering all 9 counties", () => {
    expect(ningdeServiceCentres.length).toBe(10);
    const counties = new Set(ningdeServiceCentres.flatMap((c) => c.servesCounties));
    expect([...counties].sort()).toEqual([
      "350902",
      "350921",
      "350922",
      "350923",
      "350924",
      "350925",
      "350926",
      "350981",
      "350982",
    ]);
  });

  it.each([
    ["an accident in 福鼎 near 太姥山 goes to the 福鼎 centre", "350982", { lat: 27.09, lng: 120.2 }, "fuding"],
    ["an accident in 福安 goes to the 福安 centre", "350981", { lat: 27.05, lng: 119.6 }, "fuan"],
    [
      "an accident in 蕉城 near 东侨 goes to the nearer 东侨 centre",
      "350902",
      { lat: 26.655, lng: 119.57 },
      "dongqiao",
    ],
    ["an accident in 蕉城 old town goes to the 蕉城 centre", "350902", { lat: 26.665, lng: 119.51 }, "jiaocheng"],
    ["a county no centre serves falls back to the nearest centre", "350999", { lat: 27.3, lng: 120.2 }, "fuding"],
  ])("%s", (_title, county, point, centreId) => {
    expect(assignServiceCentre(ningdeServiceCentres, county, point).id).toBe(centreId);
  });
});

import { describe, expect, it } from "vitest";
import { isDomainError } from "../../kernel/mod.ts";
import { type PartyItemsInput, validatePartyItems } from "./party-items.ts";

const CTX = { reportedPlate: "闽J12345", insurerIds: new Set(["picc-ningde", "pingan-ningde"]), asOf: "2026-03-01" };
const CHEN: PartyItemsInput = {
  plate: "闽J·12345",
  driverName: "陈丽华",
  driverLicenceNo: "350982197509082025",
  vehicleLicenceNo: "350900123456",
  insurerId: "picc-ningde",
  compulsoryPolicyNo: "PDZA202635090000001234",
  commercialPolicyNo: "PDAA202635090000005678",
  mobile: "138 0013 8000",
};

function refusal(input: Partial<PartyItemsInput>): { ruleId: string; field: string | undefined } {
  try {
    validatePartyItems({ ...CHEN, ...input }, { ...CTX, prefix: "items" });
  } catch (e) {
    if (isDomainError(e)) return { ruleId: e.ruleId, field: e.field };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("QC-R02 五项信息 the five items of every party", () => {
  it("accepts 陈姐's five items and normalises plate, mobile and policy numbers", () => {
    const items = validatePartyItems(CHEN, CTX);
    expect(items.plate).toBe("闽J12345");
    expect(items.mobile).toBe("13800138000");
    expect(items.driverLicenceNo).toBe("350982197509082025");
    expect(items.commercialPolicyNo).toBe("PDAA202635090000005678");
  });

  it("treats an empty commercial policy number as no commercial cover", () => {
    expect(validatePartyItems({ ...CHEN, commercialPolicyNo: " " }, CTX).commercialPolicyNo).toBe(null);
  });

  it.each([
    ["a plate that is not a plate", { plate: "闽J·1234" }, "items.plate"],
    ["a plate other than the reported vehicle's", { plate: "闽J·54321" }, "items.plate"],
    [
      "a driving licence number failing its GB 11643 check character",
      { driverLicenceNo: "350982197509082026" },
      "items.driverLicenceNo",
    ],
    [
      "a driving licence number with a birth date after the accident",
      { driverLicenceNo: "350982202703012025" },
      "items.driverLicenceNo",
    ],
    ["a blank driver name", { driverName: " " }, "items.driverName"],
    ["a vehicle licence number with punctuation", { vehicleLicenceNo: "35/09" }, "items.vehicleLicenceNo"],
    ["an insurer that does not serve the region", { insurerId: "acme" }, "items.insurerId"],
    ["a compulsory policy number that is too short", { compulsoryPolicyNo: "123" }, "items.compulsoryPolicyNo"],
    ["a malformed commercial policy number", { commercialPolicyNo: "#12" }, "items.commercialPolicyNo"],
    ["a mobile number of ten digits", { mobile: "1380013800" }, "items.mobile"],
  ])("refuses %s, naming QC-R02 and the field", (_title, change, field) => {
    expect(refusal(change)).toEqual({ ruleId: "QC-R02", field });
  });
});

import { DomainError, validateLicencePlate, validateMobile, validateResidentId } from "../../kernel/mod.ts";
import type { PartyItems } from "../domain/quick-claim-case.ts";
import { asRule } from "./as-rule.ts";

/** The five items as typed by the party, before validation. */
export interface PartyItemsInput {
  readonly plate: string;
  readonly driverName: string;
  readonly driverLicenceNo: string;
  readonly vehicleLicenceNo: string;
  readonly insurerId: string;
  readonly compulsoryPolicyNo: string;
  readonly commercialPolicyNo?: string | null | undefined;
  readonly mobile: string;
}

const NAME_RE = /^[\p{Script=Han}A-Za-z·• .'-]{2,40}$/u;
const VEHICLE_LICENCE_RE = /^[0-9A-Z]{6,20}$/;
const POLICY_NO_RE = /^[0-9A-Z-]{6,40}$/;

function refuse(field: string, message: string): never {
  throw new DomainError(message, { ruleId: "QC-R02", field });
}

/**
 * QC-R02 五项信息: validates one party's five items — plate, driver name and licence number
 * (a resident ID, GB 11643 check character), vehicle licence number, insurer and policy
 * number(s), mobile — and returns them normalised. `reportedPlate` is the plate the party
 * reported: the items must describe the same vehicle. Errors name the field under `prefix`.
 */
export function validatePartyItems(
  input: PartyItemsInput,
  ctx: {
    readonly reportedPlate: string;
    readonly insurerIds: ReadonlySet<string>;
    readonly asOf: string;
    readonly prefix?: string;
  },
): PartyItems {
  const f = (name: string) => (ctx.prefix ? `${ctx.prefix}.${name}` : name);
  const plate = asRule("QC-R02", () => validateLicencePlate(input.plate, f("plate")));
  if (plate !== ctx.reportedPlate) refuse(f("plate"), "the plate differs from the vehicle reported for this party");
  const driverName = input.driverName.trim();
  if (!NAME_RE.test(driverName)) refuse(f("driverName"), "driverName must be the driver's name as on the licence");
  const driverLicenceNo = asRule("QC-R02", () =>
    validateResidentId(input.driverLicenceNo, { asOf: ctx.asOf, field: f("driverLicenceNo") }),
  );
  const vehicleLicenceNo = input.vehicleLicenceNo.trim().toUpperCase();
  if (!VEHICLE_LICENCE_RE.test(vehicleLicenceNo)) {
    refuse(f("vehicleLicenceNo"), "vehicleLicenceNo must be the 行驶证 number (6–20 letters or digits)");
  }
  if (!ctx.insurerIds.has(input.insurerId)) refuse(f("insurerId"), "insurerId is not an insurer of this region");
  const compulsoryPolicyNo = input.compulsoryPolicyNo.trim().toUpperCase();
  if (!POLICY_NO_RE.test(compulsoryPolicyNo)) {
    refuse(f("compulsoryPolicyNo"), "compulsoryPolicyNo must be a 交强险 policy number (6–40 letters, digits, -)");
  }
  const commercialRaw = input.commercialPolicyNo?.trim().toUpperCase() ?? "";
  if (commercialRaw !== "" && !POLICY_NO_RE.test(commercialRaw)) {
    refuse(f("commercialPolicyNo"), "commercialPolicyNo must be a policy number (6–40 letters, digits, -)");
  }
  const mobile = asRule("QC-R02", () => validateMobile(input.mobile, f("mobile")));
  return {
    plate,
    driverName,
    driverLicenceNo,
    vehicleLicenceNo,
    insurerId: input.insurerId,
    compulsoryPolicyNo,
    commercialPolicyNo: commercialRaw === "" ? null : commercialRaw,
    mobile,
  };
}

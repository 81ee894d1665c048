import { z } from "@hono/zod-openapi";
import { ACCIDENT_FORMS } from "../../../core/quickclaim/mod.ts";

/**
 * Request bodies of the quick-claim API: strict (an unknown field is refused by name) and only
 * shape-checked here; the rules themselves (plates, ID check digits, Luhn, caps…) are the core's,
 * so their refusals name the rule (422 with ruleId QC-R0x).
 */
const text = (max: number) => z.string().max(max);
export const YuanString = z
  .string()
  .regex(/^\d{1,11}(\.\d{1,2})?$/, "a yuan amount with at most two decimals, e.g. 3200.00")
  .openapi({ example: "3200.00" });

export const Point = z
  .strictObject({
    lat: z.number().min(-90).max(90).openapi({ example: 27.0931 }),
    lng: z.number().min(-180).max(180).openapi({ example: 120.2014 }),
  })
  .openapi("GeoPoint", { description: "WGS-84 degrees" });

export const ReportBody = z
  .strictObject({
    regionCode: z
      .string()
      .regex(/^\d{6}$/)
      .openapi({ description: "county of the place (GB/T 2260)", example: "350982" }),
    accidentAt: text(40).openapi({ example: "2026-03-01T13:40:00+08:00" }),
    place: z.strictObject({ address: text(200).openapi({ example: "福鼎市太姥山镇 G104 国道旁" }), point: Point }),
    circumstances: z.strictObject({
      anyoneInjured: z.boolean(),
      deathOrSeriousInjury: z.boolean(),
      vehiclesMovable: z.boolean(),
      suspectedDrinkDriving: z.boolean().optional(),
      suspectedUnlicensedDriving: z.boolean().optional(),
      suspectedHitAndRun: z.boolean().optional(),
    }),
    parties: z
      .array(z.strictObject({ plate: text(20).openapi({ example: "闽J·8K627" }), mobile: text(20) }))
      .min(1)
      .max(9),
  })
  .openapi("QuickClaimReport");

export const ItemsBody = z
  .strictObject({
    plate: text(60),
    driverName: text(60),
    driverLicenceNo: text(60).openapi({ description: "driving licence number = resident ID (GB 11643)" }),
    vehicleLicenceNo: text(60).openapi({ description: "行驶证 number" }),
    insurerId: text(60).openapi({ example: "picc-ningde" }),
    compulsoryPolicyNo: text(60),
    commercialPolicyNo: text(60).nullable().optional(),
    mobile: text(60),
  })
  .openapi("PartyItems");

export const SignBody = z
  .strictObject({
    letterHash: z.string().max(64).openapi({ description: "the letter's SHA-256 content hash you read" }),
    decision: z.enum(["agree", "dispute"]),
    mutualConsent: z.boolean().optional().openapi({ description: "QC-R06 agree to 互碰自赔 if it applies" }),
    disputeReason: text(500).nullable().optional(),
  })
  .openapi("SignLetter");

export const SurveyBody = z
  .strictObject({ satisfied: z.boolean(), suggestion: text(500).nullable().optional() })
  .openapi("FollowUpSurvey");

export const DeterminationBody = z
  .strictObject({
    form: z.enum(ACCIDENT_FORMS),
    faultPartyId: text(2).nullable().optional().openapi({ description: "the vehicle a sole-fault form names" }),
    facts: text(2000),
    override: z
      .strictObject({
        decision: z.array(z.strictObject({ partyId: text(2), shareBp: z.number().int() })),
        reason: text(500),
      })
      .nullable()
      .optional(),
    findings: z
      .strictObject({
        anyoneInjured: z.boolean().optional(),
        deathOrSeriousInjury: z.boolean().optional(),
        vehiclesMovable: z.boolean().optional(),
        suspectedDrinkDriving: z.boolean().optional(),
        suspectedUnlicensedDriving: z.boolean().optional(),
        suspectedHitAndRun: z.boolean().optional(),
      })
      .optional(),
  })
  .openapi("Determination");

export const OfflineBody = z.strictObject({ reason: text(500) }).openapi("MoveOffline");

export const AssessmentBody = z
  .strictObject({
    losses: z
      .array(
        z.strictObject({
          partyId: text(2),
          vehicleYuan: YuanString,
          otherPropertyYuan: YuanString.optional(),
          medicalYuan: YuanString.optional(),
        }),
      )
      .min(1)
      .max(9),
  })
  .openapi("LossAssessment");

export const ReconcileBody = z.strictObject({ limit: z.number().int().min(1).max(500).optional() });

/** A file part: documented as binary; presence, type and size are checked by QC-R02. */
const FilePart = z
  .custom<File | string>((v) => v instanceof File || typeof v === "string")
  .optional()
  .openapi({ type: "string", format: "binary" });

export const PhotoForm = z
  .strictObject({
    slot: text(40).openapi({ example: "front" }),
    capturedAt: text(40).openapi({ example: "2026-03-01T13:43:00+08:00" }),
    lat: text(20).openapi({ example: "27.0931" }),
    lng: text(20).openapi({ example: "120.2014" }),
    photo: FilePart,
  })
  .openapi("PhotoUpload");

export const ClaimForm = z
  .strictObject({
    name: text(40).openapi({ description: "name on the ID card" }),
    residentId: text(30),
    idCardPhoto: FilePart,
    cardNumber: text(30),
    holderName: text(40),
    bankName: text(60).optional(),
    bankCardPhoto: FilePart,
  })
  .openapi("OneClickClaim");

export const RegionParam = z.strictObject({
  region: z
    .string()
    .regex(/^\d{6}$/)
    .openapi({ param: { name: "region", in: "path" }, example: "350900" }),
});
export const CaseParams = RegionParam.extend({
  caseId: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: "caseId", in: "path" } }),
});
export const ClaimParams = RegionParam.extend({
  claimId: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: "claimId", in: "path" } }),
});
export const PartyParams = CaseParams.extend({
  partyId: z
    .string()
    .min(1)
    .max(2)
    .openapi({ param: { name: "partyId", in: "path" } }),
});
export const PhotoParams = CaseParams.extend({
  photoId: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: "photoId", in: "path" } }),
});

import { z } from "@hono/zod-openapi";

/** Response bodies (amounts as yuan strings). The main fields are listed; views may carry more. */
const Reason = z.object({ code: z.string(), field: z.string(), message: z.string() });

export const CaseSummaryView = z
  .object({
    caseId: z.string(),
    regionCode: z.string(),
    centreId: z.string(),
    status: z.string(),
    reportedAt: z.string(),
    plates: z.array(z.string()),
    flaggedPhotos: z.number().int(),
  })
  .openapi("QuickClaimCaseSummary");

export const ClaimSummaryView = z
  .object({
    claimId: z.string(),
    caseId: z.string(),
    regionCode: z.string(),
    partyId: z.string(),
    status: z.string(),
    openedAt: z.string(),
    payoutYuan: z.string().nullable(),
  })
  .openapi("QuickClaimClaimSummary");

export const ReportResultView = z
  .object({
    caseId: z.string(),
    status: z.string(),
    centreId: z.string(),
    accidentDate: z.string(),
    reporterPartyId: z.string(),
    parties: z.array(z.object({ partyId: z.string(), plate: z.string() })),
    offlineReasons: z.array(Reason),
    caseUrl: z.string().openapi({ description: "the case page; send it to the other party" }),
  })
  .openapi("QuickClaimReportResult");

export const CaseView = z
  .looseObject({
    id: z.string(),
    regionCode: z.string(),
    centreId: z.string(),
    status: z.string(),
    version: z.number().int(),
    viewer: z.string(),
    myPartyId: z.string().nullable(),
    reportedAt: z.string(),
    accidentAt: z.string(),
    accidentDate: z.string(),
    parties: z.array(z.looseObject({ id: z.string(), plate: z.string(), mobile: z.string() })),
    photos: z.array(z.looseObject({ id: z.string(), slot: z.string(), sha256: z.string() })),
    missingEvidence: z.array(z.object({ field: z.string(), message: z.string() })),
    letter: z.looseObject({ number: z.string(), version: z.number(), contentHash: z.string() }).nullable(),
    signatures: z.array(z.looseObject({ partyId: z.string(), letterHash: z.string(), decision: z.string() })),
    assessment: z.looseObject({ plan: z.looseObject({ mode: z.string() }) }).nullable(),
    offline: z.looseObject({ ruleId: z.string(), reasons: z.array(z.string()) }).nullable(),
    claims: z.array(
      z.looseObject({ id: z.string(), partyId: z.string(), status: z.string(), payoutYuan: z.string().nullable() }),
    ),
  })
  .openapi("QuickClaimCase");

export const StatusView = z.looseObject({ status: z.string() }).openapi("QuickClaimStatus");

export const PhotoResultView = z
  .object({
    photoId: z.string(),
    slot: z.string(),
    flags: z.array(z.looseObject({ code: z.string() })),
  })
  .openapi("QuickClaimPhotoResult");

export const PaymentResultView = z
  .object({
    claimId: z.string(),
    status: z.string(),
    attemptNo: z.number().int(),
    requestId: z.string(),
    amountYuan: z.string(),
    attemptState: z.string(),
    paidAt: z.string().nullable(),
  })
  .openapi("QuickClaimPayment");

export const ClaimResultView = z
  .object({ claimId: z.string(), status: z.string(), caseStatus: z.string(), payoutYuan: z.string().nullable() })
  .openapi("QuickClaimOpenedClaim");

export const AssessmentResultView = z
  .object({
    plan: z.looseObject({ mode: z.string(), victims: z.array(z.looseObject({ partyId: z.string() })) }),
    mutual: z.looseObject({ applies: z.boolean() }),
    claims: z.array(z.object({ claimId: z.string(), partyId: z.string(), status: z.string(), payoutYuan: z.string() })),
  })
  .openapi("QuickClaimAssessment");

const Duration = z.object({
  count: z.number().int(),
  medianSeconds: z.number().int().nullable(),
  medianPrecisionSeconds: z.number().int().openapi({
    description:
      "how exact the median is: 60 = to the minute (computed from one-minute buckets, at most a minute below the exact median); count, average and fastest are exact",
    example: 60,
  }),
  averageSeconds: z.number().int().nullable(),
  fastestSeconds: z.number().int().nullable(),
});

export const FiguresView = z
  .object({
    rows: z.array(
      z.object({
        key: z.string(),
        accidents: z.number().int(),
        handledRemotely: z.number().int(),
        remoteShareBp: z.number().int().nullable(),
        noDispute: z.number().int(),
        noDisputeShareBp: z.number().int().nullable(),
        handling: Duration,
        payout: Duration,
        surveys: z.number().int(),
        satisfied: z.number().int(),
        satisfactionBp: z.number().int().nullable(),
        suggestions: z.number().int(),
        recentSuggestions: z.array(z.string()),
      }),
    ),
  })
  .openapi("QuickClaimFigures");

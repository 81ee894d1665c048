/** 回访 follow-up answer of one party after payment (QC-R08 satisfaction and suggestions). */
export interface Survey {
  readonly id: string;
  readonly caseId: string;
  readonly partyId: string;
  readonly regionCode: string;
  readonly centreId: string;
  readonly satisfied: boolean;
  readonly suggestion: string | null;
  readonly at: string;
}

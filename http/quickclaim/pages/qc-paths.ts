/** Every quick-claim page path in one place, so links and routes cannot drift apart. */
const seg = encodeURIComponent;

export const qcPath = {
  landing: (region: string) => `/quickclaim?region=${seg(region)}`,
  signIn: (next: string) => `/quickclaim/sign-in?next=${seg(next)}`,
  report: (region: string) => `/quickclaim/${seg(region)}/report`,
  case: (region: string, caseId: string) => `/quickclaim/${seg(region)}/cases/${seg(caseId)}`,
  caseAction: (region: string, caseId: string, action: string) =>
    `/quickclaim/${seg(region)}/cases/${seg(caseId)}/${action}`,
  letter: (region: string, caseId: string) => `/quickclaim/${seg(region)}/cases/${seg(caseId)}/letter`,
  photo: (region: string, caseId: string, photoId: string) =>
    `/quickclaim/${seg(region)}/cases/${seg(caseId)}/photos/${seg(photoId)}`,
  police: (region: string) => `/quickclaim/${seg(region)}/police`,
  policeCase: (region: string, caseId: string) => `/quickclaim/${seg(region)}/police/cases/${seg(caseId)}`,
  policeAction: (region: string, caseId: string, action: string) =>
    `/quickclaim/${seg(region)}/police/cases/${seg(caseId)}/${action}`,
  adjuster: (region: string) => `/quickclaim/${seg(region)}/adjuster`,
  adjusterCase: (region: string, caseId: string) => `/quickclaim/${seg(region)}/adjuster/cases/${seg(caseId)}`,
  adjusterAction: (region: string, caseId: string, action: string) =>
    `/quickclaim/${seg(region)}/adjuster/cases/${seg(caseId)}/${action}`,
  dashboard: (region: string) => `/quickclaim/${seg(region)}/dashboard`,
} as const;

/** A `next` target is followed only when it is one of our own pages (no open redirect). */
export function safeNext(next: string | undefined): string {
  if (next && /^\/quickclaim(\/[\w\-./%]*)?(\?[\w\-=&%.]*)?$/.test(next) && !next.includes("//")) return next;
  return "/";
}

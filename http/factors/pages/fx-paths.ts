/** Every factors page path in one place, so links and routes cannot drift apart. */
const seg = encodeURIComponent;
const base = (region: string) => `/factors/${seg(region)}`;

export const fxPath = {
  landing: (region: string) => `/factors?region=${seg(region)}`,
  signIn: (next: string) => `/factors/sign-in?next=${seg(next)}`,
  home: (region: string) => base(region),
  mine: (region: string) => `${base(region)}/mine`,
  register: (region: string) => `${base(region)}/register`,
  bundle: (region: string) => `${base(region)}/bundle`,
  factor: (region: string, id: string) => `${base(region)}/factors/${seg(id)}`,
  factorAction: (region: string, id: string, action: string) => `${base(region)}/factors/${seg(id)}/${action}`,
  evidence: (region: string, id: string, evidenceId: string) =>
    `${base(region)}/factors/${seg(id)}/evidence/${seg(evidenceId)}`,
  resolve: (region: string, id: string, objectionId: string) =>
    `${base(region)}/factors/${seg(id)}/objections/${seg(objectionId)}/resolve`,
  apply: (region: string, factorIds?: readonly string[]) =>
    `${base(region)}/apply${factorIds && factorIds.length > 0 ? `?factors=${seg(factorIds.join(","))}` : ""}`,
  application: (region: string, id: string) => `${base(region)}/applications/${seg(id)}`,
  applicationAction: (region: string, id: string, action: string) =>
    `${base(region)}/applications/${seg(id)}/${action}`,
  loan: (region: string, id: string) => `${base(region)}/loans/${seg(id)}`,
  loanAction: (region: string, id: string, action: string) => `${base(region)}/loans/${seg(id)}/${action}`,
  market: (region: string) => `${base(region)}/market`,
  notice: (region: string, id: string) => `${base(region)}/notices/${seg(id)}`,
  noticeAction: (region: string, id: string) => `${base(region)}/notices/${seg(id)}/object`,
  listing: (region: string, id: string) => `${base(region)}/listings/${seg(id)}`,
  listingAction: (region: string, id: string, action: string) => `${base(region)}/listings/${seg(id)}/${action}`,
  disposal: (region: string, id: string) => `${base(region)}/disposals/${seg(id)}`,
  disposalAction: (region: string, id: string, action: string) => `${base(region)}/disposals/${seg(id)}/${action}`,
  bank: (region: string) => `${base(region)}/bank`,
  county: (region: string) => `${base(region)}/county`,
  fund: (region: string) => `${base(region)}/fund`,
  dashboard: (region: string, query?: Readonly<Record<string, string>>) =>
    `${base(region)}/dashboard${query ? `?${new URLSearchParams(query as Record<string, string>).toString()}` : ""}`,
} as const;

/** A `next` target is followed only when it is one of our own pages (no open redirect). */
export function safeNext(next: string | undefined): string {
  if (next && /^\/factors(\/[\w\-./%]*)?(\?[\w\-=&%.,]*)?$/.test(next) && !next.includes("//")) return next;
  return "/factors";
}

/** Every marketplace page path in one place, so links and routes cannot drift apart. */
const seg = encodeURIComponent;

export const mkPath = {
  entry: (region: string) => `/marketplace?region=${seg(region)}`,
  signIn: (next: string) => `/marketplace/sign-in?next=${seg(next)}`,
  catalogue: (region: string, query = "") => `/marketplace/${seg(region)}${query ? `?${query}` : ""}`,
  product: (region: string, productId: string) => `/marketplace/${seg(region)}/products/${seg(productId)}`,
  apply: (region: string, productId: string, codeToken?: string) =>
    `/marketplace/${seg(region)}/products/${seg(productId)}/apply${codeToken ? `?code=${seg(codeToken)}` : ""}`,
  /**
   * The 码上贷 landing a QR code encodes (MKT-R08): scanning opens it, the scan is counted and the
   * application opens pre-filled. Slice A's QR image API encodes `origin + mkPath.qr(region, token)`.
   */
  qr: (region: string, token: string) => `/marketplace/${seg(region)}/qr/${seg(token)}`,
  application: (region: string, applicationId: string) =>
    `/marketplace/${seg(region)}/applications/${seg(applicationId)}`,
  applicationAction: (region: string, applicationId: string, action: "withdraw" | "outcome") =>
    `/marketplace/${seg(region)}/applications/${seg(applicationId)}/${action}`,
  pushData: (region: string, pushId: string) => `/marketplace/${seg(region)}/pushes/${seg(pushId)}`,
  myData: (region: string) => `/marketplace/${seg(region)}/my-data`,
  revokeConsent: (region: string, consentId: string) =>
    `/marketplace/${seg(region)}/my-data/consents/${seg(consentId)}/revoke`,
  queue: (region: string, query = "") => `/marketplace/${seg(region)}/institution${query ? `?${query}` : ""}`,
  issueCode: (region: string) => `/marketplace/${seg(region)}/institution/apply-codes`,
  board: (region: string, query = "") => `/marketplace/${seg(region)}/board${query ? `?${query}` : ""}`,
  snapshot: (region: string) => `/marketplace/${seg(region)}/board/snapshots`,
  css: "/marketplace/assets/marketplace.css",
} as const;

/** A `next` target is followed only when it is one of our own pages (no open redirect). */
export function safeNext(next: string | undefined): string {
  if (next && /^\/marketplace(\/[\w\-./%]*)?(\?[\w\-=&%.]*)?$/.test(next) && !next.includes("//")) return next;
  return "/marketplace";
}

/** A query string from the defined entries (empty values left out). */
export function queryString(params: Readonly<Record<string, string | number | undefined>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  return q.toString();
}

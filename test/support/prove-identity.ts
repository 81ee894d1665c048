type Request = (path: string, init: RequestInit) => Response | Promise<Response>;

let key = 0;

/**
 * 实名认证 (KRN-R06) through the API, as a citizen does at /identity: POST /auth/identities with
 * the claim (a person: name, resident ID and the mobile the account signed in with; or an
 * enterprise through its proved agent). Throws unless the verifier confirmed it (201).
 */
export async function proveIdentity(request: Request, token: string, claim: Record<string, unknown>): Promise<void> {
  const res = await request("/auth/identities", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: `Bearer ${token}`,
      "Idempotency-Key": `prove-${++key}-${Date.now().toString(36)}`,
    },
    body: JSON.stringify(claim),
  });
  if (res.status !== 201) throw new Error(`实名认证 failed: ${res.status} ${await res.text()}`);
}

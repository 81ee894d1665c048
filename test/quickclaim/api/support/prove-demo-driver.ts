import { CHEN, WU } from "../../../../core/quickclaim/testing/test-world.ts";

type Request = (path: string, init: RequestInit) => Response | Promise<Response>;

let key = 0;

/**
 * 实名认证 (KRN-R06) through the API, as a demo driver (陈丽华, 吴建国) does at /identity before
 * claiming a payout (QC-R07): name, resident ID and the mobile the account signed in with. Other
 * mobiles prove nothing.
 */
export async function proveDemoDriver(request: Request, token: string, mobile: string): Promise<void> {
  for (const d of [CHEN, WU].filter((x) => x.mobile === mobile)) {
    const res = await request("/auth/identities", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${token}`,
        "Idempotency-Key": `prove-driver-${++key}-${mobile}`,
      },
      body: JSON.stringify({ kind: "person", name: d.name, residentId: d.residentId, mobile, region: "350900" }),
    });
    if (res.status !== 201) throw new Error(`实名认证 failed: ${res.status} ${await res.text()}`);
  }
}

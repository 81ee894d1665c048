import { DEMO_PEOPLE } from "../../../../adapters/factors/demo/ningde-demo-book.ts";

type Request = (path: string, init: RequestInit) => Response | Promise<Response>;

let key = 0;

/**
 * 实名认证 (KRN-R06) through the API, as a demo person of the factors story (林阿伯, 黄先生, 陈丽华)
 * does at /identity before registering their own factors (FAC-R01): name, resident ID and the
 * mobile the account signed in with. Other mobiles prove nothing.
 */
export async function proveDemoPerson(request: Request, token: string, mobile: string): Promise<void> {
  for (const p of DEMO_PEOPLE.filter((x) => x.mobile === mobile)) {
    const res = await request("/auth/identities", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${token}`,
        "Idempotency-Key": `prove-person-${++key}-${mobile}`,
      },
      body: JSON.stringify({ kind: "person", name: p.name, residentId: p.idNumber, mobile, region: "350900" }),
    });
    if (res.status !== 201) throw new Error(`实名认证 failed: ${res.status} ${await res.text()}`);
  }
}

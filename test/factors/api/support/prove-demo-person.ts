import { DEMO_PEOPLE } from "../../../../adapters/factors/demo/ningde-demo-book.ts";
import { proveIdentity } from "../../../support/prove-identity.ts";

type Request = (path: string, init: RequestInit) => Response | Promise<Response>;

/**
 * 实名认证 as a demo person of the factors story (林阿伯, 黄先生, 陈丽华) does at /identity before
 * registering their own factors (FAC-R01). Other mobiles prove nothing.
 */
export async function proveDemoPerson(request: Request, token: string, mobile: string): Promise<void> {
  for (const p of DEMO_PEOPLE.filter((x) => x.mobile === mobile)) {
    await proveIdentity(request, token, {
      kind: "person",
      name: p.name,
      residentId: p.idNumber,
      mobile,
      region: "350900",
    });
  }
}

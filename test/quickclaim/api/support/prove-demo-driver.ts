import { CHEN, WU } from "../../../../core/quickclaim/testing/test-world.ts";
import { proveIdentity } from "../../../support/prove-identity.ts";

type Request = (path: string, init: RequestInit) => Response | Promise<Response>;

/**
 * 实名认证 as a demo driver (陈丽华, 吴建国) does at /identity before claiming a payout (QC-R07).
 * Other mobiles prove nothing.
 */
export async function proveDemoDriver(request: Request, token: string, mobile: string): Promise<void> {
  for (const d of [CHEN, WU].filter((x) => x.mobile === mobile)) {
    await proveIdentity(request, token, {
      kind: "person",
      name: d.name,
      residentId: d.residentId,
      mobile,
      region: "350900",
    });
  }
}

import { syntheticResidentId } from "../../../adapters/marketplace/demo/synthetic-identities.ts";
import { people } from "../../../core/marketplace/testing/test-world.ts";
import { proveIdentity } from "../../support/prove-identity.ts";

type Request = (path: string, init: RequestInit) => Response | Promise<Response>;

/**
 * 实名认证 through the API, as a citizen does at /identity: the demo people's IDs are proved on
 * the account of their own mobile — a person with name, resident ID and mobile, an enterprise by
 * its agent (a resident ID made for the agent when the story has none). Other mobiles prove nothing.
 */
export async function proveDemoIdentities(request: Request, token: string, mobile: string): Promise<void> {
  const mine = Object.values(people).filter((p) => p.mobile === mobile);
  if (mine.length === 0) return;
  const send = (claim: Record<string, unknown>) => proveIdentity(request, token, claim);
  const person = mine.find((p) => p.idKind === "resident-id");
  const agent = person
    ? { name: person.name, residentId: person.idNumber }
    : { name: "经办人", residentId: syntheticResidentId(`35080219800101${mobile.slice(-3)}`) };
  await send({ kind: "person", name: agent.name, residentId: agent.residentId, mobile });
  for (const p of mine) {
    if (p.idKind !== "uscc") continue;
    await send({ kind: "enterprise", uscc: p.idNumber, enterpriseName: p.name, agentResidentId: agent.residentId });
  }
}

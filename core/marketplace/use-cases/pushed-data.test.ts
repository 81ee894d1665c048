import { describe, expect, it } from "vitest";
import { asyncRefusalOf } from "../testing/errors.ts";
import { apply, useCases } from "../testing/flows.ts";
import { products } from "../testing/test-catalogue.ts";
import { createTestWorld, people, principals } from "../testing/test-world.ts";

async function pushedToCib() {
  const world = await createTestWorld();
  const uc = useCases(world);
  const { push, application } = await apply(uc, principals.teaCo, people.teaCo, products.xingshan);
  return { world, uc, pushId: push.id, applicationId: application.id };
}

describe("MKT-R09 / data life: who may read pushed data, and for how long", () => {
  it("兴业 reads what was pushed to it, checked against the push-log hash; the read is audited", async () => {
    const { world, uc, pushId } = await pushedToCib();
    const read = await uc.readPushedData.execute({ pushId }, principals.cibStaff);
    expect(read.records.length).toBeGreaterThan(0);
    expect(new Set(read.records.map((r) => r.category))).toEqual(new Set(read.push.categories));
    expect(world.store.audit.at(-1)).toMatchObject({
      action: "marketplace.data.read",
      actor: "inst:cib/u1",
      objectId: pushId,
    });
  });

  it("兴业's list of received data holds its pushes only; another bank's list is empty", async () => {
    const { uc, pushId, applicationId } = await pushedToCib();
    expect((await uc.listReceivedPushes.execute({ applicationId }, principals.cibStaff)).map((p) => p.id)).toEqual([
      pushId,
    ]);
    expect(await uc.listReceivedPushes.execute({}, principals.ccbStaff)).toEqual([]);
  });

  it.each([
    ["another bank", principals.ccbStaff],
    ["the regulator (who sees the log, not the data)", principals.regulator],
    ["another citizen", principals.stranger],
  ])("%s cannot read the data: not found", async (_title, who) => {
    const { uc, pushId } = await pushedToCib();
    expect(await asyncRefusalOf(uc.readPushedData.execute({ pushId }, who))).toMatchObject({
      rule: "MKT-R09",
      kind: "not_found",
    });
  });

  it("after its 12-month data life the content is purged; the log line stays and reads are refused", async () => {
    const { world, uc, pushId } = await pushedToCib();
    world.clock.set("2027-03-02T15:59:59Z");
    expect(await uc.purgeExpiredPushedData.execute(undefined, principals.admin)).toEqual({ purged: 0 });
    world.clock.set("2027-03-02T16:00:00Z");
    expect(await asyncRefusalOf(uc.readPushedData.execute({ pushId }, principals.cibStaff))).toMatchObject({
      rule: "MKT-R03",
      kind: "conflict",
    });
    expect(await uc.purgeExpiredPushedData.execute(undefined, principals.admin)).toEqual({ purged: 1 });
    const stored = world.store.state.pushes.get(pushId);
    expect(stored).toMatchObject({ payloadCipher: null, purgedAt: new Date("2027-03-02T16:00:00Z") });
    const mine = await uc.listMyData.execute({}, principals.teaCo);
    expect(mine.pushes[0]).toMatchObject({ id: pushId, payloadHeld: false });
  });

  it("stored content that no longer matches its hash is refused", async () => {
    const { world, uc, pushId } = await pushedToCib();
    const stored = world.store.state.pushes.get(pushId);
    if (!stored?.payloadCipher) throw new Error("no payload");
    const content = JSON.parse(world.cipher.decrypt(stored.payloadCipher));
    content.records[0].fields = { forged: true };
    world.store.state.pushes.set(pushId, { ...stored, payloadCipher: world.cipher.encrypt(JSON.stringify(content)) });
    expect(await asyncRefusalOf(uc.readPushedData.execute({ pushId }, principals.cibStaff))).toMatchObject({
      rule: "MKT-R03",
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatYuan } from "../../../core/kernel/mod.ts";
import { CHEN, JPEG, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { driveOnPlatform } from "../adapters/support/drive.ts";
import { createPageApp, getPage, onceFor, type PageApp, postForm } from "./support/page-app.ts";

/** Police desk, signing, one-click claim and the adjuster's assessment and payment, through the pages. */
describe("快处快赔 police desk, signatures, claim and adjuster pages", () => {
  let t: PageApp;
  let chen: string;
  let wu: string;
  let police: string;
  let adjuster: string;
  let caseId: string;
  const R = "/quickclaim/350900";
  const policeCase = () => `${R}/police/cases/${caseId}`;
  const partyCase = () => `${R}/cases/${caseId}`;
  const adjusterCase = () => `${R}/adjuster/cases/${caseId}`;
  const status = async () => (await t.deps.uow.run((tx) => tx.cases.get(caseId)))?.status;

  beforeAll(async () => {
    t = await createPageApp();
    chen = await t.citizenToken(CHEN.mobile);
    wu = await t.citizenToken(WU.mobile);
    police = await t.staffKey(["police"], ["350982"], "fuding-traffic-police");
    adjuster = await t.staffKey(["adjuster"], ["350900"], "pingan-ningde");
    caseId = (await driveOnPlatform(t, "evidence")).caseId;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the 福鼎 officer's queue lists the case with its plates; a citizen may not open the desk", async () => {
    const queue = await (await getPage(t.app, `${R}/police`, police)).text();
    expect(queue).toContain(`data-case="${caseId}"`);
    expect(queue).toContain(`${CHEN.plate} / ${WU.plate}`);
    const refused = await getPage(t.app, `${R}/police`, chen);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('data-rule="KRN-R06"');
  });

  it("shows the officer the photos and the parties' items with C2 numbers masked", async () => {
    const html = await (await getPage(t.app, policeCase(), police)).text();
    expect(html.match(/class="qc-thumb"/g)?.length).toBe(3);
    expect(html).toContain("陈丽华");
    expect(html).not.toContain(CHEN.residentId);
    expect(html).toContain('data-testid="determine-form"');
  });

  it("previews the rule's suggestion for a rear-end collision without issuing anything", async () => {
    const html = await (await getPage(t.app, policeCase(), police)).text();
    const res = await postForm(t.app, `${policeCase()}/preview`, police, {
      _once: onceFor(html, `${policeCase()}/determine`),
      form: "rear_end",
      faultPartyId: "B",
      facts: "B车追尾A车",
      vehiclesMovable: "on",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/规则建议<\/strong>：A 0\.00%，B 100\.00%/);
    expect(await status()).toBe("EVIDENCE_SUBMITTED");
  });

  it("pulls surveillance clips near the time and place", async () => {
    const html = await (await getPage(t.app, policeCase(), police)).text();
    const res = await postForm(t.app, `${policeCase()}/video`, police, {
      _once: onceFor(html, `${policeCase()}/video`),
    });
    expect(res.status).toBe(303);
    const after = await (await getPage(t.app, res.headers.get("location") as string, police)).text();
    expect(after).toContain('data-testid="video-lookup"');
    expect(after).toMatch(/data-clip="[^"]+"/);
  });

  it("refuses an override without a reason (QC-R03) and keeps the case as it was", async () => {
    const html = await (await getPage(t.app, policeCase(), police)).text();
    const res = await postForm(t.app, `${policeCase()}/determine`, police, {
      _once: onceFor(html, `${policeCase()}/determine`),
      form: "rear_end",
      faultPartyId: "B",
      facts: "B车在G104国道跟车距离不足，追尾前方A车。",
      vehiclesMovable: "on",
      override: "on",
      share_A: "30",
      share_B: "70",
      overrideReason: "",
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('data-rule="QC-R03"');
    expect(page).toContain('value="30"');
    expect(await status()).toBe("EVIDENCE_SUBMITTED");
  });

  it("issues the letter; it prints with number, facts, decision, officer and content hash", async () => {
    const html = await (await getPage(t.app, policeCase(), police)).text();
    const res = await postForm(t.app, `${policeCase()}/determine`, police, {
      _once: onceFor(html, `${policeCase()}/determine`),
      form: "rear_end",
      faultPartyId: "B",
      facts: "B车在G104国道跟车距离不足，追尾前方A车。",
      vehiclesMovable: "on",
    });
    expect(res.status).toBe(303);
    expect(await status()).toBe("DETERMINED");
    const c = await t.deps.uow.run((tx) => tx.cases.get(caseId));
    const letter = await (await getPage(t.app, `${partyCase()}/letter`, chen)).text();
    expect(letter).toContain(c?.letter?.number as string);
    expect(letter).toContain(`data-hash="${c?.letter?.contentHash}"`);
    expect(letter).toContain("B车在G104国道跟车距离不足，追尾前方A车。");
    expect(letter).toMatch(/(郑警官|蔡警官)（350982-012[34]）/);
    expect(letter).toContain("福鼎市公安局交通警察大队");
    expect(letter).toContain('data-share="10000"');
    expect(letter).toContain('data-print="1"');
  });

  it("refuses a claim before every party has signed (QC-R04)", async () => {
    const res = await postForm(
      t.app,
      `${partyCase()}/claim`,
      chen,
      {
        _once: "form_beforeagreement1",
        idName: CHEN.name,
        residentId: CHEN.residentId,
        cardNumber: CHEN.card,
        holderName: CHEN.name,
      },
      {
        idPhoto: { name: "id.jpg", type: "image/jpeg", bytes: JPEG },
        cardPhoto: { name: "card.jpg", type: "image/jpeg", bytes: JPEG },
      },
    );
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('data-rule="QC-R04"');
    expect(await t.deps.uow.run((tx) => tx.claims.listByCase(caseId))).toEqual([]);
  });

  it("voids a signature when the officer overrides with a reason, and refuses signing the stale letter (QC-R04)", async () => {
    const chenPage = await (await getPage(t.app, partyCase(), chen)).text();
    const staleOnce = onceFor(chenPage, `${partyCase()}/sign`, 'value="agree"');
    const oldHash = /name="letterHash" value="([0-9a-f]{64})"/.exec(chenPage)?.[1] as string;
    const wuPage = await (await getPage(t.app, partyCase(), wu)).text();
    const signed = await postForm(t.app, `${partyCase()}/sign`, wu, {
      _once: onceFor(wuPage, `${partyCase()}/sign`, 'value="agree"'),
      letterHash: oldHash,
      decision: "agree",
    });
    expect(signed.status).toBe(303);

    const html = await (await getPage(t.app, policeCase(), police)).text();
    const reissued = await postForm(t.app, `${policeCase()}/determine`, police, {
      _once: onceFor(html, `${policeCase()}/determine`),
      form: "rear_end",
      faultPartyId: "B",
      facts: "B车在G104国道跟车距离不足，追尾前方A车；A车刹车灯损坏。",
      vehiclesMovable: "on",
      override: "on",
      share_A: "30",
      share_B: "70",
      overrideReason: "A车刹车灯损坏，负次要责任",
    });
    expect(reissued.status).toBe(303);
    const c = await t.deps.uow.run((tx) => tx.cases.get(caseId));
    expect(c?.letter?.version).toBe(2);
    expect(c?.signatures.every((s) => s.voided)).toBe(true);

    const stale = await postForm(t.app, `${partyCase()}/sign`, chen, {
      _once: staleOnce,
      letterHash: oldHash,
      decision: "agree",
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('data-rule="QC-R04"');
    const letter = await (await getPage(t.app, `${partyCase()}/letter`, wu)).text();
    expect(letter).toContain("A车刹车灯损坏，负次要责任");
    expect(letter).toContain('data-share="3000"');
  });

  it("both parties sign the new letter → AGREED, and each sees the claim form", async () => {
    for (const token of [chen, wu]) {
      const page = await (await getPage(t.app, partyCase(), token)).text();
      const hash = /name="letterHash" value="([0-9a-f]{64})"/.exec(page)?.[1] as string;
      const res = await postForm(t.app, `${partyCase()}/sign`, token, {
        _once: onceFor(page, `${partyCase()}/sign`, 'value="agree"'),
        letterHash: hash,
        decision: "agree",
      });
      expect(res.status).toBe(303);
    }
    expect(await status()).toBe("AGREED");
    expect(await (await getPage(t.app, partyCase(), chen)).text()).toContain('data-testid="claim-form"');
  });

  it("refuses a bank card that fails its check digit, then takes each party's claim once (QC-R02, QC-R07)", async () => {
    const claim = async (token: string, who: typeof CHEN | typeof WU, card: string, once?: string) => {
      const page = await (await getPage(t.app, partyCase(), token)).text();
      return postForm(
        t.app,
        `${partyCase()}/claim`,
        token,
        {
          _once: once ?? onceFor(page, `${partyCase()}/claim`),
          idName: who.name,
          residentId: who.residentId,
          cardNumber: card,
          holderName: who.name,
          bankName: "中国建设银行",
        },
        {
          idPhoto: { name: "id.jpg", type: "image/jpeg", bytes: JPEG },
          cardPhoto: { name: "card.jpg", type: "image/jpeg", bytes: JPEG },
        },
      );
    };
    const bad = await claim(wu, WU, "6217009876543210982");
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('data-rule="QC-R02"');
    expect(badHtml).toContain("银行卡号");
    expect((await claim(chen, CHEN, CHEN.card)).status).toBe(303);
    expect((await claim(wu, WU, WU.card)).status).toBe(303);
    const twice = await claim(chen, CHEN, CHEN.card, "form_claimtwice0001");
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('data-rule="QC-R07"');
    expect(await t.deps.uow.run((tx) => tx.claims.listByCase(caseId))).toHaveLength(2);
  });

  it("the adjuster assesses the loss, has the claims accepted and pays each exactly once", async () => {
    const queue = await (await getPage(t.app, `${R}/adjuster`, adjuster)).text();
    expect(queue).toContain(`data-case="${caseId}"`);
    const html = await (await getPage(t.app, adjusterCase(), adjuster)).text();
    const assessed = await postForm(t.app, `${adjusterCase()}/assess`, adjuster, {
      _once: onceFor(html, `${adjusterCase()}/assess`),
      vehicle_A: "3200.00",
      vehicle_B: "800",
    });
    expect(assessed.status).toBe(303);
    const plan = await (await getPage(t.app, adjusterCase(), adjuster)).text();
    expect(plan).toContain('data-mode="compulsory-first"');

    const claims = await t.deps.uow.run((tx) => tx.claims.listByCase(caseId));
    for (const cl of claims.filter((x) => x.status === "ASSESSED")) {
      const page = await (await getPage(t.app, adjusterCase(), adjuster)).text();
      const accept = await postForm(t.app, `${adjusterCase()}/accept`, adjuster, {
        _once: onceFor(page, `${adjusterCase()}/accept`, `value="${cl.id}"`),
        claimId: cl.id,
      });
      expect(accept.status).toBe(303);
      const paying = await (await getPage(t.app, adjusterCase(), adjuster)).text();
      const fields = { _once: onceFor(paying, `${adjusterCase()}/pay`, `value="${cl.id}"`), claimId: cl.id };
      const [one, two] = await Promise.all([
        postForm(t.app, `${adjusterCase()}/pay`, adjuster, fields),
        postForm(t.app, `${adjusterCase()}/pay`, adjuster, fields),
      ]);
      // A double click: one request pays, the other is told it is running (409) or gets the same answer.
      const statuses = [one.status, two.status];
      expect(statuses).toContain(303);
      expect(statuses.every((s) => s === 303 || s === 409)).toBe(true);
      const again = await postForm(t.app, `${adjusterCase()}/pay`, adjuster, {
        _once: `form_payagain_${cl.id}`,
        claimId: cl.id,
      });
      expect(again.status).toBe(303);
    }
    const after = await t.deps.uow.run((tx) => tx.claims.listByCase(caseId));
    const due = after.filter((x) => (x.payoutFen ?? 0) > 0);
    expect(due.length).toBeGreaterThan(0);
    for (const cl of due) {
      expect(cl.status).toBe("PAID");
      expect(cl.paidFen).toBe(cl.payoutFen);
      expect(t.gateway.transfers().filter((x) => x.requestId.startsWith(`${cl.id}.`))).toHaveLength(1);
    }
    const chenPage = await (await getPage(t.app, partyCase(), chen)).text();
    const chenClaim = after.find((x) => x.partyId === "A");
    expect(chenPage).toContain('data-claim-status="PAID"');
    expect(chenPage).toContain(`data-testid="paid-amount">${formatYuan(chenClaim?.paidFen ?? -1)} 元`);
  });
});

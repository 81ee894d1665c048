import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, base, registerByForm, registrationFields } from "./support/forms.ts";
import { createPageApp, getPage, LIN_MOBILE, type PageApp, RURAL_BANK } from "./support/page-app.ts";

/**
 * 林阿伯's 三权合一 bundle through the pages, from registration to an active mortgage: register
 * with evidence, confirm and publicise (FAC-R01/R02), activate, bundle (R03), self-assess (R04),
 * apply for a 渔排养殖贷 (R11), the bank accepts and registers the lien (R05/R06).
 */
describe("factor pages: 林阿伯 from registration to an active mortgage", () => {
  let t: PageApp;
  let lin: string;
  let bank: string;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createPageApp();
    await t.offerDemoProducts(["fish-raft-farming"]);
    lin = await t.citizenToken(LIN_MOBILE);
    bank = await t.staffKey(["institution_staff"], RURAL_BANK);
  }, 60_000);
  afterAll(() => t?.close());

  it("registers the three rights with evidence; each is confirmed and publicised", async () => {
    for (const key of ["lin-sea", "lin-raft", "lin-aqua"]) {
      const id = await registerByForm(t, lin, registrationFields(key));
      const page = `${base}/factors/${id}`;
      const draft = await (await getPage(t.app, `${page}?done=registered`, lin)).text();
      expect(draft).toContain('data-status="DRAFT"');
      expect(draft).toContain("证书.png");
      const res = await act(t, lin, page, `${page}/submit`);
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe(`${page}?done=publicised`);
      ids.push(id);
    }
    const html = await (await getPage(t.app, `${base}/factors/${ids[0]}?done=publicised`, lin)).text();
    expect(html).toContain('data-testid="done"');
    expect(html).toContain('data-status="PUBLICISED"');
    expect(html).toContain('data-event="confirmed"');
  });

  it("activation before the notice closes is refused on the page, naming FAC-R02; after 7 days it is active", async () => {
    const page = `${base}/factors/${ids[0]}`;
    const early = await act(t, lin, page, `${page}/activate`);
    expect(early.status).toBe(409);
    const body = await early.text();
    expect(body).toContain('data-rule="FAC-R02"');
    expect(body).toContain('data-testid="activate-form"');
    t.clock.set("2026-03-10T02:00:00Z");
    lin = await t.citizenToken(LIN_MOBILE); // a week later: a new session
    for (const id of ids) {
      const p = `${base}/factors/${id}`;
      expect((await act(t, lin, p, `${p}/activate`)).status).toBe(303);
    }
    expect(await (await getPage(t.app, page, lin)).text()).toContain('data-status="ACTIVE"');
  });

  it("forms the bundle on 我的要素 and self-assesses it at 280,000 yuan", async () => {
    const mine = `${base}/mine`;
    const html = await (await getPage(t.app, mine, lin)).text();
    expect(html).toContain('data-testid="bundle-form"');
    const res = await act(t, lin, mine, `${base}/bundle`, { factorIds: ids });
    expect(res.status).toBe(303);
    const page = `${base}/factors/${ids[0]}`;
    const valued = await act(t, lin, page, `${page}/value`, { condition: "good" });
    expect(valued.status).toBe(303);
    const after = await (await getPage(t.app, page, lin)).text();
    expect(after).toContain('data-fen="28000000"');
    expect(after).toContain("村集体自主评估");
  });

  it("applies for a 渔排养殖贷; an amount over the loan-to-value is refused naming FAC-R05, nothing applied", async () => {
    const apply = `${base}/apply?factors=${encodeURIComponent(ids.join(","))}`;
    const form = await (await getPage(t.app, apply, lin)).text();
    expect(form).toContain("渔排养殖贷");
    const unit = [...ids].sort().join(",");
    const productId = /name="productId" value="([^"]+)"/.exec(form)?.[1] ?? "";
    const garbled = await act(t, lin, apply, `${base}/apply`, { unit, productId, amount: "十五万", termMonths: "24" });
    expect(garbled.status).toBe(422);
    const garbledHtml = await garbled.text();
    expect(garbledHtml).toContain('data-rule="KRN-R01"');
    expect(garbledHtml).toContain("金额"); // the field, named in the page's language
    const tooMuch = await act(t, lin, apply, `${base}/apply`, { unit, productId, amount: "200000", termMonths: "24" });
    expect(tooMuch.status).toBe(422);
    const tooMuchHtml = await tooMuch.text();
    expect(tooMuchHtml).toContain('data-rule="FAC-R05"');
    expect(tooMuchHtml).toContain('value="200000"'); // the form comes back with what was typed
    const ok = await act(t, lin, apply, `${base}/apply`, { unit, productId, amount: "150000", termMonths: "24" });
    expect(ok.status).toBe(303);
    const appPage = ok.headers.get("Location") ?? "";
    expect(appPage).toMatch(/\/applications\//);
    const mine = await (await getPage(t.app, `${base}/mine`, lin)).text();
    expect(mine.match(/data-application=/g)).toHaveLength(1);

    const queue = await (await getPage(t.app, `${base}/bank`, bank)).text();
    expect(queue).toContain(appPage);
    const decided = await act(t, bank, appPage, `${appPage}/decide`, {
      decision: "accept",
      rate: "4.5",
      amount: "150000",
      termMonths: "24",
    });
    expect(decided.status).toBe(303);
    const registered = await act(t, bank, appPage, `${appPage}/register`);
    expect(registered.status).toBe(303);
    const loanPage = registered.headers.get("Location") ?? "";
    const loan = await (await getPage(t.app, loanPage, bank)).text();
    expect(loan).toContain('data-status="PERFORMING"');
    expect(loan).toContain('data-rank="1"');
    expect(loan).toContain('data-fen="15000000"');
    const factor = await (await getPage(t.app, `${base}/factors/${ids[1]}`, lin)).text();
    expect(factor).toContain('data-status="ENCUMBERED"');
    expect(factor).toContain('data-event="lien_registered"');
  });
});

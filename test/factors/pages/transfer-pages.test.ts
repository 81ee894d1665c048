import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, base } from "./support/forms.ts";
import { createPageApp, getPage, LIN_MOBILE, type PageApp, RURAL_BANK } from "./support/page-app.ts";
import { type Mortgaged, mortgagedBundle } from "./support/scenarios.ts";

const BUYER = { bidderKind: "person", bidderName: "郑明华", bidderId: "350902197103150137" };

/**
 * FAC-R10 流转 through the pages: 林阿伯 lists his mortgaged bundle for sale; a bid under the
 * reserve is refused; the award waits for the lien holder's consent; the county official's
 * change of holder is checked with the registry (FAC-R01).
 */
describe("transfer pages: listing, bids, consent, award and change of holder", () => {
  let t: PageApp;
  let lin: string;
  let bank: string;
  let loan: Mortgaged;
  let listingPage: string;

  beforeAll(async () => {
    t = await createPageApp();
    const { "fish-raft-farming": product = "" } = await t.offerDemoProducts(["fish-raft-farming"]);
    bank = await t.staffKey(["institution_staff"], RURAL_BANK);
    const p = await t.principal(await t.citizenToken(LIN_MOBILE), LIN_MOBILE);
    loan = await mortgagedBundle(
      t,
      p,
      await t.principal(bank),
      ["lin-sea", "lin-raft", "lin-aqua"],
      product,
      100_000_00,
    );
    lin = await t.citizenToken(LIN_MOBILE);
  }, 60_000);
  afterAll(() => t?.close());

  it("林阿伯 lists the whole bundle for sale; the lien holder is asked for consent", async () => {
    const page = `${base}/factors/${loan.factorIds[1]}`;
    const short = await act(t, lin, page, `${page}/list`, { kind: "sale", reserve: "250000", closesOn: "2026-03-12" });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('data-rule="FAC-R10"');
    const res = await act(t, lin, page, `${page}/list`, { kind: "sale", reserve: "250000", closesOn: "2026-03-31" });
    expect(res.status).toBe(303);
    listingPage = res.headers.get("Location") ?? "";
    const html = await (await getPage(t.app, listingPage, lin)).text();
    expect(html).toContain('data-status="open"');
    expect(html.match(/data-factor="/g)).toHaveLength(3);
    const desk = await (await getPage(t.app, `${base}/bank`, bank)).text();
    expect(desk).toContain(listingPage);
  });

  it("a bid under the reserve is refused naming FAC-R10; a proper bid shows with the bidder's name masked", async () => {
    const buyer = await t.citizenToken("13905930077");
    const low = await act(t, buyer, listingPage, `${listingPage}/bid`, { ...BUYER, amount: "100000" });
    expect(low.status).toBe(422);
    const refused = await low.text();
    expect(refused).toContain('data-rule="FAC-R10"');
    expect(refused).toContain('value="100000"');
    const ok = await act(t, buyer, listingPage, `${listingPage}/bid`, { ...BUYER, amount: "260000" });
    expect(ok.status).toBe(303);
    const html = await (await getPage(t.app, listingPage, buyer)).text();
    expect(html).toContain('data-fen="26000000"');
    expect(html).not.toContain("郑明华");
    expect(html).not.toContain(BUYER.bidderId);
  });

  it("the award waits for the lien holder's consent (FAC-R10); after consent the sale is awarded", async () => {
    t.clock.set("2026-04-01T02:00:00Z");
    lin = await t.citizenToken(LIN_MOBILE);
    const early = await act(t, lin, listingPage, `${listingPage}/award`);
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('data-rule="FAC-R10"');
    expect((await act(t, bank, listingPage, `${listingPage}/consent`)).status).toBe(303);
    expect((await act(t, lin, listingPage, `${listingPage}/award`)).status).toBe(303);
    const html = await (await getPage(t.app, listingPage, lin)).text();
    expect(html).toContain('data-status="awarded"');
    const factor = await (await getPage(t.app, `${base}/factors/${loan.factorIds[0]}`, lin)).text();
    expect(factor).toContain('data-status="TRANSFERRED"');
  });

  it("the county official's change of holder is refused while the registry still records the seller (FAC-R01)", async () => {
    const official = await t.staffKey(["regulator"], undefined, ["350981"]);
    const desk = await (await getPage(t.app, `${base}/county`, official)).text();
    expect(desk).toContain(listingPage);
    const res = await act(t, official, listingPage, `${listingPage}/register-transfer`);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('data-rule="FAC-R01"');
    const other = await t.staffKey(["regulator"], undefined, ["350921"]);
    expect(await (await getPage(t.app, `${base}/county`, other)).text()).not.toContain(listingPage);
  });
});

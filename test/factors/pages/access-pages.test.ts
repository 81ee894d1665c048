import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerFactor, submitFactor } from "../../../core/factors/mod.ts";
import { act, base, registerByForm, registrationFields } from "./support/forms.ts";
import {
  createPageApp,
  getPage,
  LIN_MOBILE,
  onceFor,
  type PageApp,
  PNG_1X1,
  postForm,
  RURAL_BANK,
} from "./support/page-app.ts";
import { type Mortgaged, mortgagedBundle } from "./support/scenarios.ts";

const CHEN_MOBILE = "13905931234";

/** KRN-R06/R08/R11 on the pages: who sees what, refusals shown on the form, single-use forms, languages. */
describe("factor pages: access, refusals, single-use forms and languages", () => {
  let t: PageApp;
  let lin: string;
  let loan: Mortgaged;

  beforeAll(async () => {
    t = await createPageApp();
    const { "fish-raft-farming": product = "" } = await t.offerDemoProducts(["fish-raft-farming", "homestay"]);
    const bank = await t.staffKey(["institution_staff"], RURAL_BANK);
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

  it("the region home shows the catalogue (4 categories, 23 types) and the counties with a collection company, in both languages", async () => {
    const zh = await (await getPage(t.app, `${base}`)).text();
    expect(zh).toContain("共 4 大类 23 种要素");
    expect(zh).toContain("9 个区县中 6 个已设立资产收储公司");
    expect(zh).toContain('href="/factors/sign-in?next=%2Ffactors%2F350900"');
    const en = await (await getPage(t.app, `${base}?lang=en`)).text();
    expect(en).toContain("4 categories, 23 types");
    expect(en).toContain('lang="en"');
    const root = await getPage(t.app, "/factors");
    expect(root.headers.get("Location")).toBe(base);
  });

  it("pages need a sign-in and come back to where they were", async () => {
    const res = await getPage(t.app, `${base}/mine`);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/factors/sign-in?next=%2Ffactors%2F350900%2Fmine");
    const signIn = await (await getPage(t.app, "/factors/sign-in?next=%2Ffactors%2F350900%2Fmine")).text();
    expect(signIn).toContain('name="next" value="/factors/350900/mine"');
    const evil = await (await getPage(t.app, "/factors/sign-in?next=https%3A%2F%2Fevil.example")).text();
    expect(evil).toContain('name="next" value="/factors"');
  });

  it("someone else's factor, loan or desk reads as not found or forbidden, never a 500", async () => {
    const stranger = await t.citizenToken("13905930099");
    const factor = await getPage(t.app, `${base}/factors/${loan.factorIds[0]}`, stranger);
    expect(factor.status).toBe(404);
    expect(await factor.text()).toContain('data-rule="KRN-R06"');
    const postal = await t.staffKey(["institution_staff"], "nd-postal-bank");
    expect((await getPage(t.app, `${base}/loans/${loan.loanId}`, postal)).status).toBe(404);
    expect((await getPage(t.app, `${base}/applications/${loan.applicationId}`, stranger)).status).toBe(404);
    expect((await getPage(t.app, `${base}/bank`, stranger)).status).toBe(403);
    expect((await getPage(t.app, `${base}/dashboard`, stranger)).status).toBe(403);
    expect((await getPage(t.app, "/factors/350800/mine", stranger)).status).toBe(404);
    expect((await getPage(t.app, `${base}/factors/no-such-id`, lin)).status).toBe(404);
  });

  it("a county official's dashboard covers only the county", async () => {
    const fuan = await t.staffKey(["regulator"], undefined, ["350981"]);
    const html = await (await getPage(t.app, `${base}/dashboard?area=350902`, fuan)).text();
    expect(html).toContain('<option value="350981" selected="">福安市</option>');
    expect(html).not.toContain('value="350900"');
    expect(html).toContain('data-kpi="entities"><b>1</b>');
  });

  it("a neighbour objects from the public notice; a replayed form does nothing twice; the county dismisses it", async () => {
    const chen = await t.principal(await t.citizenToken(CHEN_MOBILE), CHEN_MOBILE);
    const f = registrationFields("chen-house");
    const draft = await registerFactor(t.deps, chen, {
      countyCode: f.countyCode,
      typeCode: f.typeCode,
      holder: { kind: "person", idNumber: f.holderId, name: f.holderName },
      title: f.title,
      location: f.location,
      quantity: f.quantity,
      certificateNo: f.certificateNo,
    });
    await submitFactor(t.deps, chen, { factorId: draft.id });
    const neighbour = await t.citizenToken("13905930055");
    expect((await getPage(t.app, `${base}/factors/${draft.id}`, neighbour)).status).toBe(404);
    const market = await (await getPage(t.app, `${base}/market`, neighbour)).text();
    expect(market).toContain(`data-notice="${draft.id}"`);
    const notice = `${base}/notices/${draft.id}`;
    const html = await (await getPage(t.app, notice, neighbour)).text();
    expect(html).toContain("陈**");
    expect(html).not.toContain(f.holderId);
    const fields = { grounds: "该房屋为兄妹共有，尚未分家", _once: onceFor(html, `${notice}/object`) };
    const first = await postForm(t.app, `${notice}/object`, neighbour, fields);
    expect(first.status).toBe(303);
    const again = await postForm(t.app, `${notice}/object`, neighbour, fields);
    expect(again.status).toBe(303);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    const after = await (await getPage(t.app, `${notice}?done=objected`, neighbour)).text();
    expect(after).toContain('data-status="DISPUTED"');
    expect(after.match(/data-objection=/g)).toHaveLength(1);
    const noOrigin = await t.app.request(`${notice}/object`, {
      method: "POST",
      headers: { Authorization: `Bearer ${neighbour}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grounds: "x", _once: "form_x_123456789" }),
    });
    expect(noOrigin.status).toBe(403);

    const fuding = await t.staffKey(["regulator"], undefined, ["350982"]);
    const desk = await (await getPage(t.app, `${base}/county`, fuding)).text();
    expect(desk).toContain(`data-factor="${draft.id}"`);
    const page = `${base}/factors/${draft.id}`;
    const decision = await (await getPage(t.app, page, fuding)).text();
    const action = /action="([^"]*\/objections\/[^"]*\/resolve)"/.exec(decision)?.[1] ?? "";
    expect(action).not.toBe("");
    const res = await act(t, fuding, page, action, {
      decision: "dismissed",
      reason: "不动产登记簿记载为陈丽华单独所有",
    });
    expect(res.status).toBe(303);
    expect(await (await getPage(t.app, page, fuding)).text()).toContain('data-status="PUBLICISED"');
  });

  it("registering someone else's factor (黄先生's ID on 林阿伯's account) is refused at once: 403 FAC-R01 with the way to 实名认证, nothing registered", async () => {
    const count = async () =>
      Number(
        (
          await t.platform.database.db
            .selectFrom("factors.factors")
            .select((e) => e.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const form = await (await getPage(t.app, `${base}/register`, lin)).text();
    const res = await postForm(
      t.app,
      `${base}/register`,
      lin,
      {
        ...registrationFields("lin-farmer"),
        holderId: "350921198204205030",
        _once: onceFor(form, `${base}/register`),
      },
      [{ field: "evidenceFiles", name: "证书.png", type: "image/png", bytes: PNG_1X1 }],
    );
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('data-rule="FAC-R01"');
    expect(html).toContain('data-field="holder.idNumber"');
    expect(html).toContain('href="/identity"');
    expect(await count()).toBe(before);
  });

  it("applying with one member of a 三权合一 bundle is refused naming FAC-R03; an expired valuation naming FAC-R04", async () => {
    const apply = `${base}/apply?factors=${loan.factorIds[0]}`;
    const html = await (await getPage(t.app, apply, lin)).text();
    const productId = /name="productId" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const split = await act(t, lin, apply, `${base}/apply`, {
      unit: loan.factorIds[0] ?? "",
      productId,
      amount: "10000",
      termMonths: "12",
    });
    expect(split.status).toBe(422);
    expect(await split.text()).toContain('data-rule="FAC-R03"');
    t.clock.set("2027-04-01T02:00:00Z");
    lin = await t.citizenToken(LIN_MOBILE);
    const unit = [...loan.factorIds].sort().join(",");
    const expired = await act(t, lin, apply, `${base}/apply`, { unit, productId, amount: "10000", termMonths: "12" });
    expect(expired.status).toBe(422);
    expect(await expired.text()).toContain('data-rule="FAC-R04"');
  });
});

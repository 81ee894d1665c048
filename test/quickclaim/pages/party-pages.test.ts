import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHEN, JPEG, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { createPageApp, getPage, onceFor, type PageApp, postForm } from "./support/page-app.ts";

/** The party's phone pages over the real platform, through app.request (no browser). */
describe("快处快赔 party pages: report → photos → items → submit", () => {
  let t: PageApp;
  let chen: string;
  let wu: string;
  let stranger: string;
  let caseId = "";
  const casePath = () => `/quickclaim/350900/cases/${caseId}`;

  beforeAll(async () => {
    t = await createPageApp();
    chen = await t.citizenToken(CHEN.mobile);
    wu = await t.citizenToken(WU.mobile);
    stranger = await t.citizenToken("13700000001");
  });
  afterAll(async () => {
    await t?.close();
  });

  const reportFields = (once: string, over: Record<string, string> = {}) => ({
    _once: once,
    regionCode: "350982",
    accidentAt: "2026-03-01T13:40",
    address: "福鼎市太姥山镇 G104 国道旁",
    lat: "27.0931",
    lng: "120.2014",
    plate0: CHEN.plate,
    mobile0: CHEN.mobile,
    plate1: WU.plate,
    mobile1: WU.mobile,
    vehiclesMovable: "on",
    ...over,
  });

  it("the landing page states the QC-R01 conditions from the pack in force and lists the 10 service centres", async () => {
    const res = await getPage(t.app, "/quickclaim?region=350900");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("快处快赔121");
    expect(html).toContain("财产损失 5000 元以下、人身伤害 2000 元以下");
    expect(html).toContain("最多 3 辆车");
    expect(html.match(/快处快赔服务中心<\/strong>/g)?.length).toBe(10);
    expect(html).toContain('href="/quickclaim/350900/report"');
    const css = await getPage(t.app, "/assets/quickclaim.css");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const js = await getPage(t.app, "/assets/quickclaim.js");
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(html).toContain('<script src="/assets/quickclaim.js"');
    expect(html).not.toMatch(/<script>|<style>| style="/);
  });

  it("asks a visitor to sign in first and comes back to the report form", async () => {
    const res = await getPage(t.app, "/quickclaim/350900/report");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/quickclaim/sign-in?next=%2Fquickclaim%2F350900%2Freport");
    const signIn = await (await getPage(t.app, res.headers.get("location") as string)).text();
    expect(signIn).toContain('name="next" value="/quickclaim/350900/report"');
  });

  it("refuses a report with an invalid plate by rule and field, keeps what was typed, and writes nothing", async () => {
    const form = await (await getPage(t.app, "/quickclaim/350900/report", chen)).text();
    const res = await postForm(
      t.app,
      "/quickclaim/350900/report",
      chen,
      reportFields(onceFor(form, "/quickclaim/350900/report"), { plate1: "ABC" }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('data-rule="QC-R02"');
    expect(html).toContain("车牌号");
    expect(html).toContain('value="福鼎市太姥山镇 G104 国道旁"');
    expect(await t.deps.queries.casesOfSubject(t.blindIndexer.index("mobile", CHEN.mobile))).toEqual([]);
  });

  it("reports once however often the same form is sent, and shows the link and QR code for the other party", async () => {
    const form = await (await getPage(t.app, "/quickclaim/350900/report", chen)).text();
    const fields = reportFields(onceFor(form, "/quickclaim/350900/report"));
    const first = await postForm(t.app, "/quickclaim/350900/report", chen, fields);
    const again = await postForm(t.app, "/quickclaim/350900/report", chen, fields);
    expect(first.status).toBe(303);
    expect(again.status).toBe(303);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    const cases = await t.deps.queries.casesOfSubject(t.blindIndexer.index("mobile", CHEN.mobile));
    expect(cases).toHaveLength(1);
    caseId = cases[0]?.caseId as string;
    expect(first.headers.get("location")).toBe(`${casePath()}?reported=1`);

    const page = await (await getPage(t.app, first.headers.get("location") as string, chen)).text();
    expect(page).toContain('data-status="REPORTED"');
    expect(page).toContain(`http://localhost${casePath()}`);
    expect(page).toMatch(/<div class="qc-qr"[^>]*><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(page).toContain('data-testid="slot-front"');
    expect(page).toContain('data-testid="items-A"');
    expect(page).not.toContain('data-testid="items-B"');
    const landing = await (await getPage(t.app, "/quickclaim?region=350900", chen)).text();
    expect(landing).toContain(`<li data-case="${caseId}">`);
    expect(await (await getPage(t.app, "/quickclaim?region=350900", stranger)).text()).not.toContain(caseId);
  });

  it("lets the other party open the link, but a stranger sees only 'not found'", async () => {
    const other = await (await getPage(t.app, casePath(), wu)).text();
    expect(other).toContain('data-testid="items-B"');
    expect(other).not.toContain('data-testid="items-A"');
    expect(other).toContain("138****6789"); // own mobile unmasked elsewhere, Chen's masked
    expect(other).toContain("139****1234");
    const res = await getPage(t.app, casePath(), stranger);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(CHEN.plate);
  });

  it("refuses a photo of the wrong type and an oversize photo by QC-R02, storing nothing", async () => {
    const page = await (await getPage(t.app, casePath(), chen)).text();
    const action = `${casePath()}/photos`;
    const fields = { _once: onceFor(page, action, 'value="front"'), slot: "front", capturedAt: "2026-03-01T13:43" };
    const wrong = await postForm(
      t.app,
      action,
      chen,
      { ...fields, lat: "27.0931", lng: "120.2014" },
      {
        photo: { name: "note.txt", type: "text/plain", bytes: new TextEncoder().encode("not a photo") },
      },
    );
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('data-rule="QC-R02"');
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(JPEG);
    const page2 = await (await getPage(t.app, casePath(), chen)).text();
    const oversize = await postForm(
      t.app,
      action,
      chen,
      { ...fields, _once: onceFor(page2, action, 'value="front"'), lat: "27.0931", lng: "120.2014" },
      { photo: { name: "big.jpg", type: "image/jpeg", bytes: big } },
    );
    expect(oversize.status).toBe(422);
    expect(await oversize.text()).toContain("10485760");
    const view = await t.deps.uow.run((tx) => tx.cases.get(caseId));
    expect(view?.photos).toEqual([]);
  });

  it("refuses to submit evidence with a photo slot and the other party's items missing (QC-R02)", async () => {
    const page = await (await getPage(t.app, casePath(), chen)).text();
    const res = await postForm(t.app, `${casePath()}/submit`, chen, { _once: onceFor(page, `${casePath()}/submit`) });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('data-rule="QC-R02"');
    expect(html).toContain('data-field="photos.front"');
    expect(html).toContain('data-field="parties.B.items"');
    expect((await t.deps.uow.run((tx) => tx.cases.get(caseId)))?.status).toBe("REPORTED");
  });

  it("takes the three photos with capture time and place, flags one taken far away, and the five items of both", async () => {
    const action = `${casePath()}/photos`;
    const spots: Record<string, [string, string]> = {
      front: ["27.0931", "120.2014"],
      rear: ["27.0932", "120.2015"],
      collision: ["27.1100", "120.2300"], // ~3 km away: flagged for the officer
    };
    for (const [slot, [lat, lng]] of Object.entries(spots)) {
      const page = await (await getPage(t.app, casePath(), chen)).text();
      const res = await postForm(
        t.app,
        action,
        chen,
        { _once: onceFor(page, action, `value="${slot}"`), slot, capturedAt: "2026-03-01T13:43", lat, lng },
        { photo: { name: `${slot}.jpg`, type: "image/jpeg", bytes: JPEG } },
      );
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${casePath()}?done=photo`);
    }
    type Person = { plate: string; name: string; residentId: string; insurerId: string; mobile: string };
    const items = async (token: string, partyId: string, who: Person, licence: string) => {
      const page = await (await getPage(t.app, casePath(), token)).text();
      return postForm(t.app, `${casePath()}/items`, token, {
        _once: onceFor(page, `${casePath()}/items`),
        partyId,
        plate: who.plate,
        driverName: who.name,
        driverLicenceNo: who.residentId,
        vehicleLicenceNo: licence,
        insurerId: who.insurerId,
        compulsoryPolicyNo: partyId === "A" ? "PDZA2026350900001111" : "PDZA2026350900002221",
        commercialPolicyNo: "",
        mobile: who.mobile,
      });
    };
    const badId = await items(chen, "A", { ...CHEN, residentId: "350982197509082026" }, "350900111111");
    expect(badId.status).toBe(422);
    const badHtml = await badId.text();
    expect(badHtml).toContain('data-rule="QC-R02"');
    expect(badHtml).toContain("驾驶证号");
    expect((await items(chen, "A", CHEN, "350900111111")).status).toBe(303);
    expect((await items(wu, "B", WU, "350900222222")).status).toBe(303);

    const page = await (await getPage(t.app, casePath(), chen)).text();
    expect(page.match(/class="qc-thumb"/g)?.length).toBe(3);
    expect(page).toContain("证据齐全，可以提交。");
    expect(page).toMatch(/拍摄位置距事故地点 \d{4} 米/);
    const photo = /src="(\/quickclaim\/350900\/cases\/[^"]+\/photos\/[^"]+)"/.exec(page)?.[1] as string;
    const img = await getPage(t.app, photo, wu);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/jpeg");
    expect(new Uint8Array(await img.arrayBuffer())).toEqual(JPEG);
    expect((await getPage(t.app, photo, stranger)).status).toBe(404);
  });

  it("submits the evidence; the parties wait for the officer on a self-refreshing page", async () => {
    const page = await (await getPage(t.app, casePath(), wu)).text();
    const res = await postForm(t.app, `${casePath()}/submit`, wu, { _once: onceFor(page, `${casePath()}/submit`) });
    expect(res.status).toBe(303);
    const wait = await getPage(t.app, casePath(), chen);
    expect(wait.headers.get("refresh")).toBe("15");
    const html = await wait.text();
    expect(html).toContain('data-testid="wait"');
    expect(html).toContain("有 1 张照片的时间或位置与报案不一致");
    const en = await (await getPage(t.app, `${casePath()}?lang=en`, chen)).text();
    expect(en).toContain("Waiting for the police");
  });
});

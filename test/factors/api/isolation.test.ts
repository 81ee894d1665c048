import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writtenState } from "./support/db-snapshot.ts";
import { call, createFactorsTestApp, type FactorsTestApp } from "./support/factors-test-app.ts";
import { API, type LinLoan, linLoan } from "./support/lin-journey.ts";

/**
 * KRN-R06 object-level isolation through the API: another citizen, another bank, a regulator of
 * another county or region read "not found" — the same answer as for an id that does not exist —
 * and their attempts write nothing.
 */
describe("factors API isolation: others' factors, loans and applications read as not found", () => {
  let t: FactorsTestApp;
  let lin: LinLoan;
  let other: string;
  let postal: string;

  beforeAll(async () => {
    t = await createFactorsTestApp();
    lin = await linLoan(t);
    other = await t.citizen("13905930002");
    postal = await t.staff(["institution_staff"], "nd-postal-bank");
  });
  afterAll(async () => {
    await t?.close();
  });

  const notFound = (res: { status: number; body: any }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    expect(res.body.ruleId).toBe("KRN-R06");
  };

  it.each([
    ["another citizen reads 林阿伯's factor", "factor"],
    ["another citizen reads 林阿伯's loan", "loan"],
    ["another citizen reads 林阿伯's application", "application"],
  ])("%s: 404, like an unknown id", async (_title, what) => {
    const id = what === "factor" ? lin.factorIds[0] : what === "loan" ? lin.loanId : lin.applicationId;
    const path = what === "factor" ? "factors" : what === "loan" ? "loans" : "applications";
    const theirs = await call(t, "GET", `${API}/${path}/${id}`, other);
    const unknown = await call(t, "GET", `${API}/${path}/nope_${what}`, other);
    notFound(theirs);
    notFound(unknown);
    expect(theirs.body.title).toBe(unknown.body.title);
  });

  it("another bank cannot read the loan, service it, report its default or decide its application", async () => {
    const before = await writtenState(t.database.db);
    notFound(await call(t, "GET", `${API}/loans/${lin.loanId}`, postal));
    notFound(
      await call(t, "POST", `${API}/loans/${lin.loanId}/servicing`, postal, {
        outstandingPrincipalYuan: "0.00",
        interestArrearsYuan: "0.00",
        overdueSince: null,
      }),
    );
    notFound(await call(t, "POST", `${API}/loans/${lin.loanId}/default`, postal, {}));
    notFound(await call(t, "POST", `${API}/applications/${lin.applicationId}/registration`, postal, {}));
    expect(await writtenState(t.database.db)).toEqual(before);
  });

  it("another citizen cannot act for the holder: no listing, no valuation order, no bundle", async () => {
    const before = await writtenState(t.database.db);
    notFound(
      await call(t, "POST", `${API}/listings`, other, {
        factorIds: lin.factorIds,
        kind: "sale",
        reservePriceYuan: "1.00",
        closesOn: "2026-12-31",
      }),
    );
    notFound(await call(t, "POST", `${API}/valuations`, other, { factorIds: lin.factorIds }));
    expect(await writtenState(t.database.db)).toEqual(before);
  });

  it("the guarantor and insurer of the loan see it; the lending bank sees it in its queue", async () => {
    const guarantor = await t.staff(["institution_staff"], "nd-gov-guarantor");
    const seen = await call(t, "GET", `${API}/loans/${lin.loanId}`, guarantor);
    expect(seen.status).toBe(200);
    expect(seen.body.factors[0].holder.name).toBe("林**");
  });

  it("a regulator of 福安 reads 福安's dashboard but not 霞浦's; Longyan's regulator does not reach 宁德", async () => {
    const fuan = await t.staff(["regulator"], null, ["350981"]);
    expect(
      (await call(t, "GET", `${API}/dashboard?countyCode=350981&from=2026-01-01&to=2026-12-31`, fuan)).status,
    ).toBe(200);
    notFound(await call(t, "GET", `${API}/dashboard?countyCode=350921&from=2026-01-01&to=2026-12-31`, fuan));
    const longyan = await t.staff(["regulator"], null, ["350800"]);
    const res = await call(t, "GET", `${API}/dashboard?from=2026-01-01&to=2026-12-31`, longyan);
    notFound(res);
    expect(res.body.field).toBe("region");
  });

  it("a citizen may not read the dashboards, and an anonymous caller must sign in", async () => {
    expect((await call(t, "GET", `${API}/dashboard?from=2026-01-01&to=2026-12-31`, lin.citizen)).status).toBe(403);
    expect((await call(t, "GET", `${API}/factors/${lin.factorIds[0]}`, null)).status).toBe(401);
  });
});

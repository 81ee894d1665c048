import { expect } from "vitest";
import { DEMO_FACTORS, demoPerson } from "../../../../adapters/factors/demo/ningde-demo-book.ts";
import { getPage, NINGDE, onceFor, type PageApp, PNG_1X1, postForm } from "./page-app.ts";

export const base = `/factors/${NINGDE}`;

/** The registration form's fields for a record of the demo book (the registry simulator knows it). */
export function registrationFields(key: string): Record<string, string> {
  const r = DEMO_FACTORS.find((f) => f.key === key);
  if (!r) throw new Error(`no demo factor ${key}`);
  const person = demoPerson(r.person);
  return {
    countyCode: r.countyCode,
    typeCode: r.typeCode,
    holderKind: "person",
    holderName: person.name,
    holderId: person.idNumber,
    title: r.title,
    location: r.location,
    quantity: r.quantity,
    certificateNo: r.certificateNo ?? "",
    siteRef: r.siteRef ?? "",
  };
}

/** Registers a factor through the form (with one evidence photo); returns its id. */
export async function registerByForm(t: PageApp, token: string, fields: Record<string, string>): Promise<string> {
  const form = await (await getPage(t.app, `${base}/register`, token)).text();
  const res = await postForm(
    t.app,
    `${base}/register`,
    token,
    { ...fields, _once: onceFor(form, `${base}/register`) },
    [{ field: "evidenceFiles", name: "证书.png", type: "image/png", bytes: PNG_1X1 }],
  );
  expect(res.status, await res.clone().text()).toBe(303);
  const m = /\/factors\/350900\/factors\/([^?]+)\?done=registered/.exec(res.headers.get("Location") ?? "");
  if (!m) throw new Error(`unexpected redirect ${res.headers.get("Location")}`);
  return decodeURIComponent(m[1] as string);
}

/** Posts one action form of a page (its single-use key read from the page); returns the response. */
export async function act(
  t: PageApp,
  token: string,
  page: string,
  action: string,
  fields: Record<string, string | readonly string[]> = {},
): Promise<Response> {
  const got = await getPage(t.app, page, token);
  const html = await got.text();
  if (!html.includes(`action="${action}"`)) {
    throw new Error(`${page} (${got.status} ${got.headers.get("Location") ?? ""}) has no form posting to ${action}`);
  }
  return postForm(t.app, action, token, { ...fields, _once: onceFor(html, action) });
}

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createFactorsTestApp, type FactorsTestApp } from "./support/factors-test-app.ts";
import { API, LIN_FACTORS, LIN_MOBILE } from "./support/lin-journey.ts";

const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x65, 0x76, 0x69, 0x64,
]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

async function upload(t: FactorsTestApp, auth: string, bytes: Uint8Array, type: string, name = "cert.jpg") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type }));
  const res = await t.app.request(`${API}/evidence`, {
    method: "POST",
    headers: { Authorization: auth, "Idempotency-Key": `up-${name}-${bytes.length}-${type}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe("factors API evidence: uploaded, sealed under DATA_DIR, attached at registration, read by who may see the factor", () => {
  let t: FactorsTestApp;
  let citizen: string;

  beforeAll(async () => {
    t = await createFactorsTestApp();
    citizen = await t.citizen(LIN_MOBILE);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("stores the photo sealed with the field cipher (the file on disk is not the photo)", async () => {
    const up = await upload(t, citizen, JPEG, "image/jpeg");
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ contentType: "image/jpeg", sizeBytes: JPEG.length, fileName: "cert.jpg" });
    const stored = files(join(t.dataDir, "factors-evidence"));
    expect(stored).toHaveLength(1);
    const onDisk = readFileSync(stored[0] as string);
    expect(onDisk.includes(Buffer.from(JPEG))).toBe(false);
    const back = await t.app.request(`${API}/evidence/${up.body.id}`, { headers: { Authorization: citizen } });
    expect(back.status).toBe(200);
    expect(back.headers.get("Content-Type")).toBe("image/jpeg");
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(JPEG);
  });

  it("attaches an upload at registration; the holder's bank later reads it through the factor", async () => {
    const up = await upload(t, citizen, JPEG, "image/jpeg", "sea-area.jpg");
    const reg = await call(t, "POST", `${API}/factors`, citizen, { ...LIN_FACTORS[0], evidence: [up.body.id] });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    expect(reg.body.evidence).toEqual([up.body.id]);
    const mine = await t.app.request(`${API}/factors/${reg.body.id}/evidence/${up.body.id}`, {
      headers: { Authorization: citizen },
    });
    expect(mine.status).toBe(200);
    const stranger = await t.citizen("13905930002");
    const theirs = await t.app.request(`${API}/factors/${reg.body.id}/evidence/${up.body.id}`, {
      headers: { Authorization: stranger },
    });
    expect(theirs.status).toBe(404);
    const direct = await t.app.request(`${API}/evidence/${up.body.id}`, { headers: { Authorization: stranger } });
    expect(direct.status).toBe(404);
  });

  it("refuses someone else's upload as evidence, a file that is not what it says, and other types", async () => {
    const other = await t.citizen("13905930002");
    const theirs = await upload(t, other, JPEG, "image/jpeg", "theirs.jpg");
    const reg = await call(t, "POST", `${API}/factors`, citizen, { ...LIN_FACTORS[2], evidence: [theirs.body.id] });
    expect(reg.status).toBe(404);
    expect(reg.body).toMatchObject({ ruleId: "KRN-R06", field: "evidence" });
    const fake = await upload(t, citizen, new TextEncoder().encode("not a jpeg at all"), "image/jpeg", "fake.jpg");
    expect(fake.status).toBe(422);
    expect(fake.body).toMatchObject({ ruleId: "FAC-R01", field: "file" });
    const exe = await upload(t, citizen, JPEG, "application/x-msdownload", "x.exe");
    expect(exe.status).toBe(422);
    expect(exe.body).toMatchObject({ ruleId: "FAC-R01", field: "contentType" });
  });
});

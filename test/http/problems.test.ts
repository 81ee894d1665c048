import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest, type TestApp } from "./support/test-app.ts";
import { newControl, testModule } from "./support/test-module.ts";

describe("KRN-R11 错误以问题详情返回 every error is an RFC 9457 problem", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: [testModule(newControl())] });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function problem(res: Response) {
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.status).toBe(res.status);
    expect(typeof body.type).toBe("string");
    expect(typeof body.title).toBe("string");
    expect(body.requestId).toBe(res.headers.get("x-request-id"));
    return body;
  }

  it("an unknown path is a 404 problem naming the path", async () => {
    const res = await t.app.request("/no/such/thing");
    expect(res.status).toBe(404);
    const body = await problem(res);
    expect(body).toMatchObject({ type: "/problems/not-found", instance: "/no/such/thing" });
  });

  it("a browser asking for an unknown page gets an HTML 404 page instead", async () => {
    const res = await t.app.request("/no/such/page", { headers: { Accept: "text/html" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("页面不存在");
  });

  it.each([
    ["DELETE", "/health", "GET, HEAD"],
    ["GET", "/auth/otp", "POST"],
    ["PUT", "/testing/echo", "POST"],
  ])("%s %s is a 405 problem with Allow: %s", async (method, path, allow) => {
    const res = await t.app.request(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe(allow);
    expect(await problem(res)).toMatchObject({ type: "/problems/method-not-allowed" });
  });

  it("a JSON body over 1 MiB is a 413 problem, whether or not it declares its length", async () => {
    const big = JSON.stringify({ name: "x".repeat(1024 * 1024 + 10), amount: 1 });
    const declared = await t.app.request(
      "/testing/echo",
      jsonRequest("POST", big, { "Content-Length": String(big.length) }),
    );
    expect(declared.status).toBe(413);
    expect(await problem(declared)).toMatchObject({ type: "/problems/payload-too-large" });
    const streamed = await t.app.request("/testing/raw", jsonRequest("POST", big));
    expect(streamed.status).toBe(413);
    await problem(streamed);
  });

  it("a route that opts in accepts a larger body, and still refuses beyond its own limit", async () => {
    const twoMiB = "a".repeat(2 * 1024 * 1024);
    const ok = await t.app.request("/testing/upload", {
      method: "POST",
      body: twoMiB,
      headers: { "Content-Type": "application/octet-stream" },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ bytes: twoMiB.length });
    const tooBig = await t.app.request("/testing/upload", {
      method: "POST",
      body: `${twoMiB}${twoMiB}`,
      headers: { "Content-Type": "application/octet-stream" },
    });
    expect(tooBig.status).toBe(413);
    const other = await t.app.request("/testing/raw", {
      method: "POST",
      body: twoMiB,
      headers: { "Content-Type": "application/octet-stream" },
    });
    expect(other.status).toBe(413);
  });

  it("malformed JSON is a 400 problem, never a 500", async () => {
    const res = await t.app.request("/testing/echo", jsonRequest("POST", '{"name": "a", amount: }'));
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ type: "/problems/malformed-json", field: "body", ruleId: "KRN-R11" });
  });

  it("an unknown field is refused by name (request schemas are strict), also inside nested objects", async () => {
    const res = await t.app.request(
      "/testing/echo",
      jsonRequest("POST", { name: "a", amount: 1, isAdmin: true, nested: { city: "宁德", zip: "352000" } }),
    );
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.type).toBe("/problems/validation-error");
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: "isAdmin", message: "unknown field" },
        { field: "nested.zip", message: "unknown field" },
      ]),
    );
  });

  it("a wrong type and a missing field are each named", async () => {
    const res = await t.app.request("/testing/echo", jsonRequest("POST", { amount: "12.50" }));
    expect(res.status).toBe(400);
    const body = await problem(res);
    const fields = (body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(["amount", "name"]);
    expect(body.field).toBeDefined();
  });

  it("a bad query parameter is named with its place", async () => {
    const res = await t.app.request("/testing/echo?limit=-3", jsonRequest("POST", { name: "a", amount: 1 }));
    expect(res.status).toBe(400);
    expect((await problem(res)).errors).toEqual([expect.objectContaining({ field: "query.limit" })]);
  });

  it("a body sent as text/plain to a JSON route is a 415 problem", async () => {
    const res = await t.app.request("/testing/echo", {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "text/plain" },
    });
    expect(res.status).toBe(415);
    await problem(res);
  });

  it("a broken business rule is a 422 problem with the rule id, the field and the rule's data", async () => {
    const res = await t.app.request("/testing/rule", jsonRequest("POST", { amount: 600000 }));
    expect(res.status).toBe(422);
    expect(await problem(res)).toMatchObject({
      type: "/problems/rule-violation",
      ruleId: "TST-R01",
      field: "amount",
      detail: "amount must not exceed the cap",
      cap: 500000,
    });
  });

  it("an unexpected failure is a 500 problem that shows no internals, and is logged under the request id", async () => {
    const res = await t.app.request("/testing/boom", { headers: { "X-Request-Id": "trace-500-test" } });
    expect(res.status).toBe(500);
    const text = await res.clone().text();
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("db.example");
    expect(await problem(res)).toMatchObject({ type: "/problems/internal-error", requestId: "trace-500-test" });
    const logged = t.logs().find((l) => l.msg === "unhandled error" && l.requestId === "trace-500-test");
    expect(logged).toBeDefined();
  });

  it("every problem type URI resolves to its description", async () => {
    const res = await t.app.request("/problems/validation-error");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 400, title: "Request failed validation" });
    expect((await t.app.request("/problems/nope")).status).toBe(404);
  });
});

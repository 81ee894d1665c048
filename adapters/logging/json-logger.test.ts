import { describe, expect, it } from "vitest";
import { createJsonLogger } from "./json-logger.ts";

function capture(level?: "debug" | "info" | "warn" | "error") {
  const lines: string[] = [];
  const logger = createJsonLogger({
    ...(level ? { level } : {}),
    write: (l) => lines.push(l),
    now: () => new Date("2026-03-02T02:00:00Z"),
  });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("KRN-R04 日志不含个人敏感信息 JSON logs never carry C2 data or secrets", () => {
  it("writes one JSON object per line with level, msg and time first", () => {
    const { logger, lines } = capture();
    logger.info("request", { requestId: "r1", status: 200 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      '{"level":"info","msg":"request","time":"2026-03-02T02:00:00.000Z","requestId":"r1","status":200}',
    );
  });

  it("drops lines below the configured level", () => {
    const { logger, lines } = capture("warn");
    logger.debug("a");
    logger.info("b");
    logger.warn("c");
    logger.error("d");
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["c", "d"]);
  });

  it.each([
    ["a mobile number", "call 13800138000 now", "13800138000"],
    ["a resident ID number", "holder 350981196803121039", "350981196803121039"],
    ["a bank card number", "card 6217001234567890122", "6217001234567890122"],
    ["an API key", "key fif_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG used", "abcdefghijklmnop"],
    ["a session token", "fis_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "abcdefghijklmnop"],
  ])("masks %s in the message and in nested fields", (_what, text, secret) => {
    const { logger, lines } = capture();
    logger.warn(text, { nested: { list: [text] }, plain: text });
    expect(lines[0]).not.toContain(secret);
  });

  it("replaces credential and C3 members whole, whatever their value", () => {
    const { logger, parsed } = capture();
    logger.info("login", {
      authorization: "Bearer x",
      password: "hunter2",
      otp: "123456",
      cookie: "fif_session=abc",
      smsCode: "654321",
    });
    const line = parsed()[0] as Record<string, unknown>;
    expect(JSON.stringify(line)).not.toMatch(/hunter2|123456|654321|Bearer x|abc/);
    expect(line.authorization).toBe("[redacted]");
  });

  it("serialises errors with name, message and stack, redacted", () => {
    const { logger, parsed } = capture();
    logger.error("failed", { error: new Error("no row for mobile 13800138000") });
    const err = parsed()[0]?.error as { name: string; message: string; stack: string };
    expect(err.name).toBe("Error");
    expect(err.message).toBe("no row for mobile 138****8000");
    expect(err.stack).not.toContain("13800138000");
  });

  it("a child logger adds its bindings; a call cannot overwrite level, msg or time", () => {
    const { logger, parsed } = capture();
    logger.child({ component: "outbox" }).info("tick", { level: "error", msg: "x", n: 3 });
    expect(parsed()[0]).toEqual({
      level: "info",
      msg: "tick",
      time: "2026-03-02T02:00:00.000Z",
      component: "outbox",
      n: 3,
    });
  });

  it("survives circular fields", () => {
    const { logger, parsed } = capture();
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    logger.info("loop", { a });
    const logged = parsed()[0] as { a: Record<string, unknown> };
    expect(logged.a.self).toBe("[circular]");
  });
});

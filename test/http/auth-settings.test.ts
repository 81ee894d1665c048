import { describe, expect, it } from "vitest";
import { authSettingsFromEnv, DEFAULT_AUTH_SETTINGS } from "../../adapters/auth/auth-settings.ts";

describe("authentication settings from the environment", () => {
  it("uses the defaults when nothing is set: 5-minute codes, 5 attempts, 2 h citizen and 8 h staff sessions", () => {
    expect(authSettingsFromEnv({})).toEqual(DEFAULT_AUTH_SETTINGS);
    expect(DEFAULT_AUTH_SETTINGS.otp).toMatchObject({ digits: 6, ttlSeconds: 300, maxAttempts: 5 });
  });

  it.each([
    [{ NODE_ENV: "production" }, true],
    [{ NODE_ENV: "production", AUTH_SECURE_COOKIES: "false" }, false],
    [{ AUTH_SECURE_COOKIES: "true" }, true],
    [{}, false],
  ])("secure cookies for %j: %s", (env, secure) => {
    expect(authSettingsFromEnv(env).secureCookies).toBe(secure);
  });

  it("reads overrides", () => {
    const s = authSettingsFromEnv({
      OTP_TTL_SECONDS: "120",
      OTP_MAX_ATTEMPTS: "3",
      AUTH_STAFF_SESSION_SECONDS: "3600",
    });
    expect(s.otp.ttlSeconds).toBe(120);
    expect(s.otp.maxAttempts).toBe(3);
    expect(s.staffSessionTtlSeconds).toBe(3600);
  });

  it.each([
    [{ OTP_TTL_SECONDS: "0" }, "OTP_TTL_SECONDS"],
    [{ OTP_MAX_ATTEMPTS: "two" }, "OTP_MAX_ATTEMPTS"],
    [{ AUTH_SECURE_COOKIES: "yes" }, "AUTH_SECURE_COOKIES"],
  ])("refuses %j naming the variable", (env, name) => {
    expect(() => authSettingsFromEnv(env)).toThrow(name);
  });
});

import { DEFAULT_OTP_SETTINGS, type OtpSettings } from "./otp-settings.ts";

/** Authentication settings of a deployment (environment-driven; see README "Configuration"). */
export interface AuthSettings {
  readonly otp: OtpSettings;
  readonly citizenSessionTtlSeconds: number;
  readonly staffSessionTtlSeconds: number;
  /** Session cookies carry `Secure` (HTTPS only). On by default in production. */
  readonly secureCookies: boolean;
  /** 实名认证: mismatched identity checks an account may make per day before it waits until tomorrow. */
  readonly identityMaxFailuresPerDay: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  otp: DEFAULT_OTP_SETTINGS,
  citizenSessionTtlSeconds: 2 * 3600,
  staffSessionTtlSeconds: 8 * 3600,
  secureCookies: false,
  identityMaxFailuresPerDay: 5,
};

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

/**
 * Reads AUTH_CITIZEN_SESSION_SECONDS, AUTH_STAFF_SESSION_SECONDS, AUTH_SECURE_COOKIES
 * (true/false; default true when NODE_ENV=production), OTP_TTL_SECONDS, OTP_MAX_ATTEMPTS,
 * OTP_RESEND_SECONDS, OTP_MAX_PER_HOUR, IDENTITY_MAX_FAILURES_PER_DAY.
 */
export function authSettingsFromEnv(env: Record<string, string | undefined>): AuthSettings {
  const d = DEFAULT_AUTH_SETTINGS;
  const secure = env.AUTH_SECURE_COOKIES?.trim().toLowerCase();
  if (secure !== undefined && secure !== "" && secure !== "true" && secure !== "false") {
    throw new Error(`AUTH_SECURE_COOKIES must be true or false, got "${env.AUTH_SECURE_COOKIES}"`);
  }
  return {
    otp: {
      ...d.otp,
      ttlSeconds: positiveInt(env, "OTP_TTL_SECONDS", d.otp.ttlSeconds),
      maxAttempts: positiveInt(env, "OTP_MAX_ATTEMPTS", d.otp.maxAttempts),
      resendAfterSeconds: positiveInt(env, "OTP_RESEND_SECONDS", d.otp.resendAfterSeconds),
      maxSendsPerWindow: positiveInt(env, "OTP_MAX_PER_HOUR", d.otp.maxSendsPerWindow),
      windowSeconds: 3600,
    },
    citizenSessionTtlSeconds: positiveInt(env, "AUTH_CITIZEN_SESSION_SECONDS", d.citizenSessionTtlSeconds),
    staffSessionTtlSeconds: positiveInt(env, "AUTH_STAFF_SESSION_SECONDS", d.staffSessionTtlSeconds),
    secureCookies: secure === "" || secure === undefined ? env.NODE_ENV === "production" : secure === "true",
    identityMaxFailuresPerDay: positiveInt(env, "IDENTITY_MAX_FAILURES_PER_DAY", d.identityMaxFailuresPerDay),
  };
}

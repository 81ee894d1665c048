/**
 * Citizen one-time-code settings. Security settings of the platform, not policy parameters:
 * they come from the deployment's environment (see authSettingsFromEnv), with these defaults.
 */
export interface OtpSettings {
  /** Digits in a code. */
  readonly digits: number;
  /** Lifetime of a code (C3: deleted after this, after use or after the last failed attempt). */
  readonly ttlSeconds: number;
  /** Wrong guesses allowed before the code is destroyed. */
  readonly maxAttempts: number;
  /** Minimum time between two codes to one mobile. */
  readonly resendAfterSeconds: number;
  /** Codes one mobile may receive within `windowSeconds`. */
  readonly maxSendsPerWindow: number;
  readonly windowSeconds: number;
}

export const DEFAULT_OTP_SETTINGS: OtpSettings = {
  digits: 6,
  ttlSeconds: 300,
  maxAttempts: 5,
  resendAfterSeconds: 60,
  maxSendsPerWindow: 5,
  windowSeconds: 3600,
};

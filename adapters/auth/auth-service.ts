import type {
  BlindIndexer,
  Clock,
  FieldCipher,
  IdentityVerifier,
  IdGenerator,
  Notifier,
  Principal,
} from "../../core/kernel/mod.ts";
import { DomainError } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { type ApiKeyStore, createApiKeyStore } from "./api-key-store.ts";
import { type AuditFor, defaultAuditFor } from "./audit-sink.ts";
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from "./auth-settings.ts";
import { type CitizenIdentities, createCitizenIdentities } from "./citizen-identities.ts";
import { createOtpService, type OtpService } from "./otp-service.ts";
import { API_KEY_PREFIX, SESSION_TOKEN_PREFIX } from "./secrets.ts";
import { createSessionStore, type SessionInfo, type SessionStore } from "./session-store.ts";

/**
 * Authentication of every caller (KRN-R06): institution clients by API key, staff and citizens
 * by session (from an API key pasted into the sign-in page, or a one-time code to a mobile).
 */
export interface Authenticated {
  readonly principal: Principal;
  /** "api-key" for a bearer key; "session" for a session token (cookie or bearer). */
  readonly via: "api-key" | "session";
  readonly session?: SessionInfo;
}

export interface AuthService {
  readonly apiKeys: ApiKeyStore;
  readonly sessions: SessionStore;
  readonly otp: OtpService;
  /** 实名认证: the IDs a citizen account has proved (carried on its sessions as `Principal.identities`). */
  readonly identities: CitizenIdentities;
  readonly settings: AuthSettings;
  /** The caller behind a bearer credential or session token; undefined when it is not valid. */
  authenticate(credential: string): Promise<Authenticated | undefined>;
  /** Staff sign-in for pages: an API key becomes a session (audited in its home region). */
  signInStaff(apiKey: string): Promise<{ token: string; session: SessionInfo }>;
  /** Ends a session (audited); quietly does nothing for an unknown or expired token. */
  signOut(sessionToken: string): Promise<void>;
  /** Housekeeping: deletes expired sessions, one-time codes and rate-limit windows. */
  purgeExpired(): Promise<{ sessions: number; codes: number }>;
}

export interface AuthServiceDeps {
  readonly db: AnyDb;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly blindIndexer: BlindIndexer;
  readonly notifierFor: (regionCode: string) => Notifier;
  /** Seals the IDs of proved identities (C2); without it, identities can be read but not verified. */
  readonly cipher?: FieldCipher;
  /** The region's real-name verifier; without it, verification answers 503. */
  readonly identityVerifierFor?: (regionCode: string) => IdentityVerifier;
  readonly citizenRegions: () => readonly string[];
  readonly settings?: AuthSettings;
  readonly auditFor?: AuditFor;
}

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const settings = deps.settings ?? DEFAULT_AUTH_SETTINGS;
  const auditFor = deps.auditFor ?? defaultAuditFor(deps.clock);
  const apiKeys = createApiKeyStore(deps.db, deps.clock, deps.ids, auditFor);
  const sessions = createSessionStore(deps.db, deps.clock, deps.ids);
  const unavailable = (what: string) => () => {
    throw new DomainError(`real-name verification is not configured on this platform (${what})`, {
      ruleId: "KRN-R06",
      kind: "unavailable",
    });
  };
  const identities = createCitizenIdentities({
    db: deps.db,
    clock: deps.clock,
    blindIndexer: deps.blindIndexer,
    cipher: deps.cipher ?? { encrypt: unavailable("no field cipher"), decrypt: unavailable("no field cipher") },
    auditFor,
    verifierFor: deps.identityVerifierFor ?? unavailable("no IdentityVerifier"),
    maxFailuresPerDay: settings.identityMaxFailuresPerDay,
  });
  const otp = createOtpService({
    db: deps.db,
    clock: deps.clock,
    blindIndexer: deps.blindIndexer,
    sessions,
    auditFor,
    notifierFor: deps.notifierFor,
    citizenRegions: deps.citizenRegions,
    identitiesOf: identities.indexesOf,
    sessionTtlSeconds: settings.citizenSessionTtlSeconds,
    settings: settings.otp,
  });

  return {
    apiKeys,
    sessions,
    otp,
    identities,
    settings,

    async authenticate(credential) {
      if (credential.startsWith(API_KEY_PREFIX)) {
        const found = await apiKeys.authenticate(credential);
        return found ? { principal: found.principal, via: "api-key" } : undefined;
      }
      if (credential.startsWith(SESSION_TOKEN_PREFIX)) {
        const session = await sessions.resolve(credential);
        return session ? { principal: session.principal, via: "session", session } : undefined;
      }
      return undefined;
    },

    async signInStaff(apiKey) {
      const found = await apiKeys.authenticate(apiKey.trim());
      if (!found) {
        throw new DomainError("this API key is not valid or has been revoked", {
          ruleId: "KRN-R06",
          kind: "unauthenticated",
          field: "apiKey",
        });
      }
      const { record, principal } = found;
      return deps.db.transaction().execute(async (tx) => {
        const made = await sessions.create(
          {
            kind: "staff",
            principal,
            label: record.label || record.institutionId || record.prefix,
            regionCode: record.regionCode,
            ttlSeconds: settings.staffSessionTtlSeconds,
            apiKeyId: record.id,
          },
          tx,
        );
        await auditFor(tx).append({
          regionCode: record.regionCode,
          actor: principal.id,
          action: "auth.sign_in",
          objectType: "session",
          objectId: made.session.id,
          outcome: "ok",
          detail: { kind: "staff", via: "api-key", keyPrefix: record.prefix },
        });
        return made;
      });
    },

    async purgeExpired() {
      return { sessions: await sessions.purgeExpired(), codes: await otp.purgeExpired() };
    },

    async signOut(sessionToken) {
      await deps.db.transaction().execute(async (tx) => {
        const ended = await sessions.end(sessionToken, tx);
        if (!ended) return;
        await auditFor(tx).append({
          regionCode: ended.regionCode,
          actor: ended.principal.id,
          action: "auth.sign_out",
          objectType: "session",
          objectId: ended.id,
          outcome: "ok",
          detail: { kind: ended.kind },
        });
      });
    },
  };
}

import { sql } from "kysely";
import type { BlindIndexer, Clock, Notifier, Principal } from "../../core/kernel/mod.ts";
import { DomainError, maskMobile } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import type { AuditFor } from "./audit-sink.ts";
import { DEFAULT_OTP_SETTINGS, type OtpSettings } from "./otp-settings.ts";
import { randomDigits, randomSalt, safeEqual } from "./secrets.ts";
import type { SessionInfo, SessionStore } from "./session-store.ts";
import { TooManyRequestsError } from "./too-many-requests.ts";

/**
 * Citizen sign-in with a one-time code (KRN-R04 C3, KRN-R06):
 * `request` sends a code through the region's Notifier and keeps only a keyed hash of it;
 * `verify` checks it (at most `maxAttempts` guesses, within `ttlSeconds`), deletes it, and opens
 * a citizen session whose `subjectRef` is the blind index of the mobile number.
 * Every issue and every check (a read of C3 data) writes an audit entry in its transaction.
 */
export interface OtpService {
  request(input: { readonly mobile: string; readonly regionCode: string }): Promise<{ expiresAt: Date }>;
  verify(input: { readonly mobile: string; readonly code: string }): Promise<{ token: string; session: SessionInfo }>;
  /** Deletes expired codes (C3) and finished rate-limit windows; returns the codes deleted. */
  purgeExpired(): Promise<number>;
}

export interface OtpServiceDeps {
  readonly db: AnyDb;
  readonly clock: Clock;
  readonly blindIndexer: BlindIndexer;
  readonly sessions: SessionStore;
  readonly auditFor: AuditFor;
  readonly notifierFor: (regionCode: string) => Notifier;
  /** Regions a citizen acts in once signed in (all configured regions). */
  readonly citizenRegions: () => readonly string[];
  /** The blind indexes of the IDs this account has proved (实名认证), read in the sign-in's transaction. */
  readonly identitiesOf?: (subjectRef: string, tx: AnyDb) => Promise<string[]>;
  readonly sessionTtlSeconds: number;
  readonly settings?: Partial<OtpSettings>;
}

interface OtpRow {
  region_code: string;
  salt: string;
  code_hash: string;
  attempts_left: number;
  expires_at: Date;
}

interface WindowRow {
  window_start: Date;
  sent_count: number;
  last_sent_at: Date;
}

const RULE = "KRN-R06";

function signInFailed(message: string, detail?: Record<string, unknown>): DomainError {
  return new DomainError(message, {
    ruleId: RULE,
    kind: "unauthenticated",
    field: "code",
    ...(detail ? { detail } : {}),
  });
}

export function createOtpService(deps: OtpServiceDeps): OtpService {
  const s: OtpSettings = { ...DEFAULT_OTP_SETTINGS, ...deps.settings };
  const { db, clock } = deps;
  const codeShape = new RegExp(`^\\d{${s.digits}}$`);
  const mobileRef = (mobile: string) => deps.blindIndexer.index("mobile", mobile);
  const codeHash = (salt: string, ref: string, code: string) =>
    deps.blindIndexer.index("otp-code", `${salt}.${ref}.${code}`);

  /** Rate limit per mobile; throws TooManyRequestsError, else records one send. */
  async function countSend(tx: AnyDb, ref: string, regionCode: string, now: Date): Promise<void> {
    await sql`insert into platform.otp_send_window (mobile_ref, region_code, window_start, sent_count, last_sent_at)
              values (${ref}, ${regionCode}, ${now}, 0, ${new Date(0)})
              on conflict (mobile_ref) do nothing`.execute(tx);
    const w = (await tx
      .selectFrom("platform.otp_send_window")
      .select(["window_start", "sent_count", "last_sent_at"])
      .where("mobile_ref", "=", ref)
      .forUpdate()
      .executeTakeFirstOrThrow()) as WindowRow;
    const ms = now.getTime();
    const sinceLast = (ms - w.last_sent_at.getTime()) / 1000;
    if (sinceLast < s.resendAfterSeconds) {
      throw new TooManyRequestsError(`a code was sent to this mobile moments ago; wait before asking again`, {
        ruleId: RULE,
        retryAfterSeconds: s.resendAfterSeconds - sinceLast,
        field: "mobile",
      });
    }
    const windowEnds = w.window_start.getTime() + s.windowSeconds * 1000;
    const fresh = ms >= windowEnds;
    if (!fresh && w.sent_count >= s.maxSendsPerWindow) {
      throw new TooManyRequestsError(`too many codes for this mobile; try again later`, {
        ruleId: RULE,
        retryAfterSeconds: (windowEnds - ms) / 1000,
        field: "mobile",
      });
    }
    await tx
      .updateTable("platform.otp_send_window")
      .set({
        region_code: regionCode,
        window_start: fresh ? now : w.window_start,
        sent_count: fresh ? 1 : w.sent_count + 1,
        last_sent_at: now,
      })
      .where("mobile_ref", "=", ref)
      .execute();
  }

  return {
    async request({ mobile, regionCode }) {
      const notifier = deps.notifierFor(regionCode); // fails before anything is stored
      const ref = mobileRef(mobile);
      const code = randomDigits(s.digits);
      const salt = randomSalt();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + s.ttlSeconds * 1000);
      await db.transaction().execute(async (tx) => {
        // C3 housekeeping on the way: no expired code outlives the next request by anyone.
        await tx.deleteFrom("platform.citizen_otp").where("expires_at", "<=", now).execute();
        await countSend(tx, ref, regionCode, now);
        const row = {
          region_code: regionCode,
          salt,
          code_hash: codeHash(salt, ref, code),
          attempts_left: s.maxAttempts,
          created_at: now,
          expires_at: expiresAt,
        };
        await tx
          .insertInto("platform.citizen_otp")
          .values({ mobile_ref: ref, ...row })
          .onConflict((oc) => oc.column("mobile_ref").doUpdateSet(row))
          .execute();
        await deps.auditFor(tx).append({
          regionCode,
          actor: `citizen:${ref}`,
          action: "auth.otp.issue",
          objectType: "mobile",
          objectId: ref,
          outcome: "ok",
          detail: { expiresAt: expiresAt.toISOString() },
        });
      });
      const minutes = Math.round(s.ttlSeconds / 60);
      try {
        await notifier.send({
          mobile,
          purpose: "sign-in",
          text: `【福建普惠金融】您的登录验证码是 ${code}，${minutes} 分钟内有效，请勿告诉他人。`,
        });
      } catch (e) {
        await db.deleteFrom("platform.citizen_otp").where("mobile_ref", "=", ref).execute();
        throw new DomainError("the sign-in code could not be sent; try again later", {
          ruleId: RULE,
          kind: "unavailable",
          field: "mobile",
          detail: { reason: e instanceof Error ? e.name : "error" },
        });
      }
      return { expiresAt };
    },

    async purgeExpired() {
      const now = clock.now();
      const codes = await db.deleteFrom("platform.citizen_otp").where("expires_at", "<=", now).executeTakeFirst();
      await db
        .deleteFrom("platform.otp_send_window")
        .where("window_start", "<=", new Date(now.getTime() - s.windowSeconds * 1000))
        .where("last_sent_at", "<=", new Date(now.getTime() - s.resendAfterSeconds * 1000))
        .execute();
      return Number(codes.numDeletedRows);
    },

    async verify({ mobile, code }) {
      const ref = mobileRef(mobile);
      const outcome = await db.transaction().execute(async (tx) => {
        const row = (await tx
          .selectFrom("platform.citizen_otp")
          .select(["region_code", "salt", "code_hash", "attempts_left", "expires_at"])
          .where("mobile_ref", "=", ref)
          .forUpdate()
          .executeTakeFirst()) as OtpRow | undefined;
        const now = clock.now();
        if (!row) return { ok: false as const, reason: "none" as const };
        const audit = (
          outcome: "ok" | "denied",
          objectType: string,
          objectId: string,
          detail: Record<string, unknown>,
        ) =>
          deps.auditFor(tx).append({
            regionCode: row.region_code,
            actor: `citizen:${ref}`,
            action: "auth.otp.verify",
            objectType,
            objectId,
            outcome,
            detail,
          });
        if (row.expires_at.getTime() <= now.getTime()) {
          await tx.deleteFrom("platform.citizen_otp").where("mobile_ref", "=", ref).execute();
          await audit("denied", "mobile", ref, { reason: "expired" });
          return { ok: false as const, reason: "expired" as const };
        }
        const matches = codeShape.test(code) && safeEqual(codeHash(row.salt, ref, code), row.code_hash);
        if (!matches) {
          const left = row.attempts_left - 1;
          if (left <= 0) await tx.deleteFrom("platform.citizen_otp").where("mobile_ref", "=", ref).execute();
          else
            await tx
              .updateTable("platform.citizen_otp")
              .set({ attempts_left: left })
              .where("mobile_ref", "=", ref)
              .execute();
          await audit("denied", "mobile", ref, { reason: "wrong code", attemptsLeft: left });
          return { ok: false as const, reason: "wrong" as const, attemptsLeft: left };
        }
        await tx.deleteFrom("platform.citizen_otp").where("mobile_ref", "=", ref).execute();
        const identities = deps.identitiesOf ? await deps.identitiesOf(ref, tx) : [];
        const principal: Principal = {
          id: `citizen:${ref}`,
          roles: ["citizen"],
          regionCodes: [...deps.citizenRegions()],
          subjectRef: ref,
          ...(identities.length > 0 ? { identities } : {}),
        };
        const made = await deps.sessions.create(
          {
            kind: "citizen",
            principal,
            label: maskMobile(mobile),
            regionCode: row.region_code,
            ttlSeconds: deps.sessionTtlSeconds,
          },
          tx,
        );
        await audit("ok", "session", made.session.id, { kind: "citizen", via: "otp" });
        return { ok: true as const, made };
      });
      if (outcome.ok) return outcome.made;
      if (outcome.reason === "wrong") {
        const left = outcome.attemptsLeft ?? 0;
        throw signInFailed(
          left > 0
            ? `the code is wrong; ${left} attempt(s) left`
            : "the code is wrong and has been cancelled; ask for a new one",
          { attemptsLeft: left },
        );
      }
      throw signInFailed(
        outcome.reason === "expired"
          ? "the code has expired; ask for a new one"
          : "no code is waiting for this mobile; ask for one first",
      );
    },
  };
}

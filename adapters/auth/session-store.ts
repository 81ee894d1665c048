import type { Clock, IdGenerator, Principal } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { randomSecret, SESSION_TOKEN_PREFIX, sha256Hex } from "./secrets.ts";

/**
 * Sessions of signed-in citizens and staff. The token (`fis_<random>`) goes to the client once,
 * as JSON and/or an HttpOnly cookie; the database keeps its SHA-256 hash, the principal resolved
 * at sign-in and an expiry. Expired sessions do not resolve and are deleted when met or purged.
 */
export type SessionKind = "citizen" | "staff";

export interface SessionInfo {
  readonly id: string;
  readonly kind: SessionKind;
  readonly principal: Principal;
  /** Shown in the page header: a masked mobile or an API key's label; never C2 in clear. */
  readonly label: string;
  readonly regionCode: string;
  readonly expiresAt: Date;
}

export interface NewSession {
  readonly kind: SessionKind;
  readonly principal: Principal;
  readonly label: string;
  readonly regionCode: string;
  readonly ttlSeconds: number;
  readonly apiKeyId?: string | undefined;
}

export interface SessionStore {
  /** Creates a session, in `tx` when given (so it commits with the sign-in's audit entry). */
  create(input: NewSession, tx?: AnyDb): Promise<{ token: string; session: SessionInfo }>;
  resolve(token: string): Promise<SessionInfo | undefined>;
  /** Ends the session of this token; returns it if it was live. */
  end(token: string, tx?: AnyDb): Promise<SessionInfo | undefined>;
  purgeExpired(): Promise<number>;
}

const TOKEN_SHAPE = /^fis_[A-Za-z0-9_-]{43}$/;
const COLUMNS = ["id", "kind", "principal", "label", "region_code", "expires_at"] as const;

interface Row {
  id: string;
  kind: SessionKind;
  principal: Principal;
  label: string;
  region_code: string;
  expires_at: Date;
}

function toInfo(r: Row): SessionInfo {
  return {
    id: r.id,
    kind: r.kind,
    principal: r.principal,
    label: r.label,
    regionCode: r.region_code,
    expiresAt: r.expires_at,
  };
}

export function createSessionStore(db: AnyDb, clock: Clock, ids: IdGenerator): SessionStore {
  const table = "platform.sessions";
  return {
    async create(input, tx = db) {
      if (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds <= 0) {
        throw new RangeError("session lifetime must be a positive number of seconds");
      }
      const token = randomSecret(SESSION_TOKEN_PREFIX);
      const now = clock.now();
      const row: Row = {
        id: ids.next("ses"),
        kind: input.kind,
        principal: input.principal,
        label: input.label,
        region_code: input.regionCode,
        expires_at: new Date(now.getTime() + input.ttlSeconds * 1000),
      };
      await tx
        .insertInto(table)
        .values({
          ...row,
          principal: { ...row.principal },
          token_hash: sha256Hex(token),
          api_key_id: input.apiKeyId ?? null,
          created_at: now,
        })
        .execute();
      return { token, session: toInfo(row) };
    },

    async resolve(token) {
      if (!TOKEN_SHAPE.test(token)) return undefined;
      const row = (await db
        .selectFrom(table)
        .select(COLUMNS)
        .where("token_hash", "=", sha256Hex(token))
        .executeTakeFirst()) as Row | undefined;
      if (!row) return undefined;
      if (row.expires_at.getTime() <= clock.now().getTime()) {
        await db.deleteFrom(table).where("id", "=", row.id).execute();
        return undefined;
      }
      return toInfo(row);
    },

    async end(token, tx = db) {
      if (!TOKEN_SHAPE.test(token)) return undefined;
      const row = (await tx
        .deleteFrom(table)
        .where("token_hash", "=", sha256Hex(token))
        .returning(COLUMNS)
        .executeTakeFirst()) as Row | undefined;
      if (!row || row.expires_at.getTime() <= clock.now().getTime()) return undefined;
      return toInfo(row);
    },

    async purgeExpired() {
      const r = await db.deleteFrom(table).where("expires_at", "<=", clock.now()).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

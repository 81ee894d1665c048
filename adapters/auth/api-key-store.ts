import type { Clock, IdGenerator, Principal, Role } from "../../core/kernel/mod.ts";
import { DomainError } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { type AuditFor, defaultAuditFor } from "./audit-sink.ts";
import { isRole } from "./roles.ts";
import { API_KEY_PREFIX, randomSecret, sha256Hex } from "./secrets.ts";

/**
 * API keys for institution clients and staff (KRN-R06): `fif_<random>`, shown once, stored as a
 * SHA-256 hash plus a short prefix; scoped to an institution (optional for regulators, police and
 * platform staff), roles and region codes; revocable (revocation also ends the key's sessions).
 */
export interface ApiKeyRecord {
  readonly id: string;
  readonly prefix: string;
  readonly regionCode: string;
  readonly institutionId: string | null;
  readonly roles: readonly Role[];
  readonly regionCodes: readonly string[];
  readonly label: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

export interface NewApiKey {
  readonly institutionId?: string | undefined;
  readonly roles: readonly string[];
  readonly regionCodes: readonly string[];
  readonly label?: string | undefined;
}

export interface ApiKeyStore {
  /** Creates a key; the plaintext `key` is returned only here. */
  create(input: NewApiKey, actor?: string): Promise<{ key: string; record: ApiKeyRecord }>;
  /** The principal of a valid, unrevoked key, or undefined. */
  authenticate(key: string): Promise<{ principal: Principal; record: ApiKeyRecord } | undefined>;
  /** Revokes a key and ends its sessions; false when there was no such unrevoked key. */
  revoke(id: string, actor?: string): Promise<boolean>;
  get(id: string): Promise<ApiKeyRecord | undefined>;
  list(filter?: { readonly institutionId?: string }): Promise<ApiKeyRecord[]>;
}

const REGION = /^\d{6}$/;
const INSTITUTION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
const KEY_SHAPE = /^fif_[A-Za-z0-9_-]{43}$/;
const COLUMNS = [
  "id",
  "prefix",
  "region_code",
  "institution_id",
  "roles",
  "region_codes",
  "label",
  "created_at",
  "revoked_at",
] as const;

interface Row {
  id: string;
  prefix: string;
  region_code: string;
  institution_id: string | null;
  roles: Role[];
  region_codes: string[];
  label: string;
  created_at: Date;
  revoked_at: Date | null;
}

function toRecord(r: Row): ApiKeyRecord {
  return {
    id: r.id,
    prefix: r.prefix,
    regionCode: r.region_code,
    institutionId: r.institution_id,
    roles: r.roles,
    regionCodes: r.region_codes,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

/** The principal an API key acts as. */
export function apiKeyPrincipal(r: ApiKeyRecord): Principal {
  return {
    id: r.institutionId ? `inst:${r.institutionId}/${r.id}` : `staff:${r.id}`,
    roles: r.roles,
    ...(r.institutionId ? { institutionId: r.institutionId } : {}),
    regionCodes: r.regionCodes,
  };
}

function invalid(message: string, field: string): DomainError {
  return new DomainError(message, { ruleId: "KRN-R06", kind: "validation", field });
}

function checkNewKey(input: NewApiKey): void {
  if (input.roles.length === 0) throw invalid("an API key needs at least one role", "roles");
  for (const role of input.roles) if (!isRole(role)) throw invalid(`unknown role "${role}"`, "roles");
  if (input.roles.includes("citizen")) throw invalid("citizens sign in with a one-time code, not an API key", "roles");
  if (input.regionCodes.length === 0) throw invalid("an API key needs at least one region", "regionCodes");
  for (const code of input.regionCodes) {
    if (!REGION.test(code)) throw invalid(`region code "${code}" is not 6 digits (GB/T 2260)`, "regionCodes");
  }
  if (input.institutionId !== undefined && !INSTITUTION.test(input.institutionId)) {
    throw invalid("institution id must be 1-64 letters, digits, '.', '_' or '-'", "institutionId");
  }
  const needsInstitution = input.roles.some((r) => r === "institution_staff" || r === "institution_admin");
  if (needsInstitution && !input.institutionId) {
    throw invalid("institution staff keys must name their institution", "institutionId");
  }
}

export function createApiKeyStore(db: AnyDb, clock: Clock, ids: IdGenerator, auditFor?: AuditFor): ApiKeyStore {
  const audit = auditFor ?? defaultAuditFor(clock);
  const table = "platform.api_keys";

  return {
    async create(input, actor = "system") {
      checkNewKey(input);
      const key = randomSecret(API_KEY_PREFIX);
      const row: Row = {
        id: ids.next("key"),
        prefix: key.slice(0, PREFIX_LENGTH),
        region_code: input.regionCodes[0] as string,
        institution_id: input.institutionId ?? null,
        roles: [...new Set(input.roles)] as Role[],
        region_codes: [...new Set(input.regionCodes)],
        label: input.label?.trim() ?? "",
        created_at: clock.now(),
        revoked_at: null,
      };
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto(table)
          .values({ ...row, key_hash: sha256Hex(key) })
          .execute();
        await audit(tx).append({
          regionCode: row.region_code,
          actor,
          action: "auth.api_key.create",
          objectType: "api_key",
          objectId: row.id,
          outcome: "ok",
          detail: {
            prefix: row.prefix,
            institutionId: row.institution_id,
            roles: row.roles,
            regionCodes: row.region_codes,
          },
        });
      });
      return { key, record: toRecord(row) };
    },

    async authenticate(key) {
      if (!KEY_SHAPE.test(key)) return undefined;
      const row = (await db
        .selectFrom(table)
        .select(COLUMNS)
        .where("key_hash", "=", sha256Hex(key))
        .where("revoked_at", "is", null)
        .executeTakeFirst()) as Row | undefined;
      if (!row) return undefined;
      const record = toRecord(row);
      return { principal: apiKeyPrincipal(record), record };
    },

    async revoke(id, actor = "system") {
      return db.transaction().execute(async (tx) => {
        const row = (await tx
          .updateTable(table)
          .set({ revoked_at: clock.now() })
          .where("id", "=", id)
          .where("revoked_at", "is", null)
          .returning(["region_code", "prefix"])
          .executeTakeFirst()) as { region_code: string; prefix: string } | undefined;
        if (!row) return false;
        await tx.deleteFrom("platform.sessions").where("api_key_id", "=", id).execute();
        await audit(tx).append({
          regionCode: row.region_code,
          actor,
          action: "auth.api_key.revoke",
          objectType: "api_key",
          objectId: id,
          outcome: "ok",
          detail: { prefix: row.prefix },
        });
        return true;
      });
    },

    async get(id) {
      const row = (await db.selectFrom(table).select(COLUMNS).where("id", "=", id).executeTakeFirst()) as
        | Row
        | undefined;
      return row ? toRecord(row) : undefined;
    },

    async list(filter = {}) {
      let q = db.selectFrom(table).select(COLUMNS).orderBy("created_at").orderBy("id");
      if (filter.institutionId !== undefined) q = q.where("institution_id", "=", filter.institutionId);
      return ((await q.execute()) as Row[]).map(toRecord);
    },
  };
}

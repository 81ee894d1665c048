import { sql } from "kysely";
import {
  type BlindIndexer,
  businessDateOf,
  type Clock,
  DomainError,
  type FieldCipher,
  type IdentityVerifier,
  maskResidentId,
  type Principal,
  validateMobile,
  validateResidentId,
  validateUscc,
} from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import type { AuditFor } from "./audit-sink.ts";
import { TooManyRequestsError } from "./too-many-requests.ts";

const RULE = "KRN-R06";

/** What a citizen asks to prove: themselves (name, resident ID, the mobile they signed in with) or an enterprise they act for. */
export type IdentityClaim =
  | { readonly kind: "person"; readonly name: string; readonly residentId: string; readonly mobile: string }
  | {
      readonly kind: "enterprise";
      readonly uscc: string;
      readonly enterpriseName: string;
      /** The agent's own resident ID, which the account must already have proved. */
      readonly agentResidentId: string;
    };

/** A proved identity as its owner sees it: the ID masked, never in clear. */
export interface VerifiedIdentity {
  readonly idKind: "resident-id" | "uscc";
  readonly idMasked: string;
  readonly name: string;
  readonly verifiedAt: Date;
  readonly reference: string;
}

export interface CitizenIdentities {
  /** Checks the claim with the region's IdentityVerifier; on a match records it and adds it to the account's live sessions. */
  verify(principal: Principal, regionCode: string, claim: IdentityClaim): Promise<VerifiedIdentity>;
  /** The account's proved identities, newest first. */
  list(principal: Principal): Promise<VerifiedIdentity[]>;
  /** The blind indexes a session of this account carries (`Principal.identities`). */
  indexesOf(subjectRef: string, tx?: AnyDb): Promise<string[]>;
}

export interface CitizenIdentitiesDeps {
  readonly db: AnyDb;
  readonly clock: Clock;
  readonly blindIndexer: BlindIndexer;
  readonly cipher: FieldCipher;
  readonly auditFor: AuditFor;
  readonly verifierFor: (regionCode: string) => IdentityVerifier;
  /** Mismatched checks an account may make per day before it is refused until tomorrow (AuthSettings). */
  readonly maxFailuresPerDay: number;
}

interface Row {
  id_kind: "resident-id" | "uscc";
  id_cipher: string;
  name: string;
  reference: string;
  verified_at: Date;
}

function citizenRef(p: Principal): string {
  if (!p.roles.includes("citizen") || p.subjectRef === undefined) {
    throw new DomainError("real-name verification is for a citizen signed in with a one-time code", {
      ruleId: RULE,
      kind: "forbidden",
    });
  }
  return p.subjectRef;
}

function mask(kind: "resident-id" | "uscc", id: string): string {
  return kind === "resident-id" ? maskResidentId(id) : `${id.slice(0, 2)}${"*".repeat(id.length - 6)}${id.slice(-4)}`;
}

function cleanName(value: string, field: string): string {
  const name = value.trim();
  if (name.length < 2 || name.length > 60) {
    throw new DomainError(`${field} must be 2–60 characters`, { ruleId: RULE, kind: "validation", field });
  }
  return name;
}

/**
 * 实名认证 (KRN-R06): links an account (a mobile proved by a one-time code) to the IDs it may speak
 * for. A person proves name + resident ID + their own signed-in mobile; an enterprise is proved
 * by a person already proved as its legal representative or agent. The outside check is the
 * region's `IdentityVerifier` port; a mismatch is audited and counted (5 a day), an unreachable
 * verifier stores nothing (503). Modules compare `Principal.identities` with the subject's
 * blind index before they act for a data subject (e.g. MKT-R01 consent).
 */
export function createCitizenIdentities(deps: CitizenIdentitiesDeps): CitizenIdentities {
  const maxFailures = deps.maxFailuresPerDay;
  const table = "platform.citizen_identities";

  async function indexesOf(subjectRef: string, tx: AnyDb = deps.db): Promise<string[]> {
    const rows = await tx
      .selectFrom(table)
      .select("id_index")
      .where("subject_ref", "=", subjectRef)
      .orderBy("id_index")
      .execute();
    return rows.map((r) => r.id_index as string);
  }

  return {
    indexesOf,

    async list(principal) {
      const ref = citizenRef(principal);
      const rows = (await deps.db
        .selectFrom(table)
        .select(["id_kind", "id_cipher", "name", "reference", "verified_at"])
        .where("subject_ref", "=", ref)
        .orderBy("verified_at", "desc")
        .execute()) as Row[];
      return rows.map((r) => ({
        idKind: r.id_kind,
        idMasked: mask(r.id_kind, deps.cipher.decrypt(r.id_cipher)),
        name: r.name,
        verifiedAt: r.verified_at,
        reference: r.reference,
      }));
    },

    async verify(principal, regionCode, claim) {
      const ref = citizenRef(principal);
      const now = deps.clock.now();
      const today = businessDateOf(now);
      let idKind: "resident-id" | "uscc";
      let idNumber: string;
      let name: string;
      let agent: { readonly residentId: string; readonly name: string } | undefined;
      if (claim.kind === "person") {
        idKind = "resident-id";
        idNumber = validateResidentId(claim.residentId, { asOf: today, field: "residentId" });
        name = cleanName(claim.name, "name");
        const mobile = validateMobile(claim.mobile, "mobile");
        if (deps.blindIndexer.index("mobile", mobile) !== ref) {
          throw new DomainError("the mobile must be the one this account signed in with", {
            ruleId: RULE,
            kind: "validation",
            field: "mobile",
          });
        }
      } else {
        idKind = "uscc";
        idNumber = validateUscc(claim.uscc, "uscc");
        name = cleanName(claim.enterpriseName, "enterpriseName");
        const agentId = validateResidentId(claim.agentResidentId, { asOf: today, field: "agentResidentId" });
        const proved = await deps.db
          .selectFrom(table)
          .select("name")
          .where("subject_ref", "=", ref)
          .where("id_index", "=", deps.blindIndexer.index("resident-id", agentId))
          .executeTakeFirst();
        if (!proved) {
          throw new DomainError(
            "prove your own identity first: the agent's resident ID is not verified on this account",
            {
              ruleId: RULE,
              kind: "forbidden",
              field: "agentResidentId",
            },
          );
        }
        agent = { residentId: agentId, name: proved.name as string };
      }

      const failures = await deps.db
        .selectFrom("platform.identity_check_failures")
        .select("failures")
        .where("subject_ref", "=", ref)
        .where("day", "=", today)
        .executeTakeFirst();
      if ((failures?.failures ?? 0) >= maxFailures) {
        throw new TooManyRequestsError(`too many mismatched identity checks today (${maxFailures}); try tomorrow`, {
          ruleId: RULE,
          retryAfterSeconds: 3600,
        });
      }

      const verifier = deps.verifierFor(regionCode);
      let check: Awaited<ReturnType<IdentityVerifier["verifyPerson"]>>;
      try {
        check =
          claim.kind === "person"
            ? await verifier.verifyPerson({ name, residentId: idNumber, mobile: claim.mobile.trim() })
            : await verifier.verifyEnterpriseAgent({
                uscc: idNumber,
                enterpriseName: name,
                agentName: agent?.name ?? "",
                agentResidentId: agent?.residentId ?? "",
              });
      } catch (e) {
        if (e instanceof DomainError) throw e;
        throw new DomainError(
          "the real-name verification service did not answer; nothing was recorded, try again later",
          {
            ruleId: RULE,
            kind: "unavailable",
          },
        );
      }

      const idIndex = deps.blindIndexer.index(idKind, idNumber);
      const audit = {
        regionCode,
        actor: principal.id,
        action: "auth.identity.verify",
        objectType: "citizen_identity",
        objectId: idIndex,
      };
      if (check.outcome !== "match") {
        await deps.db.transaction().execute(async (tx) => {
          await sql`insert into platform.identity_check_failures (subject_ref, day, failures) values (${ref}, ${today}, 1)
            on conflict (subject_ref, day) do update set failures = platform.identity_check_failures.failures + 1`.execute(
            tx,
          );
          await deps.auditFor(tx).append({
            ...audit,
            outcome: "denied",
            detail: { idKind, reference: check.reference },
          });
        });
        throw new DomainError(
          claim.kind === "person"
            ? "the name, resident ID and mobile do not belong together in the registry"
            : "the registry does not list this person as the enterprise's representative or agent",
          { ruleId: RULE, kind: "validation", field: claim.kind === "person" ? "residentId" : "uscc" },
        );
      }

      await deps.db.transaction().execute(async (tx) => {
        await tx
          .insertInto(table)
          .values({
            subject_ref: ref,
            id_kind: idKind,
            id_index: idIndex,
            id_cipher: deps.cipher.encrypt(idNumber),
            name,
            region_code: regionCode,
            reference: check.reference,
            verified_at: now,
          })
          .onConflict((oc) =>
            oc.columns(["subject_ref", "id_index"]).doUpdateSet({ name, reference: check.reference, verified_at: now }),
          )
          .execute();
        const indexes = await indexesOf(ref, tx);
        // The account's live sessions carry the new identity at once (no need to sign in again).
        await sql`update platform.sessions set principal = jsonb_set(principal, '{identities}', ${JSON.stringify(indexes)}::text::jsonb)
          where kind = 'citizen' and principal->>'subjectRef' = ${ref}`.execute(tx);
        await deps.auditFor(tx).append({ ...audit, outcome: "ok", detail: { idKind, reference: check.reference } });
      });
      return { idKind, idMasked: mask(idKind, idNumber), name, verifiedAt: now, reference: check.reference };
    },
  };
}

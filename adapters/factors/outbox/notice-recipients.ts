import { GuarantorPort, InsurerPort, LenderGatewayPort } from "../../../core/factors/mod.ts";
import type { PortToken } from "../../../core/kernel/mod.ts";
import type { AnyDb } from "../../db/create-database.ts";
import type { OutboxEvent } from "../../platform/outbox-dispatcher.ts";

/** One delivery of an event: which port (bank, guarantor, insurer) and which institution. */
export interface Recipient {
  readonly port: PortToken;
  readonly institutionId: string;
}

export interface Routed {
  /** The county whose plugins serve the delivery (ComposedRegion.adapter picks a county's own first). */
  readonly countyCode: string | undefined;
  readonly recipients: readonly Recipient[];
}

const str = (x: unknown): string | null => (typeof x === "string" && x.length > 0 ? x : null);

function lender(id: string | null): Recipient[] {
  return id ? [{ port: LenderGatewayPort, institutionId: id }] : [];
}
function guarantor(id: string | null): Recipient[] {
  return id ? [{ port: GuarantorPort, institutionId: id }] : [];
}
function insurer(id: string | null): Recipient[] {
  return id ? [{ port: InsurerPort, institutionId: id }] : [];
}

async function countyOf(db: AnyDb, table: string, id: string | null): Promise<string | undefined> {
  if (!id) return undefined;
  const r = await db.selectFrom(table).select("county_code").where("id", "=", id).executeTakeFirst();
  return r?.county_code as string | undefined;
}

async function banksOfLiens(db: AnyDb, lienIds: readonly string[]): Promise<string[]> {
  if (lienIds.length === 0) return [];
  const rows = await db
    .selectFrom("factors.liens")
    .select("bank_id")
    .where("id", "in", [...lienIds])
    .execute();
  return [...new Set(rows.map((r) => r.bank_id as string))].sort();
}

function uniq(list: readonly Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const key = `${String(r.port.description)}|${r.institutionId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Who outside the platform must hear of each factors event, and in which county:
 * - loan booked → the bank, the guarantor and the insurer of the loan;
 * - mortgage accepted → guarantee and cover requests to the guarantor and insurer;
 * - loan defaulted → the guarantor and insurer (FAC-R08);
 * - transfer consent requested → the lien-holding bank (FAC-R10); transfer awarded → every
 *   bank whose lien follows the factor;
 * - disposal completed → the banks whose liens were paid from the proceeds (FAC-R07);
 * - loss claim → the guarantor or insurer claimed from. The government risk-compensation fund
 *   has no system to deliver to: each county's finance bureau (县财政局) files the fund's claims,
 *   so they are not delivered but kept on the fund ledger (core getFundLedger; API
 *   GET /api/factors/{region}/fund-ledger with CSV exports; page /factors/{region}/fund), which
 *   the bureau's staff (a regulator key of the county) read and export, with the county fund's
 *   annual cap usage;
 * - loss allocated → the bank (FAC-R09).
 */
export async function routeNotice(db: AnyDb, e: OutboxEvent): Promise<Routed> {
  const p = e.payload;
  switch (e.type) {
    case "factors.loan.booked":
      return {
        countyCode: await countyOf(db, "factors.loans", str(p.loanId)),
        recipients: uniq([...lender(str(p.bankId)), ...guarantor(str(p.guarantorId)), ...insurer(str(p.insurerId))]),
      };
    case "factors.mortgage.accepted":
      return {
        countyCode: await countyOf(db, "factors.applications", str(p.applicationId)),
        recipients: uniq([...guarantor(str(p.guarantorId)), ...insurer(str(p.insurerId))]),
      };
    case "factors.loan.defaulted":
      return {
        countyCode: await countyOf(db, "factors.loans", str(p.loanId)),
        recipients: uniq([...guarantor(str(p.guarantorId)), ...insurer(str(p.insurerId))]),
      };
    case "factors.transfer.consent_requested":
      return {
        countyCode: await countyOf(db, "factors.listings", str(p.listingId)),
        recipients: lender(str(p.bankId)),
      };
    case "factors.transfer.awarded": {
      const lienIds = Array.isArray(p.lienIds) ? p.lienIds.filter((x): x is string => typeof x === "string") : [];
      return {
        countyCode: await countyOf(db, "factors.listings", str(p.listingId)),
        recipients: (await banksOfLiens(db, lienIds)).flatMap((b) => lender(b)),
      };
    }
    case "factors.disposal.completed": {
      const dist = (p.distribution ?? {}) as { liens?: { lienId?: unknown }[] };
      const lienIds = (dist.liens ?? []).map((l) => l.lienId).filter((x): x is string => typeof x === "string");
      const disposal = await db
        .selectFrom("factors.disposals")
        .select(["county_code", "bank_id"])
        .where("id", "=", str(p.disposalId) ?? "")
        .executeTakeFirst();
      const banks = [...(disposal ? [disposal.bank_id as string] : []), ...(await banksOfLiens(db, lienIds))];
      return {
        countyCode: disposal?.county_code as string | undefined,
        recipients: uniq(banks.flatMap((b) => lender(b))),
      };
    }
    case "factors.loss.claim": {
      const party = str(p.party);
      const inst = str(p.institutionId);
      const recipients = party === "guarantor" ? guarantor(inst) : party === "insurer" ? insurer(inst) : [];
      return { countyCode: await countyOf(db, "factors.loans", str(p.loanId)), recipients };
    }
    case "factors.loss.allocated": {
      const a = await db
        .selectFrom("factors.loss_allocations")
        .select(["county_code", "bank_id"])
        .where("id", "=", str(p.allocationId) ?? "")
        .executeTakeFirst();
      return { countyCode: a?.county_code as string | undefined, recipients: lender((a?.bank_id as string) ?? null) };
    }
    default:
      return { countyCode: undefined, recipients: [] };
  }
}

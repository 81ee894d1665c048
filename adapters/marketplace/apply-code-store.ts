import { sql } from "kysely";
import type { ApplyCode, ApplyCodeRepository } from "../../core/marketplace/mod.ts";
import type { DbScope } from "./db-scope.ts";
import { toDate } from "./sql-values.ts";

const TABLE = "marketplace.apply_codes";

interface ApplyCodeRow {
  id: string;
  region_code: string;
  product_id: string;
  institution_id: string;
  branch_id: string | null;
  manager_id: string | null;
  issued_at: Date | string;
  expires_at: Date | string;
  issued_by: string;
  status: ApplyCode["status"];
  scans: number;
  applications: number;
}

function fromRow(r: ApplyCodeRow): ApplyCode {
  return {
    id: r.id,
    regionCode: r.region_code,
    productId: r.product_id,
    institutionId: r.institution_id,
    branchId: r.branch_id,
    managerId: r.manager_id,
    issuedAt: toDate(r.issued_at),
    expiresAt: toDate(r.expires_at),
    issuedBy: r.issued_by,
    status: r.status,
    scans: r.scans,
    applications: r.applications,
  };
}

/** MKT-R08 codes: the counters move only by atomic increments, status only by setStatus. */
export class KyselyApplyCodeRepository implements ApplyCodeRepository {
  readonly #db: DbScope;

  constructor(db: DbScope) {
    this.#db = db;
  }

  async get(id: string): Promise<ApplyCode | undefined> {
    const row = await this.#db.read().selectFrom(TABLE).selectAll().where("id", "=", id).executeTakeFirst();
    return row ? fromRow(row as ApplyCodeRow) : undefined;
  }

  async insert(code: ApplyCode): Promise<void> {
    await (await this.#db.write())
      .insertInto(TABLE)
      .values({
        id: code.id,
        region_code: code.regionCode,
        product_id: code.productId,
        institution_id: code.institutionId,
        branch_id: code.branchId,
        manager_id: code.managerId,
        issued_at: code.issuedAt,
        expires_at: code.expiresAt,
        issued_by: code.issuedBy,
        status: code.status,
        scans: code.scans,
        applications: code.applications,
      })
      .execute();
  }

  async setStatus(id: string, status: ApplyCode["status"]): Promise<void> {
    await (await this.#db.write()).updateTable(TABLE).set({ status }).where("id", "=", id).execute();
  }

  async countScan(id: string): Promise<void> {
    await this.#bump(id, "scans");
  }

  async countApplication(id: string): Promise<void> {
    await this.#bump(id, "applications");
  }

  async #bump(id: string, column: "scans" | "applications"): Promise<void> {
    const result = await (await this.#db.write())
      .updateTable(TABLE)
      .set({ [column]: sql`${sql.ref(column)} + 1` })
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new Error(`no apply code ${id} to count`);
  }
}

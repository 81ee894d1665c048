import { type Kysely, sql } from "kysely";

/** The actor recorded on movements this migration reconstructs from what was stored before it. */
const BACKFILL = "system:migration-2026112743";

/** Asia/Shanghai business date (UTC+8, no daylight saving) of a timestamptz expression. */
const businessDate = (column: string) => sql.raw(`((${column} at time zone 'UTC') + interval '8 hours')::date`);

/**
 * Dated principal movements of factors loans, so a dashboard can give the balance as of a past
 * date: a loan's balance on D is its principal (booked on `loans.started_on`) plus the movements
 * dated on or before D. Append-only (the database refuses updates and deletes); one movement per
 * loan version at most. Written by the use cases that move principal: servicing reports,
 * disposal proceeds applied to principal (FAC-R07), the write-off when the loss is shared (FAC-R09).
 *
 * Backfill from what was stored before: proceeds from completed disposals (dated on the
 * disposal's completion), servicing from the `loan.serviced` audit entries (each carries the
 * reported outstanding principal), a correction dated on the loan's last update wherever those
 * do not add up to the stored outstanding principal, and the write-off dated on the loss
 * allocation. Backfilled rows carry no loan version.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema("factors")
    .createTable("loan_movements")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("county_code", "text", (c) => c.notNull())
    .addColumn("loan_id", "text", (c) => c.notNull().references("factors.loans.id"))
    .addColumn("loan_version", "integer")
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('serviced', 'proceeds', 'written_off')`))
    .addColumn("principal_change", "bigint", (c) => c.notNull().check(sql`principal_change <> 0`))
    .addColumn("effective_on", "date", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addUniqueConstraint("loan_movements_version_key", ["loan_id", "loan_version"])
    .execute();
  await sql`create index loan_movements_figures_idx on factors.loan_movements (region_code, effective_on)
            include (loan_id, county_code, principal_change)`.execute(db);
  await sql`create function factors.refuse_movement_change() returns trigger language plpgsql as $$
            begin raise exception 'loan principal movements are append-only'; end $$`.execute(db);
  await sql`create trigger loan_movements_append_only before update or delete on factors.loan_movements
            for each row execute function factors.refuse_movement_change()`.execute(db);

  // 1. Disposal proceeds applied to principal, lien by lien, on the disposal's completion date.
  await sql`insert into factors.loan_movements
              (region_code, county_code, loan_id, kind, principal_change, effective_on, at, actor)
            select l.region_code, l.county_code, l.id, 'proceeds', -((p ->> 'principal')::bigint),
                   ${businessDate("d.completed_at")}, d.completed_at, ${BACKFILL}
            from factors.disposals d
            cross join lateral jsonb_array_elements(coalesce(d.distribution -> 'liens', '[]'::jsonb)) p
            join factors.liens li on li.id = p ->> 'lienId'
            join factors.loans l on l.id = li.loan_id
            where d.status = 'completed' and d.completed_at is not null and (p ->> 'principal')::bigint > 0`.execute(
    db,
  );

  // 2. Servicing reports from the audit log: each reported the outstanding principal after it;
  //    the change is that less the position before it (the previous report, or the principal,
  //    less the proceeds applied in between).
  await sql`insert into factors.loan_movements
              (region_code, county_code, loan_id, kind, principal_change, effective_on, at, actor)
            with reports as (
              select l.region_code, l.county_code, l.id as loan_id, l.principal, a.at, a.seq, a.actor,
                     (a.detail ->> 'outstandingPrincipal')::bigint as pos,
                     coalesce((select -sum(m.principal_change) from factors.loan_movements m
                               where m.loan_id = l.id and m.kind = 'proceeds' and m.at < a.at), 0) as paid_before
              from platform.audit_log a
              join factors.loans l on l.id = a.object_id and l.region_code = a.region_code
              where a.action = 'loan.serviced' and a.object_type = 'loan' and a.outcome = 'ok'
                and jsonb_typeof(a.detail -> 'outstandingPrincipal') = 'number'
            ), changes as (
              select *, pos - lag(pos, 1, principal) over w + paid_before - lag(paid_before, 1, 0::bigint) over w as change
              from reports
              window w as (partition by loan_id order by at, seq)
            )
            select region_code, county_code, loan_id, 'serviced', change, ${businessDate("at")}, at, actor
            from changes where change <> 0`.execute(db);

  // 3. Whatever those do not explain (rows written without a use case), on the loan's last update.
  await sql`insert into factors.loan_movements
              (region_code, county_code, loan_id, kind, principal_change, effective_on, at, actor)
            select l.region_code, l.county_code, l.id, 'serviced',
                   l.outstanding_principal - l.principal - coalesce(sum(m.principal_change), 0),
                   greatest(l.started_on, ${businessDate("l.updated_at")}), l.updated_at, ${BACKFILL}
            from factors.loans l
            left join factors.loan_movements m on m.loan_id = l.id
            group by l.id
            having l.outstanding_principal - l.principal - coalesce(sum(m.principal_change), 0) <> 0`.execute(db);

  // 4. The principal still owed when the loss was shared leaves the balance that day.
  await sql`insert into factors.loan_movements
              (region_code, county_code, loan_id, kind, principal_change, effective_on, at, actor)
            select l.region_code, l.county_code, l.id, 'written_off', -l.outstanding_principal,
                   a.allocated_on, a.created_at, ${BACKFILL}
            from factors.loss_allocations a
            join factors.loans l on l.id = a.loan_id
            where l.status = 'CLOSED_WITH_LOSS' and l.outstanding_principal > 0`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema("factors").dropTable("loan_movements").ifExists().execute();
  await sql`drop function if exists factors.refuse_movement_change()`.execute(db);
}

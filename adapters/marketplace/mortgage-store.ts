import type { FieldCipher } from "../../core/kernel/mod.ts";
import type {
  MortgagedProperty,
  MortgageRegistration,
  MortgageRegistrationRepository,
} from "../../core/marketplace/mod.ts";
import type { DbScope } from "./db-scope.ts";
import { toDate, toDateOrNull } from "./sql-values.ts";

const TABLE = "marketplace.mortgage_registrations";

interface MortgageRow {
  id: string;
  region_code: string;
  application_id: string;
  institution_id: string;
  subject_ref: string;
  property_cipher: string;
  secured_amount: number;
  state: MortgageRegistration["state"];
  requested_at: Date | string;
  branch_id: string | null;
  signed_at: Date | string | null;
  submitted_at: Date | string | null;
  registry_ref: string | null;
  registered_at: Date | string | null;
  registration_certificate_no: string | null;
  refused_reason: string | null;
  attempts: number;
  last_error: string | null;
}

/**
 * Online mortgage registrations. The property (title certificate number and address) belongs to
 * the borrower's loan record (class C2, KRN-R04) and is sealed with the FieldCipher; within one
 * unit of work an unchanged property keeps its stored ciphertext.
 */
export class KyselyMortgageRegistrationRepository implements MortgageRegistrationRepository {
  readonly #db: DbScope;
  readonly #cipher: FieldCipher;
  readonly #sealed = new Map<string, string>();

  constructor(db: DbScope, cipher: FieldCipher) {
    this.#db = db;
    this.#cipher = cipher;
  }

  #open(cipher: string): MortgagedProperty {
    const text = this.#cipher.decrypt(cipher);
    this.#sealed.set(text, cipher);
    const p = JSON.parse(text) as MortgagedProperty;
    return { titleCertificateNo: p.titleCertificateNo, address: p.address };
  }

  #seal(p: MortgagedProperty): string {
    const text = JSON.stringify({ titleCertificateNo: p.titleCertificateNo, address: p.address });
    const known = this.#sealed.get(text);
    if (known !== undefined) return known;
    const sealed = this.#cipher.encrypt(text);
    this.#sealed.set(text, sealed);
    return sealed;
  }

  #fromRow(r: MortgageRow): MortgageRegistration {
    return {
      id: r.id,
      regionCode: r.region_code,
      applicationId: r.application_id,
      institutionId: r.institution_id,
      subjectRef: r.subject_ref,
      property: this.#open(r.property_cipher),
      securedAmount: r.secured_amount,
      state: r.state,
      requestedAt: toDate(r.requested_at),
      branchId: r.branch_id,
      signedAt: toDateOrNull(r.signed_at),
      submittedAt: toDateOrNull(r.submitted_at),
      registryRef: r.registry_ref,
      registeredAt: toDateOrNull(r.registered_at),
      registrationCertificateNo: r.registration_certificate_no,
      refusedReason: r.refused_reason,
      attempts: r.attempts,
      lastError: r.last_error,
    };
  }

  #toRow(m: MortgageRegistration): MortgageRow {
    return {
      id: m.id,
      region_code: m.regionCode,
      application_id: m.applicationId,
      institution_id: m.institutionId,
      subject_ref: m.subjectRef,
      property_cipher: this.#seal(m.property),
      secured_amount: m.securedAmount,
      state: m.state,
      requested_at: m.requestedAt,
      branch_id: m.branchId,
      signed_at: m.signedAt,
      submitted_at: m.submittedAt,
      registry_ref: m.registryRef,
      registered_at: m.registeredAt,
      registration_certificate_no: m.registrationCertificateNo,
      refused_reason: m.refusedReason,
      attempts: m.attempts,
      last_error: m.lastError,
    };
  }

  async get(id: string): Promise<MortgageRegistration | undefined> {
    const row = await this.#db.read().selectFrom(TABLE).selectAll().where("id", "=", id).executeTakeFirst();
    return row ? this.#fromRow(row as MortgageRow) : undefined;
  }

  async getForUpdate(id: string): Promise<MortgageRegistration | undefined> {
    const row = await (await this.#db.write())
      .selectFrom(TABLE)
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    return row ? this.#fromRow(row as MortgageRow) : undefined;
  }

  async findByApplication(applicationId: string): Promise<MortgageRegistration | undefined> {
    const row = await this.#db
      .read()
      .selectFrom(TABLE)
      .selectAll()
      .where("application_id", "=", applicationId)
      .executeTakeFirst();
    return row ? this.#fromRow(row as MortgageRow) : undefined;
  }

  async insert(registration: MortgageRegistration): Promise<void> {
    await (await this.#db.write()).insertInto(TABLE).values(this.#toRow(registration)).execute();
  }

  async update(registration: MortgageRegistration): Promise<void> {
    const { id, ...rest } = this.#toRow(registration);
    await (await this.#db.write()).updateTable(TABLE).set(rest).where("id", "=", id).execute();
  }
}

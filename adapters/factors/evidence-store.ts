import { createHash } from "node:crypto";
import { type Clock, DomainError, type FieldCipher, type IdGenerator } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import type { EvidenceFileStore } from "./evidence-file-store.ts";
import { iso } from "./sql-values.ts";

/** Types of evidence accepted at registration: photos and scans. */
export const EVIDENCE_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

/** Largest evidence file, bytes (a phone photo of a certificate). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export interface EvidenceRecord {
  readonly id: string;
  readonly regionCode: string;
  readonly uploadedBy: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly createdAt: string;
}

const MAGIC: Readonly<Record<EvidenceContentType, (b: Uint8Array) => boolean>> = {
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/png": (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  "image/webp": (b) =>
    String.fromCharCode(...b.slice(0, 4)) === "RIFF" && String.fromCharCode(...b.slice(8, 12)) === "WEBP",
  "application/pdf": (b) => String.fromCharCode(...b.slice(0, 5)) === "%PDF-",
};

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function evidenceError(message: string, field: string): DomainError {
  return new DomainError(message, { ruleId: "FAC-R01", field });
}

/**
 * Evidence of registration (FAC-R01): the file is checked (type by its first bytes, size),
 * sealed with the field cipher (KRN-R04) and written to the deployment's EvidenceFileStore; a
 * row in factors.evidence records who uploaded it, its type, size and SHA-256. A factor names
 * its evidence by these ids; only the uploader may attach an upload, and only those who may
 * see a factor may read the evidence it names.
 */
export class EvidenceStore {
  readonly #db: AnyDb;
  readonly #files: EvidenceFileStore;
  readonly #cipher: FieldCipher;
  readonly #ids: IdGenerator;
  readonly #clock: Clock;

  constructor(db: AnyDb, files: EvidenceFileStore, s: { cipher: FieldCipher; ids: IdGenerator; clock: Clock }) {
    this.#db = db;
    this.#files = files;
    this.#cipher = s.cipher;
    this.#ids = s.ids;
    this.#clock = s.clock;
  }

  async upload(input: {
    readonly regionCode: string;
    readonly uploadedBy: string;
    readonly fileName: string;
    readonly contentType: string;
    readonly bytes: Uint8Array;
  }): Promise<EvidenceRecord> {
    const type = input.contentType.split(";")[0]?.trim().toLowerCase() as EvidenceContentType;
    if (!EVIDENCE_CONTENT_TYPES.includes(type)) {
      throw evidenceError(`evidence is a photo or a PDF (${EVIDENCE_CONTENT_TYPES.join(", ")})`, "contentType");
    }
    if (input.bytes.byteLength === 0) throw evidenceError("the file is empty", "file");
    if (input.bytes.byteLength > EVIDENCE_MAX_BYTES) {
      throw evidenceError(`evidence files are at most ${EVIDENCE_MAX_BYTES / 1024 / 1024} MiB`, "file");
    }
    if (!MAGIC[type](input.bytes)) throw evidenceError(`the file is not a ${type}`, "file");
    const fileName = (input.fileName.trim() || "evidence").slice(0, 200);
    const id = this.#ids.next("ev");
    const sha256 = sha256Hex(input.bytes);
    const base64 = Buffer.from(input.bytes).toString("base64");
    const key = `${input.regionCode}/${id}`;
    await this.#files.put({ key, bytes: new TextEncoder().encode(this.#cipher.encrypt(base64)) });
    const createdAt = this.#clock.now();
    await this.#db
      .insertInto("factors.evidence")
      .values({
        id,
        region_code: input.regionCode,
        uploaded_by: input.uploadedBy,
        file_name: fileName,
        content_type: type,
        size_bytes: input.bytes.byteLength,
        sha256,
        storage_key: key,
        created_at: createdAt,
      })
      .execute();
    return {
      id,
      regionCode: input.regionCode,
      uploadedBy: input.uploadedBy,
      fileName,
      contentType: type,
      sizeBytes: input.bytes.byteLength,
      sha256,
      createdAt: createdAt.toISOString(),
    };
  }

  /** The records of `ids` in the region (unknown ids are left out). */
  async records(regionCode: string, ids: readonly string[]): Promise<EvidenceRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db
      .selectFrom("factors.evidence")
      .selectAll()
      .where("region_code", "=", regionCode)
      .where("id", "in", [...ids])
      .orderBy("created_at")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      uploadedBy: r.uploaded_by,
      fileName: r.file_name,
      contentType: r.content_type,
      sizeBytes: Number(r.size_bytes),
      sha256: r.sha256,
      createdAt: iso(r.created_at),
    }));
  }

  /** Refuses ids that are unknown or were uploaded by someone else (as "not found", KRN-R06). */
  async assertOwnUploads(regionCode: string, uploadedBy: string, ids: readonly string[]): Promise<void> {
    const found = await this.records(regionCode, ids);
    const own = new Set(found.filter((r) => r.uploadedBy === uploadedBy).map((r) => r.id));
    const missing = ids.find((id) => !own.has(id));
    if (missing !== undefined) {
      throw new DomainError(`evidence ${missing} not found`, {
        ruleId: "KRN-R06",
        kind: "not_found",
        field: "evidence",
      });
    }
  }

  /** The file's bytes, opened; checked against the recorded SHA-256. */
  async read(regionCode: string, id: string): Promise<{ record: EvidenceRecord; bytes: Uint8Array } | undefined> {
    const [record] = await this.records(regionCode, [id]);
    if (!record) return undefined;
    const sealed = await this.#files.get(`${regionCode}/${id}`);
    if (!sealed) return undefined;
    const bytes = new Uint8Array(Buffer.from(this.#cipher.decrypt(new TextDecoder().decode(sealed)), "base64"));
    if (sha256Hex(bytes) !== record.sha256) {
      throw new Error(`evidence ${id}: stored file does not match its recorded hash`);
    }
    return { record, bytes };
  }
}

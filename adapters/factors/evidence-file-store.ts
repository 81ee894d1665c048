import { portToken } from "../../core/kernel/mod.ts";

/**
 * Where evidence files of factor registration (photos of certificates, filings, contracts) are
 * kept. The platform seals every object with the field cipher before it reaches the store
 * (KRN-R04: photos of documents are class C2), so a store sees only ciphertext. A deployment
 * provides it with a plugin: `factors-evidence-store-local` keeps files under DATA_DIR; an
 * S3-compatible store would implement the same two calls.
 */
export interface EvidenceFileStore {
  /** Writes (or replaces) the object under `key`. */
  put(object: { readonly key: string; readonly bytes: Uint8Array }): Promise<void>;
  /** The object's bytes, or undefined when there is none under `key`. */
  get(key: string): Promise<Uint8Array | undefined>;
}

/** The platform requires this port wherever the factors module runs (adapters/composition/modules.ts). */
export const EvidenceFileStorePort = portToken("factors.EvidenceFileStore");

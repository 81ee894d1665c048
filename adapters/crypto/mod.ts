// Crypto adapters (KRN-R04): keyring from configuration, envelope field cipher, blind index,
// hashing, and the C2 redactor for logs and audit details.
export { EnvelopeFieldCipher, FieldCipherError, isEncryptedField } from "./envelope-field-cipher.ts";
export { HmacBlindIndexer, normaliseForBlindIndex } from "./hmac-blind-indexer.ts";
export { DEVELOPMENT_KID, type Keyring, type KeyringEnv, KeyringError, loadKeyring } from "./keyring.ts";
export { NodeHasher, nodeHasher } from "./node-hasher.ts";
export { C3_REDACTED, isC3Name, redactC2, redactC2Text } from "./redact-c2.ts";

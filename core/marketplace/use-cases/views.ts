import { type FieldCipher, hasRole, maskMobile, maskName, type Principal } from "../../kernel/mod.ts";
import type { Application } from "../domain/application.ts";
import type { Consent } from "../domain/consent.ts";
import { effectiveConsentStatus } from "../domain/consent.ts";
import type { PushRecord } from "../domain/push-record.ts";

/**
 * What use cases return: plain data without ciphertexts or blind indexes. Class-C2 values are
 * shown in full only to their subject and to the institution the application is addressed to
 * (it has to call the applicant); masked for everyone else (KRN-R04).
 */
export type ApplicationView = Omit<Application, "applicant" | "contactMobileCipher"> & {
  readonly applicantIdKind: Application["applicant"]["idKind"];
  readonly contactMobile: string;
};

export function mayReadContact(app: Application, p: Principal): boolean {
  const subject = p.subjectRef !== undefined && p.subjectRef === app.subjectRef;
  const recipient = p.institutionId === app.institutionId && hasRole(p, "institution_staff", "institution_admin");
  return subject || recipient;
}

/** `contactMobile`: the mobile in clear when the caller has just sealed it (saves a decryption). */
export function applicationView(
  app: Application,
  cipher: FieldCipher,
  p: Principal,
  contactMobile?: string,
): ApplicationView {
  const { applicant, contactMobileCipher, ...rest } = app;
  const mobile = contactMobile ?? cipher.decrypt(contactMobileCipher);
  const full = mayReadContact(app, p);
  return {
    ...rest,
    applicantName: full || applicant.idKind === "uscc" ? app.applicantName : maskName(app.applicantName),
    applicantIdKind: applicant.idKind,
    contactMobile: full ? mobile : maskMobile(mobile),
  };
}

export type ConsentView = Omit<Consent, "dataSubject"> & { readonly effectiveStatus: Consent["status"] };

export function consentView(c: Consent, now: Date): ConsentView {
  const { dataSubject: _hidden, ...rest } = c;
  return { ...rest, effectiveStatus: effectiveConsentStatus(c, now) };
}

export type PushView = Omit<PushRecord, "payloadCipher" | "dataSubjectIndex"> & { readonly payloadHeld: boolean };

export function pushView(p: PushRecord): PushView {
  const { payloadCipher, dataSubjectIndex: _hidden, ...rest } = p;
  return { ...rest, payloadHeld: payloadCipher !== null };
}

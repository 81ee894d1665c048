import { createHash } from "node:crypto";
import { businessDateOf, type Clock } from "../../core/kernel/mod.ts";
import type { RealEstateRegistry, RegistryStatus, RegistrySubmission } from "../../core/marketplace/mod.ts";

export interface RegistrySimOptions {
  /** How long the simulated registry takes to register a filed request. */
  readonly processingMs: number;
  /** Title certificate numbers containing one of these are refused (seized property and the like). */
  readonly refuseWhenTitleContains: readonly string[];
  /** Prefecture name printed on certificates, e.g. 龙岩市. */
  readonly placeName: string;
}

const REF = /^REG-([0-9A-F]{16})-(A|R)$/;

/**
 * SIMULATOR of the real-estate registry (不动产登记审批系统) for 抵押登记云办理. `submit` files a
 * request and returns a reference derived from the registration id (the same id always gets the
 * same reference, so a retried submission is one filing); `status` answers pending until the
 * processing time has passed since the first filing, then registered with a certificate number,
 * or refused when the title is on the refusal list. The outcome is encoded in the reference, so
 * the answer survives a restart (a filing this process has not seen counts as processed).
 */
export class SimulatedRealEstateRegistry implements RealEstateRegistry {
  readonly #o: RegistrySimOptions;
  readonly #clock: Clock;
  readonly #filedAt = new Map<string, number>();

  constructor(options: RegistrySimOptions, clock: Clock) {
    this.#o = options;
    this.#clock = clock;
  }

  async submit(s: RegistrySubmission): Promise<{ readonly registryRef: string }> {
    if (!s.titleCertificateNo.trim()) throw new Error("registry refused the filing: no title certificate number");
    const digest = createHash("sha256").update(`${s.regionCode}|${s.registrationId}`).digest("hex").slice(0, 16);
    const refused = this.#o.refuseWhenTitleContains.some((t) => t !== "" && s.titleCertificateNo.includes(t));
    const registryRef = `REG-${digest.toUpperCase()}-${refused ? "R" : "A"}`;
    if (!this.#filedAt.has(registryRef)) this.#filedAt.set(registryRef, this.#clock.now().getTime());
    return { registryRef };
  }

  async status(registryRef: string): Promise<RegistryStatus> {
    const m = REF.exec(registryRef);
    if (!m) throw new Error(`registry knows no filing ${registryRef}`);
    const filed = this.#filedAt.get(registryRef);
    const now = this.#clock.now();
    if (filed !== undefined && now.getTime() - filed < this.#o.processingMs) return { state: "pending" };
    if (m[2] === "R") return { state: "refused", reason: "该不动产已被查封，不予办理抵押登记 the property is seized" };
    const registeredAt = filed !== undefined ? new Date(filed + this.#o.processingMs) : now;
    const serial = String(Number.parseInt((m[1] as string).slice(0, 8), 16) % 10_000_000).padStart(7, "0");
    const year = businessDateOf(registeredAt).slice(0, 4);
    return {
      state: "registered",
      registrationCertificateNo: `闽(${year})${this.#o.placeName}不动产证明第${serial}号`,
      registeredAt,
    };
  }
}

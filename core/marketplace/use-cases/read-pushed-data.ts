import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { canonicalJson } from "../domain/canonical-json.ts";
import type { CreditDataRecord } from "../domain/credit-data.ts";
import { assertMayReadPushedData, ISOLATION_RULE } from "../rules/institution-isolation.ts";
import { isPastDataLife, PUSH_LOG_RULE, type PushContent, pushContentHash } from "../rules/push-log.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { idSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { type PushView, pushView } from "./views.ts";

/**
 * The recipient institution (or the subject) reads what was pushed (MKT-R09), while its data
 * life lasts. The content is checked against the hash in the push log before it is returned;
 * every read is audited.
 */
export class ReadPushedData {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "cipher" | "hasher" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "cipher" | "hasher" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(
    input: unknown,
    principal: Principal,
  ): Promise<{ push: PushView; records: readonly CreditDataRecord[] }> {
    const d = this.#deps;
    const { pushId } = parseInput(v.strictObject({ pushId: idSchema }), input, ISOLATION_RULE);
    const now = d.clock.now();
    return d.uow.run(async (tx) => {
      const push = await tx.pushes.get(pushId);
      if (!push || push.regionCode !== d.regionCode) {
        throw new DomainError("pushed data not found", { ruleId: ISOLATION_RULE, kind: "not_found" });
      }
      assertMayReadPushedData(principal, push);
      if (push.payloadCipher === null || isPastDataLife(push, now)) {
        throw new DomainError("the data life of this push has ended; its content is no longer held", {
          ruleId: PUSH_LOG_RULE,
          kind: "conflict",
        });
      }
      const content = JSON.parse(d.cipher.decrypt(push.payloadCipher)) as PushContent;
      if (
        pushContentHash(d.hasher, content) !== push.contentHash ||
        canonicalJson(content.categories) !== canonicalJson([...push.categories].sort())
      ) {
        throw new DomainError("the stored content does not match its push-log hash", {
          ruleId: PUSH_LOG_RULE,
          kind: "conflict",
        });
      }
      await tx.audit.append({
        regionCode: push.regionCode,
        actor: principal.id,
        action: "marketplace.data.read",
        objectType: "push",
        objectId: push.id,
        outcome: "ok",
      });
      return { push: pushView(push), records: content.records };
    });
  }
}

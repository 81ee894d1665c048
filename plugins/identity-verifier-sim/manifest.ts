import * as v from "valibot";
import { isValidResidentId, isValidUscc } from "../../core/kernel/mod.ts";
import { IdentityVerifierPort } from "../_framework/kernel-tokens.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { SimulatedIdentityVerifier } from "./simulated-identity-verifier.ts";

const residentId = v.pipe(
  v.string(),
  v.check((s) => isValidResidentId(s, "2026-01-01"), "a valid 18-character resident ID"),
);

const configSchema = v.strictObject({
  people: v.pipe(
    v.optional(
      v.array(
        v.strictObject({
          residentId: v.pipe(residentId, v.description("the person's resident ID")),
          name: v.pipe(v.string(), v.minLength(2), v.description("the registered name")),
          mobile: v.pipe(
            v.optional(v.pipe(v.string(), v.regex(/^1[3-9]\d{9}$/, "a mainland mobile number"))),
            v.description("the mobile registered to the person; omitted = any mobile matches"),
          ),
        }),
      ),
      [],
    ),
    v.description("people the simulated registry knows: only the listed name (and mobile) match their ID"),
  ),
  enterprises: v.pipe(
    v.optional(
      v.array(
        v.strictObject({
          uscc: v.pipe(
            v.string(),
            v.check((s) => isValidUscc(s), "a valid USCC"),
          ),
          name: v.pipe(v.string(), v.minLength(2)),
          agents: v.pipe(v.array(residentId), v.minLength(1), v.description("legal representative and agents")),
        }),
      ),
      [],
    ),
    v.description("enterprises the simulated registry knows, with who may act for them"),
  ),
  unlisted: v.pipe(
    v.optional(v.picklist(["match", "mismatch"]), "match"),
    v.description('the answer for an ID not listed above: "match" (permissive demo registry) or "mismatch"'),
  ),
  allowInProduction: v.pipe(
    v.optional(v.boolean(), false),
    v.description("let this simulator load when NODE_ENV=production (a demonstration deployment only)"),
  ),
});

/** SIMULATOR of the real-name services (KRN-R06 实名认证). */
export const manifest = definePlugin({
  id: "identity-verifier-sim",
  version: "1.0.0",
  title: { zh: "实名核验服务（模拟）", en: "Real-name verification (simulator)" },
  description:
    "Simulator of the identity checks a citizen account passes before it may speak for a data subject: name + resident ID + mobile (公安 / operators' three-element check) and an enterprise's representative (market-regulation registry). Deterministic from its config; references start SIM-. Not a real check; for demos and tests.",
  kind: "simulator",
  regions: "*",
  provides: [IdentityVerifierPort],
  configSchema,
  create(config, ctx) {
    if (ctx.production && !config.allowInProduction) {
      throw new Error(
        "identity-verifier-sim is a simulator and refuses to load when NODE_ENV=production; install a real verifier (e.g. identity-verifier-https) that provides kernel.IdentityVerifier",
      );
    }
    return new Map([[IdentityVerifierPort, new SimulatedIdentityVerifier(config)]]);
  },
});

import * as v from "valibot";
import { InsurerPort } from "../../core/quickclaim/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { ningdeInsurerBooks } from "./ningde-insurer-books.ts";
import { RoutingInsurer } from "./routing-insurer.ts";
import { SimulatedInsurer } from "./simulated-insurer.ts";

const fen = (what: string) => v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.description(what));

const bookSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{1,40}$/), v.description("insurer id as in the policy pack")),
  name: v.pipe(v.string(), v.minLength(1), v.description("company name")),
  vehicles: v.pipe(
    v.optional(
      v.array(
        v.strictObject({
          plate: v.pipe(v.string(), v.minLength(5), v.description("licence plate")),
          compulsoryPolicyNo: v.pipe(v.string(), v.minLength(1), v.description("交强险 policy number")),
          commercialPolicyNo: v.pipe(v.nullable(v.string()), v.description("商业三者险 policy number or null")),
          commercialLimitFen: fen("商业三者险 limit, fen"),
        }),
      ),
      [],
    ),
    v.description("vehicles with known policies"),
  ),
  acceptDeclaredPolicies: v.pipe(
    v.optional(v.boolean(), true),
    v.description("take a well-formed policy number a party declares as in force for unknown vehicles"),
  ),
  declaredCommercialLimitFen: v.pipe(
    v.optional(fen("x"), 100_000_000),
    v.description("limit for declared policies, fen"),
  ),
  declineAboveFen: v.pipe(
    v.optional(v.nullable(fen("x")), null),
    v.description("decline claims above this amount (fen); null: never"),
  ),
});

const configSchema = v.strictObject({
  insurers: v.pipe(
    v.optional(v.array(bookSchema), () => ningdeInsurerBooks.map((b) => ({ ...b, vehicles: [...b.vehicles] }))),
    v.minLength(1),
    v.check((bs) => new Set(bs.map((b) => b.id)).size === bs.length, "insurer ids must be unique"),
    v.description("the simulated companies (default: 人保财险 and 平安产险 in 宁德)"),
  ),
});

/** SIMULATOR of the region's insurers (policy lookup, claim acceptance, payout confirmation). */
export const manifest = definePlugin({
  id: "quickclaim-insurers-sim",
  version: "1.0.0",
  title: { zh: "保险公司理赔接口（模拟：人保、平安）", en: "Insurers (simulator: PICC, Ping An)" },
  description:
    "Simulator of the insurers taking part in quick claims: one simulated company per configured insurer (default two), each with its book of known vehicles; claim acceptance is keyed by claim id and repeatable. Deterministic; for demos and tests.",
  kind: "simulator",
  regions: ["350900"],
  provides: [InsurerPort],
  configSchema,
  create(config, ctx) {
    const companies = config.insurers.map((b) => new SimulatedInsurer(b, ctx.logger));
    return new Map([[InsurerPort, new RoutingInsurer(companies)]]);
  },
});

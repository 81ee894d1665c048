import { parseArgs } from "node:util";
import type { Clock, IdGenerator } from "../../core/kernel/mod.ts";
import { isDomainError } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { type ApiKeyRecord, createApiKeyStore } from "./api-key-store.ts";
import { ROLES } from "./roles.ts";

/**
 * The API-key command (scripts/create-api-key.ts):
 *   --institution ccb-longyan --roles institution_staff --regions 350800 [--label "建行龙岩分行"]
 *   --list [--institution X]
 *   --revoke key_01J…
 * A new key is printed once; only its hash is stored. Exit codes: 0 done, 1 refused, 2 usage.
 */
export interface ApiKeyCliDeps {
  readonly db: AnyDb;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Region codes configured in the deployment; keys may only name these. */
  readonly regions: readonly string[];
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const API_KEY_USAGE = `usage:
  create-api-key --institution <id> --roles <role[,role…]> --regions <code[,code…]> [--label <text>]
  create-api-key --list [--institution <id>]
  create-api-key --revoke <key id>
roles: ${ROLES.filter((r) => r !== "citizen").join(", ")}
(--institution is required for institution_staff/institution_admin, optional otherwise)`;

function list(values: (string | boolean)[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => String(v).split(","))
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function describe(r: ApiKeyRecord): string {
  const state = r.revokedAt ? `revoked ${r.revokedAt.toISOString()}` : "active";
  return `${r.id}  ${r.prefix}…  ${r.institutionId ?? "-"}  [${r.roles.join(",")}]  [${r.regionCodes.join(",")}]  ${state}  ${r.label}`;
}

export async function runApiKeyCli(argv: readonly string[], deps: ApiKeyCliDeps): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        institution: { type: "string" },
        roles: { type: "string", multiple: true },
        regions: { type: "string", multiple: true },
        label: { type: "string" },
        list: { type: "boolean" },
        revoke: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    deps.err(`${(e as Error).message}\n${API_KEY_USAGE}`);
    return 2;
  }
  const o = parsed.values as Record<string, string | boolean | (string | boolean)[] | undefined>;
  if (o.help) {
    deps.out(API_KEY_USAGE);
    return 0;
  }
  const store = createApiKeyStore(deps.db, deps.clock, deps.ids);

  if (o.list) {
    const institution = typeof o.institution === "string" ? o.institution : undefined;
    const keys = await store.list(institution ? { institutionId: institution } : {});
    if (keys.length === 0) deps.out("no API keys");
    for (const k of keys) deps.out(describe(k));
    return 0;
  }
  if (typeof o.revoke === "string") {
    const done = await store.revoke(o.revoke, "system:cli");
    if (!done) {
      deps.err(`no active API key with id ${o.revoke}`);
      return 1;
    }
    deps.out(`revoked ${o.revoke}; its sessions have ended`);
    return 0;
  }

  const roles = list(o.roles as string[] | undefined);
  const regions = list(o.regions as string[] | undefined);
  if (roles.length === 0 || regions.length === 0) {
    deps.err(`--roles and --regions are required\n${API_KEY_USAGE}`);
    return 2;
  }
  const unknown = regions.filter((r) => !deps.regions.includes(r));
  if (unknown.length > 0) {
    deps.err(
      `region ${unknown.join(", ")} is not configured in this deployment (configured: ${deps.regions.join(", ")})`,
    );
    return 1;
  }
  try {
    const { key, record } = await store.create(
      {
        institutionId: typeof o.institution === "string" ? o.institution : undefined,
        roles,
        regionCodes: regions,
        label: typeof o.label === "string" ? o.label : undefined,
      },
      "system:cli",
    );
    deps.out(`created ${describe(record)}`);
    deps.out("API key (shown once, store it now; send it as Authorization: Bearer <key>):");
    deps.out(key);
    return 0;
  } catch (e) {
    if (isDomainError(e)) {
      deps.err(`refused: ${e.message}${e.field ? ` (${e.field})` : ""}`);
      return 1;
    }
    throw e;
  }
}

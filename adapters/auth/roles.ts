import type { Role } from "../../core/kernel/mod.ts";

/** Every role a principal may hold (core/kernel/principal.ts), for validating input. */
export const ROLES = [
  "citizen",
  "institution_staff",
  "institution_admin",
  "police",
  "adjuster",
  "clerk",
  "regulator",
  "platform_admin",
] as const satisfies readonly Role[];

// Fails to compile when core adds a role that is missing above.
type Missing = Exclude<Role, (typeof ROLES)[number]>;
const _complete: Missing extends never ? true : never = true;
void _complete;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

// The core's public surface: the kernel and each module's mod.ts.

export * as factors from "./factors/mod.ts";
export * as kernel from "./kernel/mod.ts";
export * as marketplace from "./marketplace/mod.ts";
export * as quickclaim from "./quickclaim/mod.ts";

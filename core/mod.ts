// The core's public surface: the kernel and each module's mod.ts.
export * as kernel from "./kernel/mod.ts";

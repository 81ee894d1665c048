// The shared kernel's public surface. Modules import the kernel only from here.
export * from "./dated.ts";
export * from "./errors.ts";
export * from "./module.ts";
export * from "./money.ts";
export * from "./ports.ts";
export * from "./principal.ts";

// The shared kernel's public surface. Modules import the kernel only from here.

export * from "./business-date.ts";
export * from "./calendar.ts";
export * from "./calendar-data.ts";
export * from "./daily-balance-interest.ts";
export * from "./dated.ts";
export * from "./errors.ts";
export * from "./identity/bank-card.ts";
export * from "./identity/fujian-regions.ts";
export * from "./identity/identity-error.ts";
export * from "./identity/licence-plate.ts";
export * from "./identity/mobile.ts";
export * from "./identity/province-codes.ts";
export * from "./identity/region-code.ts";
export * from "./identity/resident-id.ts";
export * from "./identity/uscc.ts";
export * from "./masking.ts";
export * from "./module.ts";
export * from "./money.ts";
export * from "./ports.ts";
export * from "./principal.ts";
export * from "./rate.ts";

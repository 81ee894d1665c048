// Test doubles of the factors module, for adapter contract tests and the HTTP layer's tests.
export * from "./balance-story.ts";
export * from "./factor-fixture.ts";
export * from "./fakes.ts";
export * from "./in-memory-factors.ts";
export * from "./in-memory-queries.ts";
export * from "./in-memory-statistics.ts";
export * from "./lending-scenarios.ts";
export * from "./scenarios.ts";
export * from "./testbed.ts";

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "core/**/*.test.ts",
      "adapters/**/*.test.ts",
      "plugins/**/*.test.ts",
      "http/**/*.test.ts",
      "test/**/*.test.ts",
      "test/**/*.test.tsx",
      "scripts/**/*.test.ts",
    ],
    setupFiles: ["test/support/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});

import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const integration = ["tests/integration/**/*.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Tests import server modules directly; Next's guard has nothing to guard here.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    root,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      // The same integration suite twice: on the embedded PGlite and on a real PostgreSQL.
      {
        extends: true,
        test: {
          name: "integration-pglite",
          include: integration,
          env: { TEST_DB: "pglite" },
          globalSetup: ["tests/support/global-setup-pglite.ts"],
          setupFiles: ["tests/support/use-test-database.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration-postgres",
          include: integration,
          env: { TEST_DB: "postgres" },
          globalSetup: ["tests/support/global-setup-postgres.ts"],
          setupFiles: ["tests/support/use-test-database.ts"],
        },
      },
    ],
  },
});

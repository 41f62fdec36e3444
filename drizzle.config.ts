import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used: migrations are applied by db/migrate.ts on start
// and in tests, so the same files run on PGlite and PostgreSQL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});

// Seeds the demo data, with the demo accounts, into the PostgreSQL database DATABASE_URL
// names (the app seeds only its embedded database by itself). For specs that run the app on
// a database of their own: tsx --conditions=react-server tests/e2e/support/seed-demo.ts
import { openPostgres } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoIfEmpty } from "@/db/seed/seed";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL to the database to seed.");
const handle = await openPostgres(url, { max: 2 });
try {
  await migrateDatabase(handle);
  await seedDemoIfEmpty(handle.db, { accounts: "demo" });
} finally {
  await handle.close();
}

// Seeds the demo data and accounts into the PostgreSQL database named by DATABASE_URL, as
// the embedded database seeds itself on first start (the app only migrates PostgreSQL).
// Run with `tsx --conditions=react-server` (the db modules import "server-only").
import { openPostgres } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoIfEmpty } from "@/db/seed/seed";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL to the database to seed.");
const handle = await openPostgres(url, { max: 2 });
try {
  await migrateDatabase(handle);
  await seedDemoIfEmpty(handle.db);
} finally {
  await handle.close();
}

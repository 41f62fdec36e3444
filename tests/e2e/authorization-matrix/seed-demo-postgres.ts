// Migrates a PostgreSQL database (DATABASE_URL) and gives it the embedded demo's data and
// accounts, so that the authorization matrix runs on a server of its own whose database
// the test can also read and arrange directly. Run with tsx --conditions=react-server.
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

// Applies the migrations to DATABASE_URL (or the embedded database) and stops.
// The server also does this at start; this is for deploy pipelines.
import { databaseHandle } from "@/db/client";
import { migrationLevel } from "@/db/migrate";

// Opened as the server opens it: migrated, and the embedded database seeded if new.
const handle = await databaseHandle();
try {
  const level = await migrationLevel(handle.db);
  console.log(`Migrations applied: ${level.applied} of ${level.expected} (latest ${level.latest}).`);
} finally {
  await handle.close();
}

// Seeds a real PostgreSQL database (DATABASE_URL) with the BOB reference data, the
// 2016 baseline scores and the BOB trajectory targets. Never automatic, and never with the demo accounts: create real
// users with `npm run user:create`.
import { count } from "drizzle-orm";
import { openPostgres } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { systems } from "@/db/schema";
import { seedReferenceData, seedTrajectories, seedWorkstreams } from "@/db/seed/seed";
import { seedPortfolio } from "@/db/seed/seed-portfolio";
import { seedNationalReference } from "@/db/seed/national-reference";
import { env } from "@/lib/env";

const { DATABASE_URL } = env();
if (!DATABASE_URL) {
  console.error("Set DATABASE_URL to the PostgreSQL database to seed. (The embedded database seeds itself on first start.)");
  process.exit(1);
}
const handle = await openPostgres(DATABASE_URL, { max: 2 });
try {
  await migrateDatabase(handle);
  const [row] = await handle.db.select({ n: count() }).from(systems);
  if ((row?.n ?? 0) > 0) {
    // Seeded before: add only what later versions brought, each part only if absent.
    const added = [
      (await seedTrajectories(handle.db)) && "the trajectory targets",
      (await seedWorkstreams(handle.db)) && "the workstreams",
      (await seedPortfolio(handle.db)) && "the portfolio",
      (await seedNationalReference(handle.db)) && "England's trusts and ICBs (ODS) and the NHS England DMA framework",
    ].filter(Boolean);
    console.log(added.length ? `This database already had data: added ${added.join(", ")}.` : "This database already has every part of the seed: nothing was added.");
  } else {
    await handle.db.transaction(async (tx) => {
      await seedReferenceData(tx);
      await seedTrajectories(tx);
      await seedWorkstreams(tx);
      await seedPortfolio(tx);
      await seedNationalReference(tx);
    });
    console.log("Seeded the BOB partnership, the 2016 DMI framework and its baseline scores, the trajectory targets, the five workstreams (without leads: assign them in the app), the portfolio of the capability plans, England's trusts and ICBs from ODS, and the NHS England DMA framework. Import NHS England's results workbook as an administrator: npm run import -- data/reference/dma/NHSE_DMA_2025_Results_Data_File_v2.xlsx");
  }
} finally {
  await handle.close();
}

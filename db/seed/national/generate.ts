import { count, eq, notInArray } from "drizzle-orm";
import type { Database } from "../../client";
import { analyzeDatabase } from "../../analyze";
import { frameworks, users } from "../../schema";
import { hashPassword } from "@/lib/auth/password";
import { demoPassword, demoUsers } from "../bob-data";
import { seedDemoIfEmpty } from "../seed";
import { planNationalDataSet, type NationalOptions } from "./plan";
import { readNationalReference } from "./reference";
import { dma2023 } from "./reference-data";
import type { NationalPlan } from "./types";
import { writeNationalPlan, type Progress } from "./write";

/**
 * The demo data (seeded here if the database is empty) plus the synthetic national data
 * set, written in one transaction, then the planner's statistics gathered. Refuses a
 * database that has it already. Generated accounts share the demo password.
 */
export async function generateNationalDataSet(db: Database, options: NationalOptions, progress?: Progress): Promise<NationalPlan> {
  await seedDemoIfEmpty(db, { accounts: "demo" });
  const [existing] = await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.code, dma2023.code));
  if (existing) throw new Error("This database already holds the national data set: generate it into an empty database.");
  // Never into a live database: its generated accounts share the public demo password.
  const [others] = await db.select({ n: count() }).from(users).where(notInArray(users.email, demoUsers.map((u) => u.email)));
  if ((others?.n ?? 0) > 0) throw new Error("This database has accounts besides the demo's: generate the national data set only into an empty or demo database.");
  const reference = await readNationalReference(db, await hashPassword(demoPassword));
  const plan = planNationalDataSet(reference, options);
  await writeNationalPlan(db, plan, progress);
  await analyzeDatabase(db);
  return plan;
}

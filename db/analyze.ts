import { sql } from "drizzle-orm";
import type { Database } from "./client";

/**
 * Gathers the planner's statistics for every table, as PostgreSQL's documentation asks after
 * a bulk load or a restore. Without them the planner guesses a few hundred rows a table:
 * on the national data set it then joins 296,000 scores by nested loops, and /api/v1/scores
 * took 3.9 s where 0.3 s does. (PostgreSQL's autovacuum gets there by itself within
 * minutes; the embedded database has no autovacuum at all.)
 */
export async function analyzeDatabase(db: Database): Promise<void> {
  await db.execute(sql`analyze`);
}

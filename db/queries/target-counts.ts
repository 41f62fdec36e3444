import "server-only";
import { count, inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { frameworkDomains, targets } from "../schema";

/** How many targets each scope has in each framework, among the domains given: one query. */
export async function countTargetsByScope({ domainIds }: { domainIds: string[] }): Promise<Map<string, number>> {
  if (domainIds.length === 0) return new Map();
  const db = await getDb();
  const scopeId = sql<string>`coalesce(${targets.systemId}, ${targets.footprintId}, ${targets.organisationId})`;
  const rows = await db
    .select({ scopeId, frameworkId: frameworkDomains.frameworkId, n: count() })
    .from(targets)
    .innerJoin(frameworkDomains, sql`${frameworkDomains.id} = ${targets.domainId}`)
    .where(inArray(targets.domainId, domainIds))
    .groupBy(scopeId, frameworkDomains.frameworkId);
  return new Map(rows.map((r) => [`${r.frameworkId}|${r.scopeId}`, r.n]));
}

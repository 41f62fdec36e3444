import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "../client";
import { frameworkDomains, type FrameworkDomain } from "../schema";

/** Every domain of every framework, in framework order: what the API's domain filters match. */
export async function listDomains(): Promise<FrameworkDomain[]> {
  const db = await getDb();
  return db.select().from(frameworkDomains).orderBy(asc(frameworkDomains.frameworkId), asc(frameworkDomains.position));
}

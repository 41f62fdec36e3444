import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "../client";
import { workstreams } from "../schema";

/** Each workstream's id, code and name: what the API's workstream filter matches. */
export async function listWorkstreamNames() {
  const db = await getDb();
  return db.select({ id: workstreams.id, code: workstreams.code, name: workstreams.name }).from(workstreams).orderBy(asc(workstreams.position), asc(workstreams.name));
}

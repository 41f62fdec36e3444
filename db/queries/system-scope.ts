import "server-only";
import { inArray } from "drizzle-orm";
import { getDb } from "../client";
import { organisations } from "../schema";
import { listSystems } from "./places";
import { chooseSystem, type SystemRequest } from "@/lib/system-scope";

/** Every system and the one a page shows (see lib/system-scope); null only when there is none. */
export async function getSystemScope({ system, organisationIds = [] }: SystemRequest) {
  const db = await getDb();
  const [systems, home] = await Promise.all([
    listSystems(),
    organisationIds.length ? db.selectDistinct({ systemId: organisations.systemId }).from(organisations).where(inArray(organisations.id, [...organisationIds])) : [],
  ]);
  return { systems, system: chooseSystem(systems, system, home.map((h) => h.systemId)) };
}
export type SystemScope = Awaited<ReturnType<typeof getSystemScope>>;

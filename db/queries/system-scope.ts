import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { footprints, organisations } from "../schema";
import { listSystems } from "./places";
import { chooseSystem, systemOfPlace, type SystemRequest } from "@/lib/system-scope";

/**
 * Every system and the one a page shows (see lib/system-scope); null only when there is
 * none. A footprint the URL names (by code) brings its own system unless ?system= says otherwise.
 */
export async function getSystemScope({ system, organisationIds = [], footprint }: SystemRequest & { footprint?: string }) {
  const db = await getDb();
  const [systems, home, [place]] = await Promise.all([
    listSystems(),
    organisationIds.length ? db.selectDistinct({ systemId: organisations.systemId }).from(organisations).where(inArray(organisations.id, [...organisationIds])) : [],
    footprint ? db.select({ systemId: footprints.systemId }).from(footprints).where(eq(footprints.code, footprint)) : [],
  ]);
  const chosen = chooseSystem(systems, system, home.map((h) => h.systemId));
  return { systems, system: systemOfPlace(systems, chosen, system, place?.systemId) };
}
export type SystemScope = Awaited<ReturnType<typeof getSystemScope>>;

import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { footprints, organisationFootprints, organisations, systems } from "../schema";
import type { Footprint, Organisation } from "../schema";

export type OrganisationWithFootprints = Organisation & { footprintIds: string[] };

/** Every footprint, or one system's. */
export async function listFootprints({ systemId }: { systemId?: string } = {}): Promise<Footprint[]> {
  const db = await getDb();
  return db
    .select()
    .from(footprints)
    .where(systemId ? eq(footprints.systemId, systemId) : undefined)
    .orderBy(asc(footprints.name));
}

const footprintIdsColumn = sql<string[]>`coalesce(array_agg(${organisationFootprints.footprintId}::text) filter (where ${organisationFootprints.footprintId} is not null), '{}')`;

/** Every organisation, or one system's. */
export async function listOrganisations({ systemId }: { systemId?: string } = {}): Promise<OrganisationWithFootprints[]> {
  const db = await getDb();
  const rows = await db
    .select({ organisation: organisations, footprintIds: footprintIdsColumn })
    .from(organisations)
    .leftJoin(organisationFootprints, eq(organisationFootprints.organisationId, organisations.id))
    .where(systemId ? eq(organisations.systemId, systemId) : undefined)
    .groupBy(organisations.id)
    .orderBy(asc(organisations.name));
  return rows.map((r) => ({ ...r.organisation, footprintIds: r.footprintIds }));
}

export async function getOrganisationById({ organisationId }: { organisationId: string }): Promise<OrganisationWithFootprints | null> {
  const db = await getDb();
  const [row] = await db
    .select({ organisation: organisations, footprintIds: footprintIdsColumn })
    .from(organisations)
    .leftJoin(organisationFootprints, eq(organisationFootprints.organisationId, organisations.id))
    .where(eq(organisations.id, organisationId))
    .groupBy(organisations.id);
  return row ? { ...row.organisation, footprintIds: row.footprintIds } : null;
}

export async function listSystems() {
  const db = await getDb();
  return db.select().from(systems).orderBy(asc(systems.name));
}

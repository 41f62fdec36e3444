import "server-only";
import { and, asc, count, eq, exists, inArray, or, sql } from "drizzle-orm";
import type { OrganisationType } from "@/lib/organisation-types";
import { isUuid } from "@/lib/ids";
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
    .orderBy(asc(footprints.name), asc(footprints.id));
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
    .orderBy(asc(organisations.name), asc(organisations.id));
  return rows.map((r) => ({ ...r.organisation, footprintIds: r.footprintIds }));
}

/**
 * The organisations an API filter names, by ODS code (any case) or id: none when no code is
 * given. Resolving a filter needs these, not all 1,500 organisations of a national set.
 */
export async function listOrganisationsByCode({ code }: { code?: string }): Promise<OrganisationWithFootprints[]> {
  if (code === undefined) return [];
  const db = await getDb();
  const wanted = code.trim().toLowerCase();
  const rows = await db
    .select({ organisation: organisations, footprintIds: footprintIdsColumn })
    .from(organisations)
    .leftJoin(organisationFootprints, eq(organisationFootprints.organisationId, organisations.id))
    .where(isUuid(wanted) ? or(eq(organisations.id, wanted), sql`lower(${organisations.odsCode}) = ${wanted}`) : sql`lower(${organisations.odsCode}) = ${wanted}`)
    .groupBy(organisations.id)
    .orderBy(asc(organisations.name), asc(organisations.id));
  return rows.map((r) => ({ ...r.organisation, footprintIds: r.footprintIds }));
}

/** One page of organisations (by name) serving a footprint and of a type, if given, and how many match: paged in SQL. */
export async function pageOrganisations({ footprintId, type, limit, offset }: { footprintId?: string; type?: OrganisationType; limit: number; offset: number }) {
  const db = await getDb();
  const where = and(
    type ? eq(organisations.type, type) : undefined,
    footprintId
      ? exists(db.select().from(organisationFootprints).where(and(eq(organisationFootprints.organisationId, organisations.id), eq(organisationFootprints.footprintId, footprintId))))
      : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({ organisation: organisations, footprintIds: footprintIdsColumn })
      .from(organisations)
      .leftJoin(organisationFootprints, eq(organisationFootprints.organisationId, organisations.id))
      .where(where)
      .groupBy(organisations.id)
      .orderBy(asc(organisations.name), asc(organisations.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(organisations).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r.organisation, footprintIds: r.footprintIds })), total: counted?.n ?? 0 };
}

/** The organisations with these ids (of any system), by name; a narrow read, without footprints. */
export async function listOrganisationsByIds({ ids }: { ids: readonly string[] }): Promise<Organisation[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  return db.select().from(organisations).where(inArray(organisations.id, [...ids])).orderBy(asc(organisations.name), asc(organisations.id));
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

export async function getOrganisationByOdsCode({ odsCode }: { odsCode: string }): Promise<Organisation | null> {
  const db = await getDb();
  const [row] = await db.select().from(organisations).where(eq(organisations.odsCode, odsCode));
  return row ?? null;
}

export async function listSystems() {
  const db = await getDb();
  return db.select().from(systems).orderBy(asc(systems.name), asc(systems.id));
}

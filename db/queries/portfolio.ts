import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import {
  footprints,
  frameworkDomains,
  organisationFootprints,
  organisations,
  programmes,
  projectCapabilities,
  projectFootprints,
  projectOwners,
  projects,
  universalCapabilities,
} from "../schema";

/**
 * Every project with its domain, owners, footprints and capabilities, for the capability
 * plan: five queries whatever the number of projects (filtering is lib/portfolio's).
 */
export async function listPlanProjects() {
  const db = await getDb();
  const [rows, owners, places, links, served] = await Promise.all([
    db
      .select({
        id: projects.id,
        code: projects.code,
        title: projects.title,
        domainId: projects.domainId,
        domainCode: frameworkDomains.code,
        domainName: frameworkDomains.name,
        domainPosition: frameworkDomains.position,
        stpPriority: projects.stpPriority,
        fromYear: projects.fromYear,
        toYear: projects.toYear,
        status: projects.status,
        rag: projects.rag,
        ownerNote: projects.ownerNote,
        programmeName: programmes.name,
      })
      .from(projects)
      .innerJoin(frameworkDomains, eq(frameworkDomains.id, projects.domainId))
      .leftJoin(programmes, eq(programmes.id, projects.programmeId))
      .orderBy(asc(projects.fromYear), asc(projects.code)),
    db
      .select({ projectId: projectOwners.projectId, id: organisations.id, name: organisations.name, odsCode: organisations.odsCode })
      .from(projectOwners)
      .innerJoin(organisations, eq(organisations.id, projectOwners.organisationId))
      .orderBy(asc(organisations.name)),
    db.select().from(projectFootprints),
    db
      .select({ projectId: projectCapabilities.projectId, uc: universalCapabilities.number, role: projectCapabilities.role })
      .from(projectCapabilities)
      .innerJoin(universalCapabilities, eq(universalCapabilities.id, projectCapabilities.capabilityId))
      .orderBy(asc(universalCapabilities.number)),
    db.select().from(organisationFootprints),
  ]);
  const footprintsOf = new Map<string, string[]>();
  for (const s of served) footprintsOf.set(s.organisationId, [...(footprintsOf.get(s.organisationId) ?? []), s.footprintId]);
  return {
    footprintsOf,
    projects: rows.map((p) => {
      const mine = owners.filter((o) => o.projectId === p.id);
      return {
        ...p,
        owners: mine.map(({ id, name, odsCode }) => ({ id, name, odsCode })),
        ownerIds: mine.map((o) => o.id),
        footprintIds: places.filter((f) => f.projectId === p.id).map((f) => f.footprintId),
        capabilities: links.filter((l) => l.projectId === p.id).map(({ uc, role }) => ({ uc, role })),
      };
    }),
  };
}
export type PlanProject = Awaited<ReturnType<typeof listPlanProjects>>["projects"][number];

/** The choices the capability plan's filters offer. */
export async function listPlanFilterOptions() {
  const db = await getDb();
  const [places, owners, priorities] = await Promise.all([
    db.select({ id: footprints.id, code: footprints.code, name: footprints.name }).from(footprints).orderBy(asc(footprints.name)),
    db
      .selectDistinct({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, db.select({ id: projectOwners.organisationId }).from(projectOwners)))
      .orderBy(asc(organisations.name)),
    db.selectDistinct({ stpPriority: projects.stpPriority }).from(projects).orderBy(asc(projects.stpPriority)),
  ]);
  return { footprints: places, organisations: owners, priorities: priorities.map((p) => p.stpPriority).filter((p) => p !== "") };
}

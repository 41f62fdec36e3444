import "server-only";
import { and, asc, count, eq, exists, inArray, isNull, lte, type SQL } from "drizzle-orm";
import type { ProjectStatus } from "@/lib/portfolio";
import { groupBy } from "@/lib/group-by";
import type { Rag } from "@/lib/rag";
import { getDb, type Database } from "../client";
import {
  benefitCategories,
  footprints,
  frameworkDomains,
  frameworks,
  organisationFootprints,
  organisations,
  programmes,
  programmeTranches,
  projectBenefits,
  projectCapabilities,
  projectMilestones,
  projectFootprints,
  projectOwnerInvitations,
  projectOwners,
  projects,
  trancheCapabilities,
  universalCapabilities,
  users,
} from "../schema";

const planRowColumns = {
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
  ragReason: projects.ragReason,
  ownerNote: projects.ownerNote,
  programmeName: programmes.name,
};

type ProjectIdColumn = typeof projectOwners.projectId | typeof projectFootprints.projectId | typeof projectCapabilities.projectId;

/** The owners, footprints and capabilities of the projects `which` picks by project id: three queries. */
async function readProjectDetails(db: Database, which: (column: ProjectIdColumn) => SQL | undefined) {
  return Promise.all([
    db
      .select({ projectId: projectOwners.projectId, id: organisations.id, name: organisations.name, odsCode: organisations.odsCode })
      .from(projectOwners)
      .innerJoin(organisations, eq(organisations.id, projectOwners.organisationId))
      .where(which(projectOwners.projectId))
      .orderBy(asc(organisations.name)),
    db.select().from(projectFootprints).where(which(projectFootprints.projectId)),
    db
      .select({ projectId: projectCapabilities.projectId, uc: universalCapabilities.number, role: projectCapabilities.role })
      .from(projectCapabilities)
      .innerJoin(universalCapabilities, eq(universalCapabilities.id, projectCapabilities.capabilityId))
      .where(which(projectCapabilities.projectId))
      .orderBy(asc(universalCapabilities.number)),
  ]);
}

/** Each project row with its owners, footprints and capabilities, grouped once (not filtered per project: 5,000 × 7,000 comparisons). */
function withDetails<R extends { id: string }>(rows: R[], [owners, places, links]: Awaited<ReturnType<typeof readProjectDetails>>) {
  const ownersOf = groupBy(owners, (o) => o.projectId, ({ id, name, odsCode }) => ({ id, name, odsCode }));
  const placesOf = groupBy(places, (f) => f.projectId, (f) => f.footprintId);
  const capabilitiesOf = groupBy(links, (l) => l.projectId, ({ uc, role }) => ({ uc, role }));
  return rows.map((p) => {
    const mine = ownersOf.get(p.id) ?? [];
    return { ...p, owners: mine, ownerIds: mine.map((o) => o.id), footprintIds: placesOf.get(p.id) ?? [], capabilities: capabilitiesOf.get(p.id) ?? [] };
  });
}

/**
 * Every project (or one system's) with its domain, owners, footprints and capabilities,
 * for the capability plan: five queries whatever the number of projects (filtering is
 * lib/portfolio's).
 */
export async function listPlanProjects({ systemId }: { systemId?: string } = {}) {
  const db = await getDb();
  const inSystem = (column: ProjectIdColumn) => (systemId ? inArray(column, db.select({ id: projects.id }).from(projects).where(eq(projects.systemId, systemId))) : undefined);
  const [rows, details, served] = await Promise.all([
    db
      .select(planRowColumns)
      .from(projects)
      .innerJoin(frameworkDomains, eq(frameworkDomains.id, projects.domainId))
      .leftJoin(programmes, eq(programmes.id, projects.programmeId))
      .where(systemId ? eq(projects.systemId, systemId) : undefined)
      .orderBy(asc(projects.fromYear), asc(projects.code)),
    readProjectDetails(db, inSystem),
    systemId
      ? db
          .select({ organisationId: organisationFootprints.organisationId, footprintId: organisationFootprints.footprintId })
          .from(organisationFootprints)
          .innerJoin(organisations, eq(organisations.id, organisationFootprints.organisationId))
          .where(eq(organisations.systemId, systemId))
      : db.select().from(organisationFootprints),
  ]);
  return { footprintsOf: groupBy(served, (s) => s.organisationId, (s) => s.footprintId), projects: withDetails(rows, details) };
}
export type PlanProject = Awaited<ReturnType<typeof listPlanProjects>>["projects"][number];

/**
 * One page of projects as listPlanProjects gives them (its order, tie-broken by id),
 * filtered and paged in SQL by the filters that are plain columns: an owner, a priority,
 * statuses, RAG and domains; and how many match. Owners, places and capabilities are read
 * for the page's projects only, with their owners' footprints (for where each applies).
 */
export async function pagePlanProjects(filter: {
  organisationId?: string;
  stpPriority?: string;
  status?: ProjectStatus;
  rag?: Rag;
  domainIds?: readonly string[];
  limit: number;
  offset: number;
}) {
  const db = await getDb();
  const where = and(
    filter.organisationId
      ? exists(db.select().from(projectOwners).where(and(eq(projectOwners.projectId, projects.id), eq(projectOwners.organisationId, filter.organisationId))))
      : undefined,
    filter.stpPriority ? eq(projects.stpPriority, filter.stpPriority) : undefined,
    filter.status ? eq(projects.status, filter.status) : undefined,
    filter.rag ? eq(projects.rag, filter.rag) : undefined,
    filter.domainIds ? inArray(projects.domainId, [...filter.domainIds]) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select(planRowColumns)
      .from(projects)
      .innerJoin(frameworkDomains, eq(frameworkDomains.id, projects.domainId))
      .leftJoin(programmes, eq(programmes.id, projects.programmeId))
      .where(where)
      .orderBy(asc(projects.fromYear), asc(projects.code), asc(projects.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(projects).where(where),
  ]);
  const total = counted?.n ?? 0;
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { projects: [], footprintsOf: new Map<string, string[]>(), total };
  const details = await readProjectDetails(db, (column) => inArray(column, ids));
  const ownerIds = [...new Set(details[0].map((o) => o.id))];
  const served = ownerIds.length ? await db.select().from(organisationFootprints).where(inArray(organisationFootprints.organisationId, ownerIds)) : [];
  return { total, footprintsOf: groupBy(served, (s) => s.organisationId, (s) => s.footprintId), projects: withDetails(rows, details) };
}

/** The choices the capability plan's filters offer (within one system, if given). */
export async function listPlanFilterOptions({ systemId }: { systemId?: string } = {}) {
  const db = await getDb();
  const [places, owners, priorities] = await Promise.all([
    db
      .select({ id: footprints.id, code: footprints.code, name: footprints.name, systemId: footprints.systemId })
      .from(footprints)
      .where(systemId ? eq(footprints.systemId, systemId) : undefined)
      .orderBy(asc(footprints.name)),
    db
      .selectDistinct({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(inArray(organisations.id, db.select({ id: projectOwners.organisationId }).from(projectOwners)), systemId ? eq(organisations.systemId, systemId) : undefined))
      .orderBy(asc(organisations.name)),
    db
      .selectDistinct({ stpPriority: projects.stpPriority })
      .from(projects)
      .where(systemId ? eq(projects.systemId, systemId) : undefined)
      .orderBy(asc(projects.stpPriority)),
  ]);
  return { footprints: places, organisations: owners, priorities: priorities.map((p) => p.stpPriority).filter((p) => p !== "") };
}

/** One project with everything its page shows; null if there is none. */
export async function getProjectById({ projectId }: { projectId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ project: projects, domainName: frameworkDomains.name, programmeName: programmes.name })
    .from(projects)
    .innerJoin(frameworkDomains, eq(frameworkDomains.id, projects.domainId))
    .leftJoin(programmes, eq(programmes.id, projects.programmeId))
    .where(eq(projects.id, projectId));
  if (!row) return null;
  const [owners, invitations, places, links, milestones, benefits] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(projectOwners)
      .innerJoin(organisations, eq(organisations.id, projectOwners.organisationId))
      .where(eq(projectOwners.projectId, projectId))
      .orderBy(asc(organisations.name)),
    pendingInvitations(db, eq(projectOwnerInvitations.projectId, projectId)),
    db
      .select({ id: footprints.id, name: footprints.name })
      .from(projectFootprints)
      .innerJoin(footprints, eq(footprints.id, projectFootprints.footprintId))
      .where(eq(projectFootprints.projectId, projectId))
      .orderBy(asc(footprints.name)),
    db
      .select({ uc: universalCapabilities.number, title: universalCapabilities.title, role: projectCapabilities.role })
      .from(projectCapabilities)
      .innerJoin(universalCapabilities, eq(universalCapabilities.id, projectCapabilities.capabilityId))
      .where(eq(projectCapabilities.projectId, projectId))
      .orderBy(asc(universalCapabilities.number)),
    db.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId)).orderBy(asc(projectMilestones.dueOn), asc(projectMilestones.position)),
    db
      .select({ id: projectBenefits.id, description: projectBenefits.description, category: benefitCategories.name })
      .from(projectBenefits)
      .innerJoin(benefitCategories, eq(benefitCategories.id, projectBenefits.categoryId))
      .where(eq(projectBenefits.projectId, projectId))
      .orderBy(asc(benefitCategories.name)),
  ]);
  return { ...row.project, domainName: row.domainName, programmeName: row.programmeName, owners, invitations, footprints: places, capabilities: links, milestones, benefits };
}
export type ProjectDetail = NonNullable<Awaited<ReturnType<typeof getProjectById>>>;

/** Pending invitations to co-own projects, `which` picks: who is invited, to what, by whom. Not owners until accepted. */
function pendingInvitations(db: Database, which: SQL) {
  return db
    .select({
      id: projectOwnerInvitations.id,
      projectId: projects.id,
      projectTitle: projects.title,
      organisationId: organisations.id,
      name: organisations.name,
      invitedBy: users.name,
      invitedAt: projectOwnerInvitations.invitedAt,
    })
    .from(projectOwnerInvitations)
    .innerJoin(projects, eq(projects.id, projectOwnerInvitations.projectId))
    .innerJoin(organisations, eq(organisations.id, projectOwnerInvitations.organisationId))
    .leftJoin(users, eq(users.id, projectOwnerInvitations.invitedById))
    .where(and(eq(projectOwnerInvitations.status, "pending"), which))
    .orderBy(asc(projectOwnerInvitations.invitedAt), asc(organisations.name));
}
export type PendingInvitation = Awaited<ReturnType<typeof pendingInvitations>>[number];

/** Invitations waiting for these organisations' answer (a CIO's co-ownership requests). */
export async function listPendingInvitationsForOrganisations({ organisationIds }: { organisationIds: readonly string[] }): Promise<PendingInvitation[]> {
  if (organisationIds.length === 0) return [];
  const db = await getDb();
  return pendingInvitations(db, inArray(projectOwnerInvitations.organisationId, [...organisationIds]));
}

/** The choices the project form offers: owners from one system (a project's own), if given. */
export async function listProjectFormOptions({ systemId }: { systemId?: string } = {}) {
  const db = await getDb();
  const [domains, owners, places, programmeRows, ucs, categories] = await Promise.all([
    db
      .select({ id: frameworkDomains.id, name: frameworkDomains.name, frameworkName: frameworks.name })
      .from(frameworkDomains)
      .innerJoin(frameworks, eq(frameworks.id, frameworkDomains.frameworkId))
      .orderBy(asc(frameworks.name), asc(frameworkDomains.position)),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(systemId ? eq(organisations.systemId, systemId) : undefined)
      .orderBy(asc(organisations.name)),
    db.select({ id: footprints.id, name: footprints.name }).from(footprints).orderBy(asc(footprints.name)),
    db.select({ id: programmes.id, name: programmes.name }).from(programmes).orderBy(asc(programmes.name)),
    db.select().from(universalCapabilities).orderBy(asc(universalCapabilities.number)),
    db.select({ id: benefitCategories.id, name: benefitCategories.name }).from(benefitCategories).orderBy(asc(benefitCategories.name)),
  ]);
  return { domains, organisations: owners, footprints: places, programmes: programmeRows, capabilities: ucs, benefitCategories: categories };
}
export type ProjectFormOptions = Awaited<ReturnType<typeof listProjectFormOptions>>;

/** The universal capabilities, and every programme tranche (of one system's programmes, if given) with the capabilities it enables or supports. */
export async function listCapabilitiesWithTranches({ systemId }: { systemId?: string } = {}) {
  const db = await getDb();
  const [ucs, tranches, links] = await Promise.all([
    db.select().from(universalCapabilities).orderBy(asc(universalCapabilities.number)),
    db
      .select({ id: programmeTranches.id, label: programmeTranches.label, name: programmeTranches.name, programmeId: programmes.id, programmeName: programmes.name })
      .from(programmeTranches)
      .innerJoin(programmes, eq(programmes.id, programmeTranches.programmeId))
      .where(systemId ? eq(programmes.systemId, systemId) : undefined)
      .orderBy(asc(programmes.name), asc(programmeTranches.position)),
    db
      .select({ trancheId: trancheCapabilities.trancheId, uc: universalCapabilities.number, role: trancheCapabilities.role })
      .from(trancheCapabilities)
      .innerJoin(universalCapabilities, eq(universalCapabilities.id, trancheCapabilities.capabilityId)),
  ]);
  return { capabilities: ucs, tranches: tranches.map((t) => ({ ...t, capabilities: links.filter((l) => l.trancheId === t.id) })) };
}

/** Milestones not yet done and due by a date (overdue ones included), soonest first. */
export async function listMilestonesDue({ by, systemId }: { by: string; systemId?: string }) {
  const db = await getDb();
  return db
    .select({ id: projectMilestones.id, title: projectMilestones.title, dueOn: projectMilestones.dueOn, projectId: projects.id, projectTitle: projects.title })
    .from(projectMilestones)
    .innerJoin(projects, eq(projects.id, projectMilestones.projectId))
    .where(and(isNull(projectMilestones.doneOn), lte(projectMilestones.dueOn, by), systemId ? eq(projects.systemId, systemId) : undefined))
    .orderBy(asc(projectMilestones.dueOn), asc(projects.title));
}

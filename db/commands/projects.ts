import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Database } from "../client";
import {
  footprints,
  frameworkDomains,
  organisations,
  programmes,
  projectCapabilities,
  projectFootprints,
  projectOwnerInvitations,
  projectOwners,
  projects,
  systems,
  universalCapabilities,
  users,
} from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { canEditProject, type Actor } from "@/lib/permissions";
import { outsideSystemMessage, ownerRefusalMessage, planOwners, type OwnerPlan, type OwnerRefusal, type OwnerState } from "@/lib/project-owners";
import type { ProjectInput } from "@/lib/schemas/project";

const REFUSED = "You can add and change projects only where one of your own organisations is an owner.";

/** What the history keeps of a project: every field a person can change. */
export interface ProjectSnapshot {
  title: string;
  description: string;
  domainId: string;
  stpPriority: string;
  programmeId: string | null;
  fromYear: number;
  toYear: number;
  startOn: string | null;
  endOn: string | null;
  status: string;
  rag: string | null;
  ragReason: string | null;
  ownerIds: string[];
  /** Organisations invited to co-own it, not yet accepted (lib/project-owners). */
  invitedIds: string[];
  footprintIds: string[];
  capabilities: { uc: number; role: string }[];
}

/** The project's own columns a person sets, as the form gave them. */
function columnsOf(input: ProjectInput) {
  return {
    title: input.title,
    description: input.description,
    domainId: input.domainId,
    stpPriority: input.stpPriority,
    programmeId: input.programmeId,
    fromYear: input.fromYear,
    toYear: input.toYear,
    startOn: input.startOn,
    endOn: input.endOn,
    status: input.status,
    rag: input.rag,
    ragReason: input.ragReason,
  };
}

/** The project as it will be once `input` is saved, with the owners and invitations `owners` (planOwners) gives. */
export function snapshotOf(input: ProjectInput, owners: OwnerState): ProjectSnapshot {
  return {
    ...columnsOf(input),
    ownerIds: [...owners.ownerIds].sort(),
    invitedIds: [...owners.invitedIds].sort(),
    footprintIds: [...input.footprintIds].sort(),
    capabilities: input.capabilities.map((c) => ({ uc: c.uc, role: c.role })),
  };
}

export async function snapshotFromDb(tx: Database, projectId: string): Promise<ProjectSnapshot & { version: number; updatedById: string | null; systemId: string }> {
  const [p] = await tx.select().from(projects).where(eq(projects.id, projectId)).for("update");
  if (!p) throw notFound("That project");
  const [owners, invited, places, links] = await Promise.all([
    tx.select({ id: projectOwners.organisationId }).from(projectOwners).where(eq(projectOwners.projectId, projectId)),
    tx
      .select({ id: projectOwnerInvitations.organisationId })
      .from(projectOwnerInvitations)
      .where(and(eq(projectOwnerInvitations.projectId, projectId), eq(projectOwnerInvitations.status, "pending"))),
    tx.select({ id: projectFootprints.footprintId }).from(projectFootprints).where(eq(projectFootprints.projectId, projectId)),
    tx
      .select({ uc: universalCapabilities.number, role: projectCapabilities.role })
      .from(projectCapabilities)
      .innerJoin(universalCapabilities, eq(universalCapabilities.id, projectCapabilities.capabilityId))
      .where(eq(projectCapabilities.projectId, projectId))
      .orderBy(asc(universalCapabilities.number)),
  ]);
  return {
    title: p.title,
    description: p.description,
    domainId: p.domainId,
    stpPriority: p.stpPriority,
    programmeId: p.programmeId,
    fromYear: p.fromYear,
    toYear: p.toYear,
    startOn: p.startOn,
    endOn: p.endOn,
    status: p.status,
    rag: p.rag,
    ragReason: p.ragReason,
    ownerIds: owners.map((o) => o.id).sort(),
    invitedIds: invited.map((o) => o.id).sort(),
    footprintIds: places.map((f) => f.id).sort(),
    capabilities: links,
    version: p.version,
    updatedById: p.updatedById,
    systemId: p.systemId,
  };
}

/** An organisation a project names as an owner: its system decides whether it may be one. */
interface NamedOrganisation {
  id: string;
  name: string;
  systemId: string;
}

/** Every id the input names must exist: a crafted request gets a message, not a database error. Returns the UCs' ids and the owners named. */
async function checkReferences(tx: Database, input: ProjectInput): Promise<{ ucIds: Map<number, string>; organisations: Map<string, NamedOrganisation> }> {
  const [domain, owners, places, programme, ucs] = await Promise.all([
    tx.select({ id: frameworkDomains.id }).from(frameworkDomains).where(eq(frameworkDomains.id, input.domainId)),
    tx.select({ id: organisations.id, name: organisations.name, systemId: organisations.systemId }).from(organisations).where(inArray(organisations.id, input.ownerIds)),
    input.footprintIds.length ? tx.select({ id: footprints.id }).from(footprints).where(inArray(footprints.id, input.footprintIds)) : [],
    input.programmeId ? tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, input.programmeId)) : [{ id: null }],
    tx.select({ id: universalCapabilities.id, number: universalCapabilities.number }).from(universalCapabilities),
  ]);
  const fieldErrors: Record<string, string> = {};
  if (domain.length === 0) fieldErrors.domainId = "Choose a maturity domain from the list";
  if (owners.length !== input.ownerIds.length) fieldErrors.ownerIds = "Choose owners from the list";
  if (places.length !== input.footprintIds.length) fieldErrors.footprintIds = "Choose footprints from the list";
  if (programme.length === 0) fieldErrors.programmeId = "Choose a programme from the list";
  const ucIds = new Map(ucs.map((u) => [u.number, u.id]));
  for (const c of input.capabilities) if (!ucIds.has(c.uc)) fieldErrors[`capabilities.${c.uc}`] = "There is no such universal capability";
  if (Object.keys(fieldErrors).length > 0) throw invalid("Nothing was saved: correct the answers marked below.", fieldErrors);
  return { ucIds, organisations: new Map(owners.map((o) => [o.id, o])) };
}

/**
 * A project belongs to one system (its pages, its code, its capability matrix): an
 * organisation joins its owners, at once or by invitation, only from that system.
 */
async function checkOwnersInSystem(tx: Database, plan: OwnerPlan, named: Map<string, NamedOrganisation>, systemId: string) {
  const outside = [...plan.added, ...plan.invited].map((id) => named.get(id)!).filter((o) => o.systemId !== systemId);
  if (outside.length === 0) return;
  const [system] = await tx.select({ name: systems.name }).from(systems).where(eq(systems.id, systemId));
  throw invalid("Nothing was saved: correct the answers marked below.", {
    ownerIds: outsideSystemMessage(
      outside.map((o) => o.name),
      system?.name,
    ),
  });
}

/** The project's owners and pending invitations as they stand. */
export async function ownerStateOf(db: Database, projectId: string): Promise<OwnerState> {
  const [owners, invited] = await Promise.all([
    db.select({ id: projectOwners.organisationId }).from(projectOwners).where(eq(projectOwners.projectId, projectId)),
    db
      .select({ id: projectOwnerInvitations.organisationId })
      .from(projectOwnerInvitations)
      .where(and(eq(projectOwnerInvitations.projectId, projectId), eq(projectOwnerInvitations.status, "pending"))),
  ]);
  return { ownerIds: owners.map((o) => o.id), invitedIds: invited.map((o) => o.id) };
}

/** Names for a refusal's message. */
async function refusalMessage(db: Database, refusal: OwnerRefusal): Promise<string> {
  const ids = refusal.kind === "not-yours-to-remove" ? refusal.organisationIds : [];
  const named = ids.length ? await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids)) : [];
  return ownerRefusalMessage(refusal, (id) => named.find((o) => o.id === id)?.name ?? "another organisation");
}

/**
 * The owners a save leads to (lib/project-owners' planOwners), or a refusal: recorded in
 * the history when `record` (outside any transaction), else only thrown (a transaction
 * that finds the owners changed under it since they were checked).
 */
export async function planOwnersOrRefuse(db: Database, actor: Actor, entityId: string, current: OwnerState, requested: readonly string[], record: boolean): Promise<OwnerPlan> {
  const planned = planOwners(actor, current, requested);
  if (planned.ok) return planned.plan;
  const message = await refusalMessage(db, planned.refusal);
  if (record) {
    const organisationId = planned.refusal.kind === "not-yours-to-remove" ? planned.refusal.organisationIds[0]! : (current.ownerIds[0] ?? null);
    await recordDenied(db, actor, { action: "project.edit", entityType: "project", entityId, organisationId });
  }
  throw forbidden(message);
}

async function writeLinks(tx: Database, actor: Actor, projectId: string, input: ProjectInput, ucIds: Map<number, string>, plan: OwnerPlan) {
  if (plan.removed.length) await tx.delete(projectOwners).where(and(eq(projectOwners.projectId, projectId), inArray(projectOwners.organisationId, plan.removed)));
  if (plan.added.length) await tx.insert(projectOwners).values(plan.added.map((organisationId) => ({ projectId, organisationId })));
  if (plan.withdrawn.length) {
    await tx
      .update(projectOwnerInvitations)
      .set({ status: "withdrawn", decidedById: actor.id, decidedAt: new Date() })
      .where(and(eq(projectOwnerInvitations.projectId, projectId), eq(projectOwnerInvitations.status, "pending"), inArray(projectOwnerInvitations.organisationId, plan.withdrawn)));
  }
  if (plan.invited.length) await tx.insert(projectOwnerInvitations).values(plan.invited.map((organisationId) => ({ projectId, organisationId, invitedById: actor.id })));
  await tx.delete(projectFootprints).where(eq(projectFootprints.projectId, projectId));
  await tx.delete(projectCapabilities).where(eq(projectCapabilities.projectId, projectId));
  if (input.footprintIds.length) await tx.insert(projectFootprints).values(input.footprintIds.map((footprintId) => ({ projectId, footprintId })));
  if (input.capabilities.length) {
    await tx.insert(projectCapabilities).values(input.capabilities.map((c) => ({ projectId, capabilityId: ucIds.get(c.uc)!, role: c.role })));
  }
}

/** The system a new project belongs to: its first owner's (the pages show one system at a time). */
async function systemOf(tx: Database, ownerIds: string[], named: Map<string, NamedOrganisation>): Promise<string> {
  const first = ownerIds.map((id) => named.get(id)).find(Boolean);
  if (first) return first.systemId;
  const [any] = await tx.select({ id: systems.id }).from(systems).orderBy(asc(systems.name)).limit(1);
  if (!any) throw invalid("There is no system to add the project to.");
  return any.id;
}

async function refuse(actor: Actor, entityId: string, organisationId: string | null): Promise<never> {
  const db = await getDb();
  // A crafted add may name an organisation that does not exist: record the refusal without it
  // (audit_log.organisation_id is a foreign key) rather than fail with a database error.
  const [known] = organisationId ? await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)) : [];
  await recordDenied(db, actor, { action: "project.edit", entityType: "project", entityId, organisationId: known?.id ?? null });
  throw forbidden(REFUSED);
}

/** Refuses, and records the refusal, unless the actor may change the project now. */
export async function authoriseProjectChange({ actor, projectId }: { actor: Actor; projectId: string }) {
  const db = await getDb();
  const [existing] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId));
  if (!existing) throw notFound("That project");
  const owners = (await db.select({ id: projectOwners.organisationId }).from(projectOwners).where(eq(projectOwners.projectId, projectId))).map((o) => o.id);
  if (!canEditProject(actor, owners)) await refuse(actor, projectId, owners[0] ?? null);
}

/** Adds a project inside the caller's transaction, with its links, its invitations and history. */
export async function insertProject(tx: Database, actor: Actor, input: ProjectInput, code?: string) {
  const { ucIds, organisations: named } = await checkReferences(tx, input);
  const plan = await planOwnersOrRefuse(tx, actor, "new", { ownerIds: [], invitedIds: [] }, input.ownerIds, false);
  const systemId = await systemOf(
    tx,
    input.ownerIds.filter((id) => plan.ownerIds.includes(id)),
    named,
  );
  await checkOwnersInSystem(tx, plan, named, systemId);
  const [created] = await tx
    .insert(projects)
    .values({
      systemId,
      code: code ?? `P-${randomUUID().slice(0, 8).toUpperCase()}`,
      ...columnsOf(input),
      updatedById: actor.id,
    })
    .returning();
  await writeLinks(tx, actor, created!.id, input, ucIds, plan);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "project.created",
    entityType: "project",
    entityId: created!.id,
    organisationId: plan.ownerIds.includes(input.ownerIds[0]!) ? input.ownerIds[0]! : (plan.ownerIds[0] ?? null),
    before: null,
    after: { ...snapshotOf(input, plan), code: created!.code },
  });
  return created!;
}

/**
 * Writes a change to a project inside the caller's transaction, its row locked by
 * snapshotFromDb (`before`); nothing when nothing differs. Records the history.
 */
export async function writeProjectChange(tx: Database, actor: Actor, projectId: string, input: ProjectInput, before: ProjectSnapshot, systemId: string) {
  const { ucIds, organisations: named } = await checkReferences(tx, input);
  const plan = await planOwnersOrRefuse(tx, actor, projectId, before, input.ownerIds, false);
  await checkOwnersInSystem(tx, plan, named, systemId);
  const after = snapshotOf(input, plan);
  if (JSON.stringify(before) === JSON.stringify(after)) {
    const [same] = await tx.select().from(projects).where(eq(projects.id, projectId));
    return same!;
  }
  const [updated] = await tx
    .update(projects)
    .set({
      ...columnsOf(input),
      version: sql`${projects.version} + 1`,
      updatedById: actor.id,
      updatedAt: new Date(),
    })
    .where(eq(projects.id, projectId))
    .returning();
  await writeLinks(tx, actor, projectId, input, ucIds, plan);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "project.updated",
    entityType: "project",
    entityId: projectId,
    organisationId: after.ownerIds[0] ?? before.ownerIds[0] ?? null,
    before,
    after,
  });
  return updated!;
}

/** The project's fields a person sets, without the row's bookkeeping. */
export function ownFields(snapshot: Awaited<ReturnType<typeof snapshotFromDb>>): ProjectSnapshot {
  const { version: _v, updatedById: _u, systemId: _s, ...fields } = snapshot;
  return fields;
}

/** Adds a project (no projectId) or changes one, refusing a change based on an out-of-date version. */
export async function saveProject({ actor, input }: { actor: Actor; input: ProjectInput }) {
  const db = await getDb();
  if (!input.projectId) {
    if (!canEditProject(actor, input.ownerIds)) await refuse(actor, "new", input.ownerIds[0] ?? null);
    return db.transaction((tx) => insertProject(tx, actor, input));
  }

  const projectId = input.projectId;
  await authoriseProjectChange({ actor, projectId });
  await planOwnersOrRefuse(db, actor, projectId, await ownerStateOf(db, projectId), input.ownerIds, true);
  return db.transaction(async (tx) => {
    const before = await snapshotFromDb(tx, projectId);
    if (!canEditProject(actor, before.ownerIds)) throw forbidden(REFUSED);
    if (input.version == null || input.version !== before.version) {
      const [by] = before.updatedById ? await tx.select({ name: users.name }).from(users).where(eq(users.id, before.updatedById)) : [];
      throw conflict(`${by?.name ?? "Someone"} changed this project after you opened it. Reload to see their changes, then make yours again.`);
    }
    return writeProjectChange(tx, actor, projectId, input, ownFields(before), before.systemId);
  });
}

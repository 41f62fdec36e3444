import "server-only";
import { eq, max } from "drizzle-orm";
import { getDb } from "../client";
import { benefitCategories, projectBenefits, projectMilestones, projects } from "../schema";
import { recordAudit } from "./audit";
import { authoriseProjectChange } from "./projects";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { BenefitInput, MilestoneDoneInput, MilestoneInput } from "@/lib/schemas/project";

// A project's milestones and expected benefits: added by those who may change the project,
// each change recorded on the project's history.


export async function addMilestone({ actor, input }: { actor: Actor; input: MilestoneInput }) {
  await authoriseProjectChange({ actor, projectId: input.projectId });
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Positions are per project: lock the project so two additions cannot take the same one.
    await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, input.projectId)).for("update");
    const [last] = await tx.select({ n: max(projectMilestones.position) }).from(projectMilestones).where(eq(projectMilestones.projectId, input.projectId));
    const [row] = await tx
      .insert(projectMilestones)
      .values({ projectId: input.projectId, position: (last?.n ?? 0) + 1, title: input.title, dueOn: input.dueOn })
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "project.milestone.added",
      entityType: "project",
      entityId: input.projectId,
      before: null,
      after: { milestoneId: row!.id, title: row!.title, dueOn: row!.dueOn },
    });
    return row!;
  });
}

export async function markMilestoneDone({ actor, input }: { actor: Actor; input: MilestoneDoneInput }) {
  const db = await getDb();
  const [milestone] = await db.select().from(projectMilestones).where(eq(projectMilestones.id, input.milestoneId));
  if (!milestone) throw notFound("That milestone");
  await authoriseProjectChange({ actor, projectId: milestone.projectId });
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(projectMilestones).where(eq(projectMilestones.id, milestone.id)).for("update");
    if (current!.doneOn) throw conflict(`This milestone was already marked met on ${current!.doneOn}.`);
    const [row] = await tx
      .update(projectMilestones)
      .set({ doneOn: input.doneOn })
      .where(eq(projectMilestones.id, milestone.id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "project.milestone.done",
      entityType: "project",
      entityId: milestone.projectId,
      before: { milestoneId: milestone.id, title: milestone.title, doneOn: null },
      after: { milestoneId: milestone.id, title: milestone.title, doneOn: input.doneOn },
    });
    return row!;
  });
}

export async function addBenefit({ actor, input }: { actor: Actor; input: BenefitInput }) {
  await authoriseProjectChange({ actor, projectId: input.projectId });
  const db = await getDb();
  const [category] = await db.select().from(benefitCategories).where(eq(benefitCategories.id, input.categoryId));
  if (!category) throw invalid("Nothing was saved: choose the kind of benefit from the list.", { categoryId: "Choose the kind of benefit from the list" });
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(projectBenefits).values({ projectId: input.projectId, categoryId: category.id, description: input.description }).returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "project.benefit.added",
      entityType: "project",
      entityId: input.projectId,
      before: null,
      after: { benefitId: row!.id, category: category.name, description: row!.description },
    });
    return row!;
  });
}

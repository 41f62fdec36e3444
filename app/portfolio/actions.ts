"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addBenefit, addMilestone, markMilestoneDone } from "@/db/commands/project-plans";
import { decideInvitation } from "@/db/commands/project-owners";
import { saveProject } from "@/db/commands/projects";
import { userAction } from "@/lib/auth/action";
import { benefitInputSchema, invitationDecisionSchema, milestoneDoneSchema, milestoneInputSchema, projectFormToInput, projectInputSchema } from "@/lib/schemas/project";

export const saveProjectAction = userAction(z.preprocess((v) => projectFormToInput(v as Record<string, unknown>), projectInputSchema), async (input, user) => {
  const saved = await saveProject({ actor: user, input });
  // The plan, the capability matrix and the project's own page all show it.
  revalidatePath("/portfolio", "layout");
  if (!input.projectId) redirect(`/portfolio/projects/${saved.id}?done=created`);
  return { ok: true, message: `“${saved.title}” saved.` };
});

/** A CIO of the invited organisation (or an administrator) answers an invitation to co-own a project: to the project's page, which says what happened. */
export const decideInvitationAction = userAction(invitationDecisionSchema, async (input, user) => {
  const decided = await decideInvitation({ actor: user, invitationId: input.invitationId, decision: input.decision });
  revalidatePath("/portfolio", "layout");
  redirect(`/portfolio/projects/${decided.id}?done=${decided.status}`);
});

export const addMilestoneAction = userAction(milestoneInputSchema, async (input, user) => {
  const added = await addMilestone({ actor: user, input });
  revalidatePath("/portfolio", "layout");
  return { ok: true, message: `Milestone “${added.title}” added.` };
});

export const markMilestoneDoneAction = userAction(milestoneDoneSchema, async (input, user) => {
  const done = await markMilestoneDone({ actor: user, input });
  revalidatePath("/portfolio", "layout");
  return { ok: true, message: `“${done.title}” marked met.` };
});

export const addBenefitAction = userAction(benefitInputSchema, async (input, user) => {
  await addBenefit({ actor: user, input });
  revalidatePath("/portfolio", "layout");
  return { ok: true, message: "Expected benefit added." };
});

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { closeCondition, decideReview, requestReview } from "@/db/commands/tollgate-reviews";
import { assignLead, setNextReviewDate, updateDeliverable, updateWorkstreamItem } from "@/db/commands/workstreams";
import { userAction } from "@/lib/auth/action";
import {
  closeConditionSchema,
  decisionFormToInput,
  decisionSchema,
  deliverableUpdateSchema,
  itemUpdateSchema,
  leadSchema,
  requestReviewSchema,
  reviewDateSchema,
} from "@/lib/schemas/workstream";
import { deliverableStatusLabels, itemStatusLabels } from "@/lib/workstream";

// Every workstream change shows on the overview, the workstream's page and the board view.
function refresh(workstreamId: string) {
  revalidatePath("/workstreams");
  revalidatePath(`/workstreams/${workstreamId}`);
  revalidatePath("/workstreams/board");
}

export const updateItemAction = userAction(itemUpdateSchema, async (input, user) => {
  const saved = await updateWorkstreamItem({ actor: user, input });
  refresh(saved.workstreamId);
  return { ok: true, message: `Saved: ${itemStatusLabels[saved.status].toLowerCase()}.` };
});

export const updateDeliverableAction = userAction(deliverableUpdateSchema, async (input, user) => {
  const saved = await updateDeliverable({ actor: user, input });
  refresh(saved.workstreamId);
  return { ok: true, message: `“${saved.name}” saved: ${deliverableStatusLabels[saved.status].toLowerCase()}.` };
});

export const setReviewDateAction = userAction(reviewDateSchema, async (input, user) => {
  const saved = await setNextReviewDate({ actor: user, input });
  refresh(saved.id);
  return { ok: true, message: saved.nextReviewOn ? `Tollgate review planned for ${saved.nextReviewOn}.` : "Review date cleared." };
});

export const assignLeadAction = userAction(leadSchema, async (input, user) => {
  const saved = await assignLead({ actor: user, input });
  refresh(saved.id);
  return { ok: true, message: saved.leadUserId ? "Lead saved." : "The workstream now has no lead." };
});

export const requestReviewAction = userAction(requestReviewSchema, async (input, user) => {
  const review = await requestReview({ actor: user, input });
  refresh(review.workstreamId);
  // The request form gives way to the pending review: the page itself confirms.
  redirect(`/workstreams/${review.workstreamId}?done=review-requested#current-phase`);
});

export const decideReviewAction = userAction(z.preprocess((v) => decisionFormToInput(v as Record<string, unknown>), decisionSchema), async (input, user) => {
  const { review } = await decideReview({ actor: user, input });
  refresh(review.workstreamId);
  // The decision form goes once the review is decided: the page itself confirms.
  redirect(`/workstreams/${review.workstreamId}?done=decided`);
});

export const closeConditionAction = userAction(closeConditionSchema, async (input, user) => {
  const closed = await closeCondition({ actor: user, input });
  refresh(closed.workstreamId);
  // The condition's row, and its form, leave the open list: the page itself confirms.
  redirect(`/workstreams/${closed.workstreamId}?done=condition-closed`);
});

"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { changeAssessmentStatus, createAssessment, saveAssessmentScores } from "@/db/commands/assessments";
import { userAction } from "@/lib/auth/action";
import { careSettings } from "@/lib/care-settings";
import { assessmentFormSchema, scoreFieldsFromForm } from "@/lib/schemas/assessment";

export const saveAssessmentAction = userAction(assessmentFormSchema, async (input, user, formData) => {
  const submit = input.intent === "submit";
  const { changed } = await saveAssessmentScores({
    actor: user,
    assessmentId: input.assessmentId,
    version: input.version,
    scores: scoreFieldsFromForm(formData),
    submit,
  });
  redirect(`/assessments/${input.assessmentId}?${submit ? "submitted=1" : `saved=${changed}`}`);
});

const startSchema = z.object({
  organisationId: z.uuid({ error: "Choose an organisation" }),
  periodId: z.uuid({ error: "Choose an assessment period" }),
  careSetting: z.enum(careSettings, { error: "Choose a care setting" }).optional(),
});

export const startAssessmentAction = userAction(startSchema, async (input, user) => {
  const created = await createAssessment({ actor: user, organisationId: input.organisationId, periodId: input.periodId, careSetting: input.careSetting });
  redirect(`/assessments/${created.id}`);
});

const decisionSchema = z.object({
  assessmentId: z.uuid(),
  version: z.coerce.number().int().positive(),
  transition: z.enum(["approve", "return", "reopen"], { error: "Choose a decision" }),
  reason: z.string().max(2000, { error: "Keep the reason under 2,000 characters" }).optional(),
});

export const decideAssessmentAction = userAction(decisionSchema, async (input, user) => {
  await changeAssessmentStatus({ actor: user, ...input });
  redirect(`/assessments/${input.assessmentId}?decided=${input.transition}`);
});

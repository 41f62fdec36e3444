import { saveAssessmentScores } from "@/db/commands/assessments";
import { recordDenied } from "@/db/commands/audit";
import { getDb } from "@/db/client";
import { listAssessmentsWithContext } from "@/db/queries/api-assessments";
import { saveAssessmentScoresEndpoint } from "@/lib/api/endpoints/assessments";
import { route } from "@/lib/api/handle";
import { notFound } from "@/lib/errors";
import { canSeeAssessment } from "@/lib/permissions";

export const dynamic = "force-dynamic";

// The same command as the form: same validation, same permission check, same history.
export const PUT = route(saveAssessmentScoresEndpoint, async ({ params, body, user }) => {
  const [row] = await listAssessmentsWithContext({ assessmentId: params.id, drafts: "all" }); // canSeeAssessment decides below
  if (!row) throw notFound("That assessment");
  // A draft someone may not see does not exist for them here either (a 403 would say it
  // does); the attempt is still recorded, as every refused change is.
  if (!canSeeAssessment(user, row)) {
    await recordDenied(await getDb(), user, { action: "assessment.edit", entityType: "assessment", entityId: params.id, organisationId: row.organisationId });
    throw notFound("That assessment");
  }
  const result = await saveAssessmentScores({ actor: user, assessmentId: params.id, ...body });
  return { id: params.id, version: result.assessment.version, status: result.assessment.status, changed: result.changed };
});

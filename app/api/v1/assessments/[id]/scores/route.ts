import { saveAssessmentScores } from "@/db/commands/assessments";
import { saveAssessmentScoresEndpoint } from "@/lib/api/endpoints/assessments";
import { route } from "@/lib/api/handle";

export const dynamic = "force-dynamic";

// The same command as the form: same validation, same permission check, same history.
export const PUT = route(saveAssessmentScoresEndpoint, async ({ params, body, user }) => {
  const result = await saveAssessmentScores({ actor: user, assessmentId: params.id, ...body });
  return { id: params.id, version: result.assessment.version, status: result.assessment.status, changed: result.changed };
});

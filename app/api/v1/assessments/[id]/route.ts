import { getAssessmentById } from "@/db/queries/assessments";
import { listAssessmentsWithContext } from "@/db/queries/api-assessments";
import { getFrameworkStructure } from "@/db/queries/frameworks";
import { assessmentSummary } from "@/lib/api/assessment-rows";
import { getAssessmentEndpoint } from "@/lib/api/endpoints/assessments";
import { route } from "@/lib/api/handle";
import { notFound } from "@/lib/errors";
import { canSeeAssessment } from "@/lib/permissions";

export const dynamic = "force-dynamic";

export const GET = route(getAssessmentEndpoint, async ({ params, user }) => {
  // Every draft is read here; canSeeAssessment decides below.
  const [[row], detail] = await Promise.all([listAssessmentsWithContext({ assessmentId: params.id, drafts: "all" }), getAssessmentById({ assessmentId: params.id })]);
  // A draft someone may not see does not exist for them, as on the assessment page.
  if (!row || !detail || !canSeeAssessment(user, row)) throw notFound("That assessment");
  const structure = await getFrameworkStructure({ frameworkId: row.framework.id });
  return {
    ...assessmentSummary(row),
    scores: (structure?.domains ?? []).flatMap((d) =>
      detail.scores[d.id] == null ? [] : [{ domainId: d.id, domainCode: d.code, domainName: d.name, score: detail.scores[d.id]! }],
    ),
  };
});

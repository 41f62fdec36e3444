import { createAssessment } from "@/db/commands/assessments";
import { listAssessmentsWithContext, pageAssessmentsWithContext } from "@/db/queries/api-assessments";
import { listFrameworks, listPeriods } from "@/db/queries/frameworks";
import { listOrganisationsByCode } from "@/db/queries/places";
import { assessmentSummary } from "@/lib/api/assessment-rows";
import { createAssessmentEndpoint, listAssessmentsEndpoint } from "@/lib/api/endpoints/assessments";
import { resolveFilter, resolveFilterAll } from "@/lib/api/filters";
import { route } from "@/lib/api/handle";
import { draftsVisibleTo } from "@/lib/permissions";

export const dynamic = "force-dynamic";

export const GET = route(listAssessmentsEndpoint, async ({ query, user }) => {
  const [organisations, periods, frameworks] = await Promise.all([listOrganisationsByCode({ code: query.organisation }), listPeriods(), listFrameworks()]);
  const organisation = resolveFilter(organisations, query.organisation, { param: "organisation", what: "organisation", codeOf: (o) => o.odsCode });
  const framework = resolveFilter(frameworks, query.framework, { param: "framework", what: "framework", codeOf: (f) => f.code });
  const periodMatches = resolveFilterAll(framework ? periods.filter((p) => p.frameworkId === framework.id) : periods, query.period, {
    param: "period",
    what: "assessment period",
    codeOf: (p) => p.code,
  });
  // Drafts are their own CIOs' and admins' only, as on the assessments page: filtered and paged in SQL.
  const page = await pageAssessmentsWithContext({
    organisationId: organisation?.id,
    frameworkId: framework?.id,
    periodIds: periodMatches?.map((p) => p.id),
    status: query.status,
    drafts: draftsVisibleTo(user),
    limit: query.limit,
    offset: query.offset,
  });
  return { total: page.total, items: page.items.map(assessmentSummary) };
});

// The same command as the "Start assessment" button: same permission check and history.
export const POST = route(createAssessmentEndpoint, async ({ body, user }) => {
  const created = await createAssessment({ actor: user, organisationId: body.organisationId, periodId: body.periodId });
  const [row] = await listAssessmentsWithContext({ assessmentId: created.id, drafts: "all" }); // its creator may see it
  return assessmentSummary(row!);
});

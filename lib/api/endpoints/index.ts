import type { Endpoint } from "../endpoint";
import { createAssessmentEndpoint, getAssessmentEndpoint, listAssessmentsEndpoint, saveAssessmentScoresEndpoint } from "./assessments";
import { listCapabilitiesEndpoint } from "./capabilities";
import { listFrameworksEndpoint } from "./frameworks";
import { listOrganisationsEndpoint } from "./organisations";
import { listProjectsEndpoint } from "./projects";
import { listScoresEndpoint } from "./scores";
import { listSummariesEndpoint } from "./summaries";
import { listTargetsEndpoint } from "./targets";
import { listReviewsEndpoint, listWorkstreamsEndpoint } from "./workstreams";

/** Every endpoint of /api/v1, in the order the OpenAPI document lists them. */
export const apiEndpoints: readonly Endpoint[] = [
  listFrameworksEndpoint,
  listOrganisationsEndpoint,
  listAssessmentsEndpoint,
  createAssessmentEndpoint,
  getAssessmentEndpoint,
  saveAssessmentScoresEndpoint,
  listScoresEndpoint,
  listSummariesEndpoint,
  listTargetsEndpoint,
  listProjectsEndpoint,
  listCapabilitiesEndpoint,
  listWorkstreamsEndpoint,
  listReviewsEndpoint,
];

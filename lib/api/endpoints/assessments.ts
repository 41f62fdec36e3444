import { z } from "zod";
import { assessmentStatuses } from "@/lib/assessment-workflow";
import { idSchema, isoDate, isoDateTime, itemEndpoint, listEndpoint } from "../endpoint";

export const assessmentSummarySchema = z.object({
  id: idSchema,
  status: z.enum(assessmentStatuses),
  version: z.int().describe("Send it back when saving scores: a save based on an older version is refused (409)."),
  organisation: z.object({ id: idSchema, odsCode: z.string().nullable(), name: z.string() }),
  framework: z.object({ id: idSchema, code: z.string() }),
  period: z.object({ id: idSchema, code: z.string(), name: z.string(), assessedOn: isoDate }),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  submittedAt: isoDateTime.nullable(),
  approvedAt: isoDateTime.nullable(),
});

export const assessmentSchema = assessmentSummarySchema.extend({
  scores: z
    .array(z.object({ domainId: idSchema, domainCode: z.string(), domainName: z.string(), score: z.number().describe("On the framework's scale (see /frameworks: scaleMin, scaleMax, scoreDecimals).") }))
    .describe("The scores entered so far, in the framework's order."),
});

const idParam = { id: idSchema.describe("The assessment's id.") };

export const listAssessmentsEndpoint = listEndpoint({
  path: "/assessments",
  operationId: "listAssessments",
  tag: "Maturity",
  summary: "Assessments you can see",
  description: "Every assessment, latest period first. Drafts are work in progress: only their own organisation's CIOs and administrators see them.",
  query: {
    organisation: z.string().optional().describe("Only this organisation's (ODS code, like RTH, or id)."),
    period: z.string().optional().describe("Only this period's (code, like 2016-BASELINE, or id)."),
    framework: z.string().optional().describe("Only this framework's (code, like DMI-2016, or id)."),
    status: z.enum(assessmentStatuses).optional(),
  },
  item: assessmentSummarySchema,
});

export const getAssessmentEndpoint = itemEndpoint({
  path: "/assessments/{id}",
  operationId: "getAssessment",
  tag: "Maturity",
  summary: "One assessment, with its scores",
  description: "404 for an assessment that does not exist or that is a draft you may not see.",
  params: idParam,
  item: assessmentSchema,
  errors: ["not_found"],
});

export const createAssessmentEndpoint = itemEndpoint({
  method: "POST",
  path: "/assessments",
  operationId: "createAssessment",
  tag: "Maturity",
  summary: "Start a draft assessment for an organisation in an open period",
  description:
    "As the form does: a CIO for their own organisation, an administrator for any. The period must be open (422 otherwise); an organisation has one assessment per period (409 if it exists). Needs a read and write token.",
  body: z.object({
    organisationId: idSchema.describe("The organisation's id (see /organisations)."),
    periodId: idSchema.describe("The assessment period's id (see /frameworks)."),
  }),
  successStatus: 201,
  item: assessmentSummarySchema,
  errors: ["forbidden", "not_found", "conflict", "invalid"],
});

export const saveAssessmentScoresEndpoint = itemEndpoint({
  method: "PUT",
  path: "/assessments/{id}/scores",
  operationId: "saveAssessmentScores",
  tag: "Maturity",
  summary: "Save a draft's scores, and optionally submit it",
  description:
    "The same validation, permission check and change history as the form: every domain of the framework needs a score on its scale, e.g. a whole number from 0 to 100 for DMI-2016 or 1 to 5 with one decimal for the NHS England DMA (422 lists each wrong one), nothing is saved unless all of it is, only the organisation's own CIOs and administrators may save (403), and a save quoting an out-of-date version is refused with who saved first (409). Needs a read and write token.",
  params: idParam,
  body: z.object({
    version: z.int({ error: "version must be the assessment's current version number" }).positive({ error: "version must be the assessment's current version number" }),
    scores: z
      .record(z.string(), z.number({ error: "each score must be a number on the framework's scale" }), { error: "scores must be an object of domain code (or id) to score" })
      .describe('Each domain\'s score by its code or id: { "R1": 80, "R2": 75, … }.'),
    submit: z.boolean().optional().describe("true to submit the assessment for approval once saved."),
  }),
  item: z.object({ id: idSchema, version: z.int(), status: z.enum(assessmentStatuses), changed: z.int().describe("How many scores changed.") }),
  errors: ["forbidden", "not_found", "conflict", "invalid"],
});

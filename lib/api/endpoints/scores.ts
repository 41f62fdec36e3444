import { z } from "zod";
import { careSettings } from "@/lib/care-settings";
import { idSchema, isoDate, listEndpoint } from "../endpoint";

export const scoreRowSchema = z.object({
  assessmentId: idSchema,
  organisationId: idSchema,
  odsCode: z.string().nullable(),
  organisation: z.string(),
  framework: z.string().describe("The framework's code."),
  period: z.string().describe("The period's code."),
  periodName: z.string(),
  assessedOn: isoDate.describe("The date the scores describe."),
  careSetting: z.enum(careSettings).describe("The care setting assessed: scores compare only within one (\"all\" for a framework with no variants)."),
  section: z.string().describe("The section's code."),
  domainCode: z.string(),
  domainName: z.string(),
  score: z.number().describe("On the framework's scale (see /frameworks)."),
  status: z.enum(["submitted", "approved"]),
});

export const listScoresEndpoint = listEndpoint({
  path: "/scores",
  operationId: "listScores",
  tag: "Maturity",
  summary: "Reported domain scores, one row per organisation, period and domain",
  description:
    "The long format BI tools want: one row per score of every submitted or approved assessment (drafts are not reported), by period date, framework, organisation and assessment, each assessment's scores in the framework's domain order.",
  query: {
    framework: z.string().optional().describe("Framework code (DMI-2016) or id."),
    period: z.string().optional().describe("Period code (2016-BASELINE) or id."),
    footprint: z.string().optional().describe("Only organisations serving this footprint (code or id)."),
    organisation: z.string().optional().describe("Only this organisation (ODS code or id)."),
    domain: z.string().optional().describe("Only this domain (code, like C1, or id)."),
  },
  item: scoreRowSchema,
});

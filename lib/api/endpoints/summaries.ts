import { careSettings } from "@/lib/care-settings";
import { z } from "zod";
import { distanceBandKeys } from "@/lib/maturity";
import { idSchema, isoDate, listEndpoint } from "../endpoint";

export const summaryLevels = ["system", "footprint", "organisation"] as const;

export const summaryRowSchema = z.object({
  framework: z.string(),
  period: z.string(),
  periodName: z.string(),
  assessedOn: isoDate,
  level: z.enum(summaryLevels),
  scopeId: idSchema,
  scopeCode: z.string().nullable().describe("The system's or footprint's code, or the organisation's ODS code."),
  scopeName: z.string(),
  section: z.string(),
  domainId: idSchema,
  domainCode: z.string(),
  domainName: z.string(),
  mean: z.number().nullable().describe("Mean of the providers' reported scores (unrounded); null when none has reported."),
  careSetting: z.enum(careSettings).describe("The care setting: scores compare only within one (\"all\" for a framework with no variants)."),
  meanRounded: z.number().nullable().describe("The mean rounded half up to the framework's decimals, as the heatmap prints it."),
  national: z.number().nullable().describe("The national average for the domain in the period and care setting: as published, else the mean of every organisation reported in it."),
  gapToNational: z.number().nullable().describe("mean − national."),
  providersAbove: z.int().describe("Providers strictly above the national average."),
  providersScored: z.int(),
  band: z.enum(distanceBandKeys).nullable().describe("The heatmap's colour band for the rounded gap: 5% and 15% of the framework's scale either side of national."),
});

export const listSummariesEndpoint = listEndpoint({
  path: "/summaries",
  operationId: "listSummaries",
  tag: "Maturity",
  summary: "Domain averages for the system, each footprint and each organisation, against national, per period",
  description:
    "As the heatmap computes them: the mean of the reported (submitted or approved) scores of the providers in scope, the national average, how many providers are strictly above it, and the colour band of the rounded gap. An organisation's row is its own score.",
  query: {
    framework: z.string().optional().describe("Framework code or id."),
    period: z.string().optional().describe("Period code or id."),
    level: z.enum(summaryLevels).optional().describe("Only rows for the system, footprints or organisations."),
    footprint: z.string().optional().describe("Only this footprint's row and its organisations' rows (code or id)."),
    organisation: z.string().optional().describe("Only this organisation's rows (ODS code or id)."),
    domain: z.string().optional().describe("Only this domain (code or id)."),
  },
  item: summaryRowSchema,
});

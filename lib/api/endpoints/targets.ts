import { z } from "zod";
import { statusLabels } from "@/lib/trajectory";
import { idSchema, isoDate, listEndpoint } from "../endpoint";

export const targetLevels = ["system", "footprint", "organisation"] as const;
const trajectoryStatuses = Object.keys(statusLabels) as [keyof typeof statusLabels, ...(keyof typeof statusLabels)[]];
const point = z.object({ date: isoDate, value: z.number() });

export const targetRowSchema = z.object({
  id: idSchema,
  level: z.enum(targetLevels),
  scopeId: idSchema,
  scopeCode: z.string().nullable(),
  scopeName: z.string(),
  framework: z.string(),
  domainCode: z.string(),
  domainName: z.string(),
  financialYear: z.int().describe("The calendar year the financial year starts in: 2017 for 2017/18."),
  financialYearLabel: z.string().describe("2017/18"),
  dueOn: isoDate.describe("31 March at the end of the financial year."),
  score: z.number().describe("On the framework's scale (see /frameworks)."),
  version: z.int(),
  trajectory: z
    .object({
      judgedOn: isoDate,
      status: z.enum(trajectoryStatuses),
      statusLabel: z.string(),
      reason: z.string(),
      judgedFinancialYear: z.int().nullable().describe("The target the status is about: the next one due, else the last."),
      baseline: point.nullable(),
      latest: point.nullable(),
      plannedAtLatest: z.number().nullable(),
      gapToPlan: z.number().nullable(),
      ratePerYear: z.number().nullable(),
      expectedAtTarget: z.number().nullable(),
      goal: z.object({ expected: z.number().nullable(), meets: z.boolean().nullable() }).nullable().describe("The section goal, where one applies to the domain."),
    })
    .describe("The domain's status on its trajectory for the scope, as the trajectories page computes it (the same for every target of the domain and scope)."),
});

export const listTargetsEndpoint = listEndpoint({
  path: "/targets",
  operationId: "listTargets",
  tag: "Trajectories",
  summary: "Targets for the system, footprints and organisations, with each domain's status on its trajectory",
  description:
    "Every target, with the status of its domain's trajectory for its scope judged today: on track, at risk, off track (or no scores), with the reason in words. The rules are the trajectories page's.",
  query: {
    framework: z.string().optional().describe("Framework code or id."),
    level: z.enum(targetLevels).optional(),
    footprint: z.string().optional().describe("Only this footprint's targets (code or id)."),
    organisation: z.string().optional().describe("Only this organisation's targets (ODS code or id)."),
    domain: z.string().optional().describe("Domain code or id."),
    status: z.enum(trajectoryStatuses).optional().describe("Only targets whose domain has this status."),
  },
  item: targetRowSchema,
});

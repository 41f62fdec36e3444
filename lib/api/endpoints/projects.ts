import { z } from "zod";
import { capabilityRoles, projectStatuses } from "@/lib/portfolio";
import { ragRatings } from "@/lib/rag";
import { idSchema, listEndpoint } from "../endpoint";

export const projectSchema = z.object({
  id: idSchema,
  code: z.string(),
  title: z.string(),
  domainCode: z.string().describe("The maturity domain the project raises."),
  domainName: z.string(),
  stpPriority: z.string().describe("The STP digital priority it serves; empty when not recorded."),
  programme: z.string().nullable(),
  fromYear: z.int(),
  toYear: z.int(),
  periodLabel: z.string().describe("2016/17, or 2017/18 – 2018/19"),
  status: z.enum(projectStatuses),
  rag: z.enum(ragRatings).nullable(),
  ragReason: z.string().nullable(),
  owners: z.array(z.object({ id: idSchema, odsCode: z.string().nullable(), name: z.string() })),
  ownerNote: z.string().nullable().describe("Why no owner is recorded, where none is."),
  footprints: z.array(z.string()).describe("Codes of the footprints the project names."),
  appliesIn: z.array(z.string()).describe("Codes of the footprints it applies in: those it names and those its owners serve."),
  capabilities: z.array(z.object({ uc: z.int(), role: z.enum(capabilityRoles).describe("E: enables; S: supports.") })),
});

export const listProjectsEndpoint = listEndpoint({
  path: "/projects",
  operationId: "listProjects",
  tag: "Portfolio",
  summary: "Portfolio projects",
  description: "Every project of the capability plan, by first year and code. The footprint filter keeps projects that name the footprint or whose owners serve it, as the plan does.",
  query: {
    footprint: z.string().optional().describe("Footprint code or id."),
    owner: z.string().optional().describe("Owner organisation (ODS code or id)."),
    status: z.enum(projectStatuses).optional(),
    rag: z.enum(ragRatings).optional(),
    domain: z.string().optional().describe("Domain code or id."),
    priority: z.string().optional().describe("STP digital priority, exactly as written."),
  },
  item: projectSchema,
});

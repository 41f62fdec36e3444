import { z } from "zod";
import { capabilityProgress } from "@/lib/portfolio";
import { idSchema, listEndpoint } from "../endpoint";

export const capabilityViews = ["footprint", "organisation"] as const;

export const capabilityRowSchema = z.object({
  uc: z.int().describe("The universal capability's number, 1–10."),
  title: z.string(),
  by: z.enum(capabilityViews),
  columnId: idSchema.describe("The footprint's or owner organisation's id."),
  columnCode: z.string().nullable().describe("The footprint's code or the organisation's ODS code."),
  columnName: z.string(),
  progress: z.enum(capabilityProgress),
  progressLabel: z.string(),
  projectIds: z.array(idSchema).describe("The projects behind the cell (stopped ones count for nothing)."),
});

export const listCapabilitiesEndpoint = listEndpoint({
  path: "/capabilities",
  operationId: "listCapabilityProgress",
  tag: "Portfolio",
  summary: "Progress of each universal capability by footprint or by owner organisation",
  description:
    "As /portfolio/capabilities derives it: delivered once an enabling project is delivered; in progress while an enabling or supporting project is in flight or paused (or a supporting one delivered); planned if only planned ones; nothing otherwise. One row per capability and footprint (or owner organisation).",
  query: {
    by: z.enum(capabilityViews).default("footprint").describe("footprint (the default) or organisation."),
    footprint: z.string().optional().describe("With by=footprint: only this footprint (code or id)."),
    organisation: z.string().optional().describe("With by=organisation: only this owner organisation (ODS code or id)."),
    uc: z.coerce.number({ error: "uc must be a capability number, like 5" }).int({ error: "uc must be a capability number, like 5" }).optional(),
  },
  item: capabilityRowSchema,
});

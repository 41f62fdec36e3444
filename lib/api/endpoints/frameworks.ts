import { z } from "zod";
import { careSettings } from "@/lib/care-settings";
import { idSchema, isoDate, listEndpoint } from "../endpoint";

const domain = z.object({ id: idSchema, code: z.string(), name: z.string(), shortName: z.string(), position: z.int() });

export const frameworkSchema = z.object({
  id: idSchema,
  code: z.string().describe("DMI-2016"),
  name: z.string(),
  version: z.string(),
  publishedOn: isoDate.nullable(),
  scaleMin: z.number().describe("The lowest score: 0 for DMI-2016, 1 for the NHS England DMA."),
  scaleMax: z.number().describe("The highest score: 100 for DMI-2016, 5 for the NHS England DMA."),
  scoreDecimals: z.int().describe("Decimal places a score may have: 0 for whole numbers."),
  unit: z.string().describe("Printed after a score: \"%\" or nothing."),
  careSettings: z.array(z.enum(careSettings)).describe("The care settings it is assessed in; scores compare only within one."),
  sections: z.array(z.object({ id: idSchema, code: z.string(), name: z.string(), position: z.int(), domains: z.array(domain) })),
  periods: z
    .array(z.object({ id: idSchema, code: z.string(), name: z.string(), assessedOn: isoDate, isOpen: z.boolean() }))
    .describe("Assessment periods, latest first."),
});

export const listFrameworksEndpoint = listEndpoint({
  path: "/frameworks",
  operationId: "listFrameworks",
  tag: "Maturity",
  summary: "Maturity frameworks, with their sections, domains and assessment periods",
  description: "Every maturity framework (the 2016 Digital Maturity Index and any later one): its sections in order, each with its domains, and its assessment periods.",
  item: frameworkSchema,
});

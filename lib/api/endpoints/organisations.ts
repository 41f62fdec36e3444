import { z } from "zod";
import { organisationTypes } from "@/lib/organisation-types";
import { idSchema, listEndpoint } from "../endpoint";

export const organisationSchema = z.object({
  id: idSchema,
  odsCode: z.string().nullable().describe("The ODS code of an NHS body; null for those without one here."),
  name: z.string(),
  shortName: z.string(),
  type: z.enum(organisationTypes),
  typeLabel: z.string(),
  footprints: z.array(z.object({ id: idSchema, code: z.string(), name: z.string() })).describe("The footprints the organisation serves."),
});

export const listOrganisationsEndpoint = listEndpoint({
  path: "/organisations",
  operationId: "listOrganisations",
  tag: "Places",
  summary: "Organisations, with the footprints they serve",
  description: "Trusts, primary care groups, local authorities and partnerships, by name.",
  query: {
    footprint: z.string().optional().describe("Only organisations serving this footprint (code, like BUCKS, or id)."),
    type: z.enum(organisationTypes).optional().describe("Only organisations of this type."),
  },
  item: organisationSchema,
});

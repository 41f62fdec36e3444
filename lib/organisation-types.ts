export const organisationTypes = [
  "acute",
  "community_mental_health",
  "ambulance",
  "primary_care",
  "local_authority",
  "multi_organisation",
  "nhs_trust",
  "icb",
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export const organisationTypeLabels: Record<OrganisationType, string> = {
  acute: "Acute trust",
  community_mental_health: "Community and mental health trust",
  ambulance: "Ambulance trust",
  primary_care: "Primary care",
  local_authority: "Local authority",
  multi_organisation: "Multi-organisation partnership",
  nhs_trust: "NHS trust",
  icb: "Integrated care board",
};
